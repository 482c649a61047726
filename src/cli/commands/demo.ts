// `overture demo` (what `npm start` runs): builds a store, ingests and codes the synthetic demo
// scenario, loads its pressure indicators and negotiation rounds, finds the episodes, and serves
// the dashboard. Every step is the same code the individual commands run; re-running it
// duplicates nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createCodingPool } from '../../coder/coding-pool.js';
import { parseRounds } from '../../core/analysis/negotiation-rounds.js';
import { invalidOption } from '../../core/errors.js';
import { codeDocumentsWith, recordCoder } from '../../ingest/code-documents.js';
import { expandInputs } from '../../ingest/expand-inputs.js';
import { ingest } from '../../ingest/ingest.js';
import { roundsSave } from '../../store/queries/rounds-save.js';
import { saveEpisodes } from '../../store/queries/save-episodes.js';
import { saveIndicator } from '../../store/queries/save-indicator.js';
import { computeEpisodes } from '../analysis/compute-episodes.js';
import { resolveSpeakerGroups } from '../analysis/resolve-speaker-group.js';
import type { CliContext } from '../context.js';

interface DemoFlags {
  seed?: string;
  serve: boolean;
  port: string;
  json?: boolean;
}

export const registerDemo = (program: Command, ctx: CliContext): void => {
  program
    .command('demo')
    .description(
      'build a store from the synthetic demo scenario (ingest, code, indicators, rounds, episodes) and serve the dashboard',
    )
    .option('--seed <n>', 'generate another variant of the scenario')
    .option('--no-serve', 'stop after building the store')
    .option('--port <port>', 'dashboard port on 127.0.0.1', '8787')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: DemoFlags, command: Command) => {
      const seed = flags.seed === undefined ? undefined : Number(flags.seed);
      if (seed !== undefined && !Number.isInteger(seed))
        throw invalidOption('--seed', flags.seed, 'an integer');
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw invalidOption('--port', flags.port, 'an integer from 0 to 65535');
      const say = (line: string) => {
        if (!flags.json) ctx.io.stderr.write(`${line}\n`);
      };
      const work = mkdtempSync(join(tmpdir(), 'overture-demo-'));
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        say(`store: ${store.kind} at ${store.location}`);
        const { generateDemo } = await import('../../demo/generate-demo.js');
        const { writeDemoFiles } = await import('../../demo/write-demo-files.js');
        const scenario = generateDemo(seed === undefined ? {} : { seed });
        await writeDemoFiles(work, seed === undefined ? {} : { seed });
        for (const source of scenario.sources) await store.upsertSource(source);

        const pool = await createCodingPool();
        await recordCoder(store, pool, 'demo');
        say(
          `ingesting and coding ${scenario.documents.length} synthetic documents (codebook ${pool.version.slice(0, 12)})…`,
        );
        const { readerFor } = await import('../../ingest/readers.js');
        const summary = await ingest(
          store,
          expandInputs([join(work, 'corpus.jsonl')], { format: 'jsonl', stdin: ctx.io.stdin }),
          {
            readerFor,
            coding: { version: pool.version, code: codeDocumentsWith(store, pool, { markDocuments: false }) },
          },
        );
        await pool.close();

        for (const indicator of scenario.indicators) {
          await saveIndicator(store.db, {
            name: indicator.name,
            actor: indicator.actor,
            direction: indicator.direction,
            cumulative: indicator.cumulative,
            description: indicator.description,
            importedFrom: 'synthetic demo scenario',
            points: indicator.points,
          });
        }
        const roundsLabel = join(work, 'rounds.json');
        const rounds = parseRounds(JSON.parse(readFileSync(roundsLabel, 'utf8')), 'demo rounds.json');
        await roundsSave(store.db, rounds, 'synthetic demo scenario');

        const episodes: Array<{
          id: string;
          group: string;
          start: string;
          end: string;
          classification: string | null;
        }> = [];
        for (const group of await resolveSpeakerGroups(store.db, undefined)) {
          const camp = group.name;
          const found = await computeEpisodes(store.db, group, 'overture', {
            burst: { period: 'day', s: 2, gamma: 1, states: 2 },
            evidenceLimit: 5,
          });
          await saveEpisodes(store.db, { group: camp, category: 'overture', episodes: found });
          for (const e of found) {
            episodes.push({
              id: e.id,
              group: camp,
              start: e.start,
              end: e.end,
              classification: e.classification ?? null,
            });
          }
        }
        const stats = await store.stats();
        const result = {
          store: store.location,
          documents: stats.documents,
          statements: stats.statements,
          signals: stats.signals,
          accepted: summary.accepted,
          duplicates: summary.duplicates,
          rejected: summary.rejected.length,
          indicators: scenario.indicators.length,
          rounds: rounds.rounds.length,
          episodes,
        };
        if (flags.json) ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          ctx.io.stdout.write(
            `synthetic demo scenario: ${stats.documents} documents, ${stats.statements} statements, ${stats.signals} signals ` +
              `(${summary.accepted} new, ${summary.duplicates} exact duplicates skipped)\n`,
          );
          ctx.io.stdout.write(`overture episodes found: ${episodes.length}\n`);
          for (const e of episodes)
            ctx.io.stdout.write(`  ${e.group.padEnd(16)} ${e.start} → ${e.end}  ${e.classification ?? ''}\n`);
        }
        if (!flags.serve) return;
        const { startServer } = await import('../../server/start-server.js');
        const server = await startServer({ store, port });
        ctx.io.stdout.write(`dashboard: ${server.url}  (Ctrl-C to stop)\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        rmSync(work, { recursive: true, force: true });
        await store.close();
      }
    });
};
