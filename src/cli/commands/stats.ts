import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export const registerStats = (program: Command, ctx: CliContext): void => {
  program
    .command('stats')
    .description('count sources, documents, statements and signals in the store')
    .option('--json', 'print {sources, documents, statements, signals, …} as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const stats = await store.stats();
        if (flags.json) {
          ctx.io.stdout.write(
            `${JSON.stringify({ ...stats, store: store.kind, location: store.location })}\n`,
          );
          return;
        }
        const rows: Array<[string, string | number]> = [
          ['store', `${store.kind} (${store.location})`],
          ['sources', stats.sources],
          ['documents', stats.documents],
          ['coded documents', stats.codedDocuments],
          ['statements', stats.statements],
          ['signals', stats.signals],
          ['events (GDELT)', stats.events],
          ['codebook versions', stats.codebookVersions.length],
        ];
        for (const [label, value] of rows) ctx.io.stdout.write(`${label.padEnd(18)} ${value}\n`);
      } finally {
        await store.close();
      }
    });
};
