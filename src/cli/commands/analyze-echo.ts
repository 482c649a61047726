// `overture analyze echo`: who carries a formula from the Kremlin to Western commentary. For each
// codebook formula that fired (and each cluster of near-duplicate statements): where it first
// appeared, the chain of camps it travelled with each camp's lag, and the sources that echoed it
// soonest and most; per episode, the amplification summary; and the source network as GraphML
// or JSON for Gephi-style tools.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  buildEchoChain,
  buildEchoChains,
  chainPath,
  type EchoChain,
  echoChainJson,
} from '../../core/analysis/echo.js';
import { summarizeAmplification } from '../../core/analysis/echo-amplification.js';
import { buildSourceNetwork, networkToGraphml, networkToJson } from '../../core/analysis/echo-network.js';
import {
  type NearDuplicateCluster,
  NearDuplicateClusterer,
} from '../../core/analysis/near-duplicate-clusters.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { addDays, parseDayOption } from '../../core/analysis/period.js';
import { formulaOfRule, formulaSightings, matchesFormula } from '../../core/analysis/shared-formulas.js';
import type { Sighting } from '../../core/analysis/sightings.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import { echoFormulaSightings } from '../../store/queries/echo-formula-sightings.js';
import { echoGroupRules } from '../../store/queries/echo-group-rules.js';
import { echoSignalSightings } from '../../store/queries/echo-signal-sightings.js';
import { echoStatementPages } from '../../store/queries/echo-statement-pages.js';
import { getStoredEpisode } from '../../store/queries/stored-episodes.js';
import { numberOption } from '../analysis/number-option.js';
import { resolveSpeakerGroup } from '../analysis/resolve-speaker-group.js';
import type { CliContext, RegisterCommand } from '../context.js';
import { createProgress } from '../progress.js';
import { getAnalyzeCommand } from './analyze.js';

interface EchoFlags {
  formula?: string[];
  signal?: string;
  since?: string;
  until?: string;
  episode?: string;
  followDays: number;
  nearDuplicates: boolean;
  minSources: number;
  top: number;
  graph?: string;
  out?: string;
  window: number;
  json?: boolean;
}

interface EpisodeScope {
  id: string;
  group: SpeakerGroup;
  start: string;
  end: string;
}

const startOf = (day: string): string => `${day}T00:00:00.000Z`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const endOf = (day: string): string => `${day}T23:59:59.999Z`;

async function episodeScope(db: Db, id: string): Promise<EpisodeScope> {
  const row = await getStoredEpisode(db, id);
  if (!row)
    throw new OvertureError(
      'not-found',
      `no stored episode ${JSON.stringify(id)} (run overture episodes first)`,
    );
  const group = await resolveSpeakerGroup(db, row.speaker_group);
  return { id: row.id, group, start: row.start_day, end: row.end_day };
}

const inGroup = (group: SpeakerGroup, source: string, camp: string): boolean =>
  group.camps.includes(camp) || group.sources.includes(source);

async function nearDuplicateClusters(
  ctx: CliContext,
  db: Db,
  window: { since?: string; until?: string },
  minSources: number,
): Promise<{
  clusters: NearDuplicateCluster[];
  stats: ReturnType<NearDuplicateClusterer['result']>['stats'];
}> {
  const clusterer = new NearDuplicateClusterer();
  const progress = createProgress(ctx.io, 'near duplicates {done} statements ({rate}/s)');
  let done = 0;
  try {
    for await (const page of echoStatementPages(db, window)) {
      for (const row of page) {
        clusterer.add({
          documentId: row.document_id,
          idx: row.idx,
          source: row.source,
          camp: row.camp,
          lang: row.lang,
          time: new Date(row.published_at).getTime(),
          text: row.text,
        });
      }
      done += page.length;
      progress.update({ done });
    }
  } finally {
    progress.stop();
  }
  return clusterer.result(minSources);
}

function describeChain(chain: EchoChain, extra = ''): string[] {
  const head = `${chain.item}${extra}  ${chainPath(chain)}  (${plural(chain.sources, 'source')}, ${plural(chain.statements, 'statement')}${chain.langs.length > 0 ? `, ${chain.langs.join('/')}` : ''})`;
  const first = `  first: ${chain.first.source} (${chain.first.camp}) ${new Date(chain.first.time).toISOString()}`;
  const links = chain.chain.map(
    (link) =>
      `  +${link.lagHours.toFixed(1).padStart(7)} h  ${link.camp.padEnd(16)} ${link.sources
        .slice(0, 5)
        .map((s) => s.source)
        .join(', ')}${link.sources.length > 5 ? `, … ${link.sources.length - 5} more` : ''}`,
  );
  return [head, first, ...links];
}

