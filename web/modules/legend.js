// @ts-check
// The timeline's legend, which is also where groups are shown and hidden, and the choice of
// which groups a fresh chart shows.
import { fill, h } from './dom.js';
import { count } from './format.js';

/** @typedef {import('./timeline-chart.js').Series} Series */

/**
 * Eight camps on one axis are unreadable, so by default the chart shows the groups that have
 * episodes of the signal (or, when none has, the four that carried it most) and every group the
 * user added; the others stay in the legend, one click away.
 * @param {Series[]} series
 * @param {ReadonlyArray<{ speakerGroup: string }>} episodes
 * @param {readonly string[]} camps the default groups (the rest were added by the user)
 * @returns {Set<string>} the groups to hide
 */
export function defaultHidden(series, episodes, camps) {
  const withEpisodes = new Set(episodes.map((e) => e.speakerGroup));
  const relevant = (/** @type {Series} */ s) => s.points.reduce((sum, p) => sum + p.relevant, 0);
  const keep = series.some((s) => withEpisodes.has(s.group))
    ? series.filter((s) => withEpisodes.has(s.group))
    : [...series].sort((a, b) => relevant(b) - relevant(a)).slice(0, 4);
  const kept = new Set(keep.map((s) => s.group));
  for (const s of series) if (!camps.includes(s.group)) kept.add(s.group);
  return new Set(series.map((s) => s.group).filter((group) => !kept.has(group)));
}

/**
 * @param {HTMLElement} container
 * @param {{
 *   series: Series[],
 *   colors: Map<string, { color: string }>,
 *   hidden: Set<string>,
 *   overlayLabel: string | null,
 *   onToggle: (group: string, shown: boolean) => void,
 * }} input
 */
export function renderLegend(container, { series, colors, hidden, overlayLabel, onToggle }) {
  fill(
    container,
    series.map((s) => {
      const box = h('input', {
        type: 'checkbox',
        checked: !hidden.has(s.group),
        on: { change: () => onToggle(s.group, box.checked) },
      });
      const swatch = h('span', { class: 'swatch' });
      // A palette colour through the CSSOM, which the CSP allows (a style attribute it would not).
      const color = colors.get(s.group)?.color;
      if (color) swatch.style.backgroundColor = color;
      const total = s.points.reduce((sum, p) => sum + p.relevant, 0);
      return h(
        'label',
        { class: 'legend-item' },
        box,
        swatch,
        s.group,
        h('span', { class: 'muted' }, ` ${count(total)}`),
      );
    }),
    overlayLabel
      ? h(
          'span',
          { class: 'legend-item' },
          h('span', { class: 'swatch overlay-swatch' }),
          `${overlayLabel} (right axis)`,
        )
      : null,
  );
}
