// Finds and describes a speaker group's episodes of one signal from the store: the edge that
// gathers what core/analysis/episodes.ts needs (the group's series, the opposing camps' series,
// position statements, the pressure index and the evidence of each window).
import { type OpposingCamp, opposingCamps } from '../../core/analysis/camp-amplification.js';
import {
  amplifiedSignals,
  CONTEXT_DAYS,
  describeEpisode,
  type Episode,
  findEpisodes,
} from '../../core/analysis/episodes.js';
import { type BurstWindowOptions, findBurstWindows } from '../../core/analysis/find-burst-windows.js';
import { addDays } from '../../core/analysis/period.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { TACTICS } from '../../core/analysis/tactic-mix.js';
import type { SignalCategory } from '../../core/types.js';
import type { Db } from '../../store/db.js';
import { groupCamps } from '../../store/queries/group-camps.js';
import { groupPositionSignals } from '../../store/queries/group-position-signals.js';
import { signalEvidence } from '../../store/queries/signal-evidence.js';
import { sourceCamps } from '../../store/queries/source-camps.js';
import { loadGroupSeries, type SeriesRange } from './load-group-series.js';
import { loadPressureIndex, pressureActorsOf } from './load-pressure-index.js';
import { toPositionStatement, toStatementEvidence } from './to-statement-evidence.js';

export interface ComputeEpisodesOptions extends SeriesRange {
  burst?: BurstWindowOptions;
  /** Evidence statements per episode (default 5). */
  evidenceLimit?: number;
  /** Whose pressure indicators to read; default guessed from the group (see pressureActorsOf). */
  pressureActor?: string;
}

export async function computeEpisodes(
  db: Db,
  group: SpeakerGroup,
  category: SignalCategory,
  options: ComputeEpisodesOptions = {},
): Promise<Episode[]> {
  const range = {
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
  };
  const series = await loadGroupSeries(db, group, [category, ...TACTICS], range);
  const windows = findEpisodes(series, category, options.burst ?? {});
  if (windows.length === 0) return [];
  const first = series.days[0]!;
  const last = series.days[series.days.length - 1]!;
  const camps = (await groupCamps(db, { group })).map((row) => row.camp);
  const allCamps = (await sourceCamps(db)).map((row) => row.camp);
  const signals = amplifiedSignals(category);
  const opposing: OpposingCamp[] = [];
  for (const camp of opposingCamps(camps, allCamps)) {
    const campSeries = await loadGroupSeries(
      db,
      { name: camp, camps: [camp], actors: [], sources: [] },
      signals,
      {
        since: first,
        until: last,
      },
    );
    const bursts = Object.fromEntries(
      signals.map((signal) => [signal, findBurstWindows(campSeries, signal, options.burst ?? {}).windows]),
    );
    opposing.push({ camp, series: campSeries, bursts });
  }
  const positions = (
    await groupPositionSignals(db, {
      group,
      since: addDays(windows[0]!.start, -CONTEXT_DAYS),
      until: addDays(windows[windows.length - 1]!.end, CONTEXT_DAYS),
    })
  ).map(toPositionStatement);
  const pressureActors = options.pressureActor ? [options.pressureActor] : pressureActorsOf(group, camps);
  const pressure = await loadPressureIndex(db, pressureActors, { period: 'day', from: first, to: last });
  const episodes: Episode[] = [];
  for (const window of windows) {
    const evidence = await signalEvidence(db, {
      group,
      category,
      since: window.start,
      until: window.end,
      limit: options.evidenceLimit ?? 5,
    });
    episodes.push(
      describeEpisode(
        window,
        { group: group.name, category, series, opposing, positions, pressure },
        evidence.map(toStatementEvidence),
      ),
    );
  }
  return episodes;
}