export const registerAnalyzeEcho: RegisterCommand = (program, ctx) => {
  getAnalyzeCommand(program)
    .command('echo')
    .description(
      'who echoes whom: the chain of camps each formula travelled, lags, the soonest and most echoing sources',
    )
    .option(
      '--formula <formula>',
      'only this formula (repeatable): a formula, a rule id, or the last part of one',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--signal <category>', 'only formulas of this signal, and the signal as a whole')
    .option('--since <day>', 'first UTC day (YYYY-MM-DD)')
    .option('--until <day>', 'last UTC day (YYYY-MM-DD)')
    .option(
      '--episode <id>',
      'a stored episode: the formulas its group used, followed for --follow-days after its end',
    )
    .option(
      '--follow-days <n>',
      'days after an episode in which echoes count',
      numberOption('follow-days', { integer: true, min: 0 }),
      14,
    )
    .option('--no-near-duplicates', 'skip the MinHash/LSH pass over the statements (formulas only)')
    .option(
      '--min-sources <n>',
      'near-duplicate clusters need this many sources',
      numberOption('min-sources', { integer: true, min: 1 }),
      2,
    )
    .option(
      '--top <n>',
      'items printed as text, and sources in soonest/most',
      numberOption('top', { integer: true, min: 1 }),
      20,
    )
    .option('--graph <format>', 'export the source network: graphml or json (to --out, or stdout)')
    .option('--out <file>', 'where --graph writes')
    .option(
      '--window <hours>',
      'network: an earlier source links to a later one within this many hours',
      numberOption('window', { min: 0 }),
      168,
    )
    .option('--json', 'print {"formulas": [...], "signals": [...], "clusters": [...], "episode"?, "stats"}')
    .action(async (flags: EchoFlags, command: Command) => {
      if (flags.graph !== undefined && flags.graph !== 'graphml' && flags.graph !== 'json') {
        throw invalidOption('graph', flags.graph, 'graphml or json');
      }
      if (flags.out !== undefined && flags.graph === undefined)
        throw invalidOption('out', flags.out, 'used with --graph graphml|json');
      const category = flags.signal !== undefined ? parseSignal(flags.signal) : undefined;
      const sinceDay = flags.since !== undefined ? parseDayOption('since', flags.since) : undefined;
      const untilDay = flags.until !== undefined ? parseDayOption('until', flags.until) : undefined;
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const db = store.db;
        const scope = flags.episode !== undefined ? await episodeScope(db, flags.episode) : null;
        const window = scope
          ? { since: startOf(scope.start), until: endOf(addDays(scope.end, flags.followDays)) }
          : {
              ...(sinceDay ? { since: startOf(sinceDay) } : {}),
              ...(untilDay ? { until: endOf(untilDay) } : {}),
            };
        const rules = scope
          ? await echoGroupRules(db, {
              camps: scope.group.camps,
              sources: scope.group.sources,
              actors: scope.group.actors,
              since: startOf(scope.start),
              until: endOf(scope.end),
              ...(category ? { category } : {}),
            })
          : undefined;

        // The group's rules name its formulas; their echoes may fire other rules of the same
        // formula (the English rule of a Russian phrase), so the filter is on formulas.
        const groupFormulas = rules
          ? new Set(rules.map(formulaOfRule).filter((f): f is string => f !== null))
          : null;
        const rows = await echoFormulaSightings(db, { ...window, ...(category ? { category } : {}) });
        let sightings = formulaSightings(
          rows.map((row) => ({
            rule: row.rule,
            source: row.source,
            camp: row.camp,
            lang: row.lang,
            time: new Date(row.first_time).getTime(),
            count: row.statements,
          })),
        );
        if (groupFormulas) sightings = sightings.filter((s) => groupFormulas.has(s.item));
        if (flags.formula && flags.formula.length > 0) {
          const wanted = flags.formula;
          sightings = sightings.filter((s) => wanted.some((q) => matchesFormula(s.item, q)));
        }
        const formulas = buildEchoChains(sightings, { top: flags.top });

        const signals: EchoChain[] = [];
        if (category) {
          const signalRows = await echoSignalSightings(db, { category, ...window });
          const signalSightings: Sighting[] = signalRows.map((row) => ({
            item: `signal:${row.category}`,
            source: row.source,
            camp: row.camp,
            firstTime: new Date(row.first_time).getTime(),
            count: row.statements,
            langs: [row.lang],
          }));
          if (signalSightings.length > 0)
            signals.push(buildEchoChain(`signal:${category}`, signalSightings, flags.top));
        }

        let clusters: NearDuplicateCluster[] = [];
        let clusterStats = null;
        if (flags.nearDuplicates) {
          const result = await nearDuplicateClusters(ctx, db, window, flags.minSources);
          // In an episode, keep the clusters the group started. A group of actors only cannot be
          // told from its sources, so its clusters are all kept.
          const byCampOrSource = scope !== null && scope.group.camps.length + scope.group.sources.length > 0;
          clusters = byCampOrSource
            ? result.clusters.filter((c) => {
                const first = [...c.sightings].sort((a, b) => a.firstTime - b.firstTime)[0];
                return first !== undefined && inGroup(scope.group, first.source, first.camp);
              })
            : result.clusters;
          clusterStats = result.stats;
        }
        const clusterChains = clusters.map((c) => ({
          cluster: c,
          chain: buildEchoChain(c.id, c.sightings, flags.top),
        }));

        if (flags.graph !== undefined) {
          const network = buildSourceNetwork([...formulas, ...clusterChains.map((c) => c.chain)], {
            windowHours: flags.window,
          });
          const text =
            flags.graph === 'graphml'
              ? networkToGraphml(network)
              : `${JSON.stringify(networkToJson(network), null, 2)}\n`;
          if (flags.out === undefined) {
            ctx.io.stdout.write(text);
            return;
          }
          await writeFile(resolve(ctx.io.cwd, flags.out), text, 'utf8');
          ctx.io.stderr.write(
            `wrote ${network.nodes.length} sources and ${network.edges.length} edges to ${flags.out}\n`,
          );
        }

        const summary = scope ? summarizeAmplification(formulas, flags.top) : null;
        if (flags.json) {
          ctx.io.stdout.write(
            `${JSON.stringify({
              formulas: formulas.map(echoChainJson),
              signals: signals.map(echoChainJson),
              clusters: clusterChains.map(({ cluster, chain }) => ({
                ...echoChainJson(chain),
                lang: cluster.lang,
                text: cluster.text,
                size: cluster.size,
                members: cluster.members.map((m) => ({ ...m, time: new Date(m.time).toISOString() })),
              })),
              ...(scope
                ? {
                    episode: {
                      id: scope.id,
                      group: scope.group.name,
                      start: scope.start,
                      end: scope.end,
                      followDays: flags.followDays,
                      amplification: summary,
                    },
                  }
                : {}),
              stats: { formulas: formulas.length, clusters: clusters.length, nearDuplicates: clusterStats },
            })}\n`,
          );
          return;
        }
        if (flags.graph !== undefined && flags.out === undefined) return;
        const lines: string[] = [];
        if (scope && summary) {
          lines.push(
            `episode ${scope.id} (${scope.group.name}, ${scope.start} → ${scope.end}, echoes followed ${flags.followDays} days)`,
            `  ${plural(summary.items, 'formula')}; ${summary.crossSideItems} reached another side (${summary.crossSideShare === null ? 'n/a' : `${Math.round(summary.crossSideShare * 100)}%`})`,
            ...summary.camps.map(
              (c) => `  ${c.camp.padEnd(16)} ${plural(c.items, 'formula')}, median lag ${c.medianLagHours} h`,
            ),
            ...summary.crossSideSources.map(
              (s) =>
                `  carried by ${s.source} (${s.camp}): ${plural(s.items, 'formula')}, median lag ${s.medianLagHours} h`,
            ),
            '',
          );
        }
        if (formulas.length === 0 && signals.length === 0 && clusterChains.length === 0) {
          lines.push(
            'no formulas or near-duplicate statements found (is the store coded? see overture code)',
          );
        }
        for (const chain of [...signals, ...formulas.slice(0, flags.top)])
          lines.push(...describeChain(chain), '');
        if (formulas.length > flags.top)
          lines.push(`… and ${formulas.length - flags.top} more formulas (--top, --json)`, '');
        for (const { cluster, chain } of clusterChains.slice(0, flags.top)) {
          lines.push(
            ...describeChain(chain, ` ×${cluster.size}`),
            `  "${cluster.text.length > 160 ? `${cluster.text.slice(0, 157)}…` : cluster.text}"`,
            '',
          );
        }
        if (clusterStats) {
          lines.push(
            `near duplicates: ${clusterStats.statements} statements read, ${clusters.length} clusters across ${flags.minSources}+ sources`,
          );
        }
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
};
