import type { Command } from 'commander';
import { createCodingPool } from '../../coder/coding-pool.js';
import { codeDocumentsWith, recordCoder } from '../../ingest/code-documents.js';
import { documentsToCode } from '../../store/queries/documents-to-code.js';
import type { CliContext } from '../context.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';
import { createProgress } from '../progress.js';

const PAGE = 500;

export const registerCode = (program: Command, ctx: CliContext): void => {
  program
    .command('code')
    .description('code stored documents not yet coded by the current codebook (after an edit, all of them)')
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--all', 're-code every document, even those coded by this codebook version')
    .option('--codebook <dir>', 'a codebook folder instead of the default')
    .option('--json', 'print {coded, codebookVersion} as JSON')
    .action(
      async (
        flags: { all?: boolean; codebook?: string; json?: boolean; model?: string | boolean },
        command: Command,
      ) => {
        const modelPath = modelPathOf(flags.model);
        const pool = await createCodingPool({
          ...(flags.codebook ? { codebookDir: flags.codebook } : {}),
          modelPath,
        });
        const store = await ctx.openStore(command.optsWithGlobals());
        const progress = createProgress(ctx.io, 'code {bar} {done} documents | {rate}/s');
        try {
          await recordCoder(store, pool, 'code');
          const code = codeDocumentsWith(store, pool, { markDocuments: true });
          const days = new Set<string>();
          let coded = 0;
          let afterId = 0;
          for (;;) {
            const page = await documentsToCode(store.db, {
              version: pool.version,
              all: flags.all === true,
              afterId,
              limit: PAGE,
            });
            if (page.length === 0) break;
            afterId = page[page.length - 1]!.id;
            const result = await code(
              page.map((row) => ({
                id: row.id,
                text: row.text,
                lang: row.lang,
                publishedAt: row.published_at,
                defaultSpeaker: row.default_speaker,
              })),
            );
            coded += result.coded;
            for (const day of result.days) days.add(day);
            progress.update({ done: coded });
          }
          progress.stop();
          if (days.size > 0) await store.refreshRollups([...days].sort());
          ctx.io.stdout.write(
            flags.json
              ? `${JSON.stringify({ coded, codebookVersion: pool.version })}\n`
              : `${coded} document(s) coded with codebook ${pool.version}\n`,
          );
        } finally {
          progress.stop();
          await pool.close();
          await store.close();
        }
      },
    );
};
