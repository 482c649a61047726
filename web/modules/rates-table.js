// @ts-check
// The timeline's numbers as a table: the same shares with their counts (n of N) per period and
// group, the overlay's standard score, and a button per period for its statements — the chart's
// content for screen readers and for anyone who wants the figures rather than the lines.
import { fill, h } from './dom.js';
import { percent, rangeLabel } from './format.js';

/** @param {number | null | undefined} value */
function formatZ(value) {
  return value === null || value === undefined
    ? '–'
    : `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/**
 * @param {HTMLElement} container
 * @param {{
 *   series: import('./timeline-chart.js').Series[],
 *   signal: string,
 *   period: string,
 *   overlay: import('./timeline-chart.js').Overlay | null,
 *   onEvidence: (index: number) => void,
 * }} input
 */
export function renderRatesTable(container, { series, signal, period, overlay, onEvidence }) {
  const first = series[0];
  if (!first) {
    fill(container, h('p', { class: 'muted' }, 'No groups shown.'));
    return;
  }
  const overlayByPeriod = new Map((overlay?.points ?? []).map((p) => [p.period, p.value]));
  fill(
    container,
    h(
      'table',
      { class: 'rates' },
      h(
        'caption',
        {},
        `${signal} share per ${period}: statements with the signal / all statements of the group`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Period'),
          series.map((s) => h('th', { scope: 'col', class: 'num' }, s.group)),
          overlay ? h('th', { scope: 'col', class: 'num' }, `${overlay.label} (z)`) : null,
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Evidence')),
        ),
      ),
      h(
        'tbody',
        {},
        first.points.map((point, i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, rangeLabel(point.period, point.end)),
            series.map((s) => {
              const p = s.points[i];
              return h('td', { class: 'num' }, p ? `${percent(p.share)} (${p.relevant}/${p.total})` : '–');
            }),
            overlay ? h('td', { class: 'num' }, formatZ(overlayByPeriod.get(point.period))) : null,
            h(
              'td',
              {},
              h(
                'button',
                { type: 'button', class: 'link', on: { click: () => onEvidence(i) } },
                'statements',
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
