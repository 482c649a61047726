// @ts-check
// The timeline: the share of a signal in each speaker group's statements per period (left axis),
// episode bands shaded behind the lines, and a pressure series on a second axis (right, in
// standard scores). Drawn as SVG from the API's numbers, with no chart library: a few scales and
// paths are all it needs, and every label is a text node.
//
// Keyboard: the chart is one tab stop; ←/→ move the cursor a period, Home/End jump, Enter or
// Space shows the statements behind the period. The readout under the chart (a live region) says
// what the cursor is on, so the numbers can be read without seeing the lines.
import { CLASSIFICATION_LABELS, seriesColor, seriesDash } from './colors.js';
import { h, svg } from './dom.js';
import { percent, rangeLabel, tickLabel } from './format.js';

/**
 * @typedef {{ period: string, end: string, relevant: number, total: number, share: number | null }} RatePoint
 * @typedef {{ group: string, points: RatePoint[] }} Series
 * @typedef {{ id: string, speakerGroup: string, signal: string, start: string, end: string, peak: string, classification: string | null }} EpisodeBand
 * @typedef {{ label: string, points: Array<{ period: string, value: number | null }> }} Overlay
 * @typedef {{
 *   signal: string,
 *   series: Series[],
 *   colors: Map<string, { color: string, dash: string }>,
 *   episodes: EpisodeBand[],
 *   overlay: Overlay | null,
 *   cursor: number | null,
 *   onSelect: (index: number) => void,
 *   onEpisode: (episode: EpisodeBand) => void,
 * }} TimelineInput
 */

const HEIGHT = 320;
const MARGIN = { right: 58, bottom: 34, left: 52 };
/** Rows of episode labels above the plot; overlapping episodes get a row each. */
const LABEL_ROW = 15;
const MAX_LABEL_ROWS = 3;

/** Round the top of an axis up to a step that gives at most five ticks. @param {number} max */
function shareTicks(max) {
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
  const top = Math.max(max, 0.01);
  const step = steps.find((s) => top / s <= 5) ?? 1;
  const ticks = [];
  for (let t = 0; t <= top + step * 0.999 && ticks.length < 7; t += step) ticks.push(Number(t.toFixed(4)));
  return ticks;
}

/** Integer standard scores spanning the overlay, at least −1…1. @param {number[]} values */
function zTicks(values) {
  const low = Math.min(-1, Math.floor(Math.min(...values)));
  const high = Math.max(1, Math.ceil(Math.max(...values)));
  const step = high - low > 6 ? 2 : 1;
  const ticks = [];
  for (let t = low; t <= high; t += step) ticks.push(t);
  return ticks;
}

/**
 * Index of the period holding `day` (periods are consecutive and sorted).
 * @param {RatePoint[]} points
 * @param {string} day
 */
function periodIndex(points, day) {
  for (let i = 0; i < points.length; i++) {
    const point = /** @type {RatePoint} */ (points[i]);
    if (day <= point.end) return i;
  }
  return points.length - 1;
}

/**
 * What the chart shows at one period, in words (the live readout and each column's tooltip).
 * @param {Pick<TimelineInput, 'signal' | 'series' | 'episodes' | 'overlay'>} input
 * @param {number} index
 */
export function readout(input, index) {
  const first = input.series[0]?.points[index];
  if (!first) return '';
  const parts = input.series.map((series) => {
    const p = series.points[index];
    return p ? `${series.group} ${percent(p.share)} (${p.relevant} of ${p.total})` : `${series.group} –`;
  });
  const overlayPoint = input.overlay?.points.find((p) => p.period === first.period);
  if (input.overlay && overlayPoint && overlayPoint.value !== null) {
    parts.push(
      `${input.overlay.label} ${overlayPoint.value >= 0 ? '+' : '−'}${Math.abs(overlayPoint.value).toFixed(2)}`,
    );
  }
  const episodes = input.episodes.filter((e) => e.start <= first.end && e.end >= first.period);
  for (const e of episodes) {
    parts.push(
      `in episode ${e.speakerGroup} ${e.signal} ${rangeLabel(e.start, e.end)}${e.classification ? ` (${CLASSIFICATION_LABELS[e.classification] ?? e.classification})` : ''}`,
    );
  }
  return `${rangeLabel(first.period, first.end)} — ${input.signal} share: ${parts.join('; ')}`;
}

/**
 * Draws the chart into `container` and returns a handle to move the cursor without redrawing
 * (so that the focused element stays the same while the user moves along it).
 * @param {HTMLElement} container
 * @param {TimelineInput} input
 * @param {HTMLElement} live the readout line (aria-live)
 */
export function renderTimeline(container, input, live) {
  container.replaceChildren();
  const points = input.series[0]?.points ?? [];
  const n = points.length;
  if (n === 0) {
    container.append(h('p', { class: 'muted' }, 'No statements in this range.'));
    return { setCursor: () => {} };
  }
  const width = Math.max(480, Math.round(container.clientWidth || 900));
  const plotW = width - MARGIN.left - MARGIN.right;
  const band = plotW / n;
  const x = (/** @type {number} */ i) => MARGIN.left + band * (i + 0.5);

  // Episode labels are laid out first (greedily, in rows) because their rows set the top margin.
  const shown = input.episodes
    .filter((e) => e.end >= (points[0]?.period ?? '') && e.start <= (points[n - 1]?.end ?? ''))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  /** @type {number[]} */
  const rowEnds = [];
  const placed = shown.map((episode) => {
    const i0 = periodIndex(points, episode.start);
    const i1 = periodIndex(points, episode.end);
    const left = x(i0) - band / 2;
    const label = `${episode.speakerGroup}: ${CLASSIFICATION_LABELS[episode.classification ?? ''] ?? episode.classification ?? 'episode'}`;
    const labelWidth = 16 + label.length * 6.3;
    let row = rowEnds.findIndex((end) => left >= end + 8);
    if (row < 0 && rowEnds.length < MAX_LABEL_ROWS) row = rowEnds.length;
    if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = left + labelWidth;
    return { episode, i0, i1, left, label, row };
  });
  const marginTop = 12 + Math.max(1, rowEnds.length) * LABEL_ROW;
  const plotH = HEIGHT - marginTop - MARGIN.bottom;
  const maxShare = Math.max(0, ...input.series.flatMap((s) => s.points.map((p) => p.share ?? 0)));
  const ticks = shareTicks(maxShare);
  const top = /** @type {number} */ (ticks[ticks.length - 1]);
  const y = (/** @type {number} */ share) => marginTop + plotH - (share / top) * plotH;

  const root = svg('svg', {
    class: 'timeline',
    viewBox: `0 0 ${width} ${HEIGHT}`,
    width,
    height: HEIGHT,
    tabindex: 0,
    role: 'group',
    'aria-label': `Timeline of the ${input.signal} share per period for ${input.series.map((s) => s.group).join(', ')}. Use the left and right arrow keys to move along it and Enter to show the statements behind a period.`,
  });

  // Episode bands, behind everything else; the label above the plot opens the episode.
  const bands = svg('g', { class: 'bands' });
  for (const { episode, i0, i1, left, label, row } of placed) {
    const labelY = 12 + row * LABEL_ROW + 10;
    bands.append(
      svg(
        'g',
        {
          class: `band band-${/^[a-z-]+$/.test(episode.classification ?? '') ? episode.classification : 'none'}`,
          on: { click: () => input.onEpisode(episode) },
        },
        svg('title', {}, `${label}, ${rangeLabel(episode.start, episode.end)} — click for its statements`),
        svg('rect', {
          x: left,
          y: marginTop,
          width: Math.max(2, (i1 - i0 + 1) * band),
          height: plotH,
          class: 'band-area',
        }),
        svg('line', { x1: left, x2: left, y1: labelY - 9, y2: marginTop, class: 'band-tick' }),
        svg('rect', {
          x: left + 3,
          y: labelY - 8,
          width: 9,
          height: 9,
          rx: 2,
          fill: input.colors.get(episode.speakerGroup)?.color ?? '#9aa5b3',
        }),
        svg('text', { x: left + 16, y: labelY, class: 'band-label' }, label),
      ),
    );
  }
  root.append(bands);

  // Grid and the share axis.
  const grid = svg('g', { class: 'grid' });
  for (const tick of ticks) {
    grid.append(
      svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(tick), y2: y(tick) }),
      svg(
        'text',
        { x: MARGIN.left - 8, y: y(tick) + 4, class: 'axis-label', 'text-anchor': 'end' },
        percent(tick, 0),
      ),
    );
  }
  grid.append(
    svg(
      'text',
      {
        x: 12,
        y: marginTop + plotH / 2,
        class: 'axis-title',
        transform: `rotate(-90 12 ${marginTop + plotH / 2})`,
        'text-anchor': 'middle',
      },
      `${input.signal} share`,
    ),
  );
  // Date ticks: about one per 90 pixels, the year shown at the first tick and at each January.
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(plotW / 90))));
  let lastYear = '';
  for (let i = 0; i < n; i += every) {
    const day = /** @type {RatePoint} */ (points[i]).period;
    const year = day.slice(0, 4);
    grid.append(
      svg('line', { x1: x(i), x2: x(i), y1: marginTop + plotH, y2: marginTop + plotH + 4, class: 'tick' }),
      svg(
        'text',
        { x: x(i), y: HEIGHT - 10, class: 'axis-label', 'text-anchor': 'middle' },
        tickLabel(day, year !== lastYear),
      ),
    );
    lastYear = year;
  }
  root.append(grid);

  // The pressure overlay on its own axis (standard scores), dashed and grey: context, not data.
  const overlayValues = (input.overlay?.points ?? []).map((p) => p.value).filter((v) => v !== null);
  if (input.overlay && overlayValues.length > 0) {
    const zt = zTicks(/** @type {number[]} */ (overlayValues));
    const zLow = /** @type {number} */ (zt[0]);
    const zHigh = /** @type {number} */ (zt[zt.length - 1]);
    const yz = (/** @type {number} */ v) => marginTop + plotH - ((v - zLow) / (zHigh - zLow)) * plotH;
    const byPeriod = new Map(input.overlay.points.map((p) => [p.period, p.value]));
    let d = '';
    let pen = false;
    points.forEach((point, i) => {
      const value = byPeriod.get(point.period);
      if (value === null || value === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${yz(value).toFixed(1)}`;
      pen = true;
    });
    const axis = svg('g', { class: 'overlay' });
    for (const tick of zt) {
      axis.append(
        svg(
          'text',
          { x: MARGIN.left + plotW + 8, y: yz(tick) + 4, class: 'axis-label' },
          `${tick > 0 ? '+' : tick < 0 ? '−' : ''}${Math.abs(tick)}`,
        ),
      );
    }
    axis.append(
      svg(
        'text',
        {
          x: width - 10,
          y: marginTop + plotH / 2,
          class: 'axis-title',
          transform: `rotate(90 ${width - 10} ${marginTop + plotH / 2})`,
          'text-anchor': 'middle',
        },
        `${input.overlay.label} (z)`,
      ),
      svg('path', { d, class: 'overlay-line' }),
    );
    root.append(axis);
  }

  // One line per group; gaps where a group said nothing in a period (share undefined).
  const lines = svg('g', { class: 'lines' });
  input.series.forEach((series, index) => {
    const style = input.colors.get(series.group) ?? {
      color: seriesColor(series.group, index),
      dash: seriesDash(index),
    };
    let d = '';
    let pen = false;
    series.points.forEach((p, i) => {
      if (p.share === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.share).toFixed(1)}`;
      pen = true;
    });
    const group = svg('g', { class: 'series' });
    group.append(
      svg('path', { d, stroke: style.color, 'stroke-dasharray': style.dash || null, class: 'series-line' }),
    );
    if (n <= 40) {
      series.points.forEach((p, i) => {
        if (p.share !== null && p.relevant > 0) {
          group.append(
            svg('circle', { cx: x(i), cy: y(p.share), r: 3, fill: style.color, class: 'series-dot' }),
          );
        }
      });
    }
    lines.append(group);
  });
  root.append(lines);

  // The cursor and the hit areas (one column per period).
  const cursor = svg('rect', {
    class: 'cursor',
    x: 0,
    y: marginTop,
    width: Math.max(2, band),
    height: plotH,
    visibility: 'hidden',
  });
  root.append(cursor);
  const hits = svg('g', { class: 'hits' });
  for (let i = 0; i < n; i++) {
    hits.append(
      svg(
        'rect',
        {
          x: x(i) - band / 2,
          y: marginTop,
          width: band,
          height: plotH,
          on: { click: () => select(i, true) },
        },
        svg('title', {}, readout(input, i)),
      ),
    );
  }
  root.append(hits);
  container.append(root);

  let current = input.cursor;
  /**
   * @param {number | null} index
   * @param {boolean} open also show the evidence
   */
  function select(index, open) {
    current = index === null ? null : Math.max(0, Math.min(n - 1, index));
    if (current === null) {
      cursor.setAttribute('visibility', 'hidden');
      return;
    }
    cursor.setAttribute('x', String(x(current) - band / 2));
    cursor.setAttribute('visibility', 'visible');
    live.textContent = readout(input, current);
    if (open) input.onSelect(current);
  }
  root.addEventListener('keydown', (event) => {
    const keys = { ArrowLeft: -1, ArrowRight: 1 };
    if (event.key in keys) {
      select(
        (current ?? (event.key === 'ArrowLeft' ? n : -1)) +
          keys[/** @type {'ArrowLeft' | 'ArrowRight'} */ (event.key)],
        false,
      );
    } else if (event.key === 'Home') {
      select(0, false);
    } else if (event.key === 'End') {
      select(n - 1, false);
    } else if ((event.key === 'Enter' || event.key === ' ') && current !== null) {
      select(current, true);
    } else {
      return;
    }
    event.preventDefault();
  });
  root.addEventListener('focus', () => {
    if (current === null) select(n - 1, false);
  });
  if (current !== null) select(current, false);
  else live.textContent = '';
  return { setCursor: (/** @type {number | null} */ index) => select(index, false) };
}
