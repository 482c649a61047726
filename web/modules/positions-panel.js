// @ts-check
// The position table: actor × position key, the stances stated in the window drawn as a strip
// (one mark per statement: ● assert, ▲ harden, ▼ soften, ✕ drop — shape and colour both, so it
// reads without colour), and first of all what did NOT change: during a peace offensive the
// rhetoric moves and the positions do not (DESIGN.md, model point 2).

import { fill, h, svg } from './dom.js';
import { statementItem } from './evidence-panel.js';
import { dayLabel, rangeLabel } from './format.js';

/**
 * @typedef {import('./evidence-panel.js').EvidenceStatement} EvidenceStatement
 * @typedef {{ actor: string, key: string, stance: string, day: string, evidence: any }} PositionStatement
 * @typedef {{ actor: string, key: string, status: string, latest: { day: string, stance: string }, before: { day: string, stance: string } | null, counts: Record<string, number>, timeline: PositionStatement[] }} LedgerEntry
 * @typedef {{ since: string | null, until: string | null, entries: LedgerEntry[], unchanged: Array<{ actor: string, key: string, stance: string, status: string, lastStated: string }> }} Ledger
 */

const STRIP = { width: 220, height: 22 };
/** Rows shown before "Show all". */
const FIRST_ROWS = 25;
const STATUS_WORDS = { moved: 'moved', restated: 'restated, unchanged', held: 'held, not restated' };

/**
 * @param {string} stance
 * @param {number} cx
 * @param {number} cy
 */
function stanceMark(stance, cx, cy) {
  switch (stance) {
    case 'harden':
      return svg('path', {
        d: `M${cx},${cy - 6}L${cx + 5},${cy + 4}L${cx - 5},${cy + 4}Z`,
        class: 'stance-harden',
      });
    case 'soften':
      return svg('path', {
        d: `M${cx},${cy + 6}L${cx + 5},${cy - 4}L${cx - 5},${cy - 4}Z`,
        class: 'stance-soften',
      });
    case 'drop':
      return svg('path', {
        d: `M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx + 4},${cy - 4}L${cx - 4},${cy + 4}`,
        class: 'stance-drop',
      });
    default:
      return svg('circle', { cx, cy, r: 3.5, class: 'stance-assert' });
  }
}

/**
 * @param {LedgerEntry} entry
 * @param {string} from
 * @param {string} to
 */
function strip(entry, from, to) {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(1, Date.parse(`${to}T00:00:00Z`) - start);
  const x = (/** @type {string} */ day) =>
    6 + ((Date.parse(`${day}T00:00:00Z`) - start) / span) * (STRIP.width - 12);
  const counts = entry.counts;
  return svg(
    'svg',
    {
      class: 'stance-strip',
      width: STRIP.width,
      height: STRIP.height,
      viewBox: `0 0 ${STRIP.width} ${STRIP.height}`,
      role: 'img',
      'aria-label': `${entry.timeline.length} statements from ${dayLabel(from)} to ${dayLabel(to)}: ${counts.assert ?? 0} assert, ${counts.harden ?? 0} harden, ${counts.soften ?? 0} soften, ${counts.drop ?? 0} drop`,
    },
    svg('line', {
      x1: 2,
      x2: STRIP.width - 2,
      y1: STRIP.height / 2,
      y2: STRIP.height / 2,
      class: 'strip-axis',
    }),
    entry.timeline.map((s) =>
      svg(
        'g',
        {},
        svg('title', {}, `${dayLabel(s.day)}: ${s.stance}`),
        stanceMark(s.stance, x(s.day), STRIP.height / 2),
      ),
    ),
  );
}

/**
 * @param {HTMLElement} container
 * @param {{ ledger: Ledger, from: string, to: string }} input
 */
export function renderPositions(container, { ledger, from, to }) {
  if (ledger.entries.length === 0) {
    fill(
      container,
      h(
        'p',
        { class: 'empty' },
        "No position statements up to this window. Positions are coded by the codebook's position rules (",
        h('code', {}, 'codebook/positions.yaml'),
        '); re-code with ',
        h('code', {}, 'overture code --all'),
        ' after editing them.',
      ),
    );
    return;
  }
  const unchanged = ledger.unchanged;
  const moved = ledger.entries.filter((e) => e.status === 'moved');
  const summary = h(
    'div',
    { class: 'callout' },
    h('h3', {}, `What did not change, ${rangeLabel(from, to)}`),
    unchanged.length === 0
      ? h('p', {}, 'Every position stated in this window moved.')
      : h(
          'ul',
          { class: 'unchanged' },
          byActor(unchanged).map(([actor, keys]) =>
            h(
              'li',
              {},
              h('strong', {}, actor),
              ': ',
              keys.map((u, i) => [
                i > 0 ? ', ' : '',
                h('code', {}, u.key),
                ` ${u.status === 'restated' ? 'restated' : 'held'} (${u.stance}, last ${dayLabel(u.lastStated)})`,
              ]),
            ),
          ),
        ),
    h(
      'p',
      { class: 'muted' },
      moved.length === 0
        ? 'No position was hardened, softened or dropped in the window.'
        : `${moved.length} moved: ${moved.map((e) => `${e.actor} · ${e.key}`).join('; ')}.`,
    ),
  );
  // What moved first: that is what an analyst checks; then the restated, then the held.
  const order = { moved: 0, restated: 1, held: 2 };
  const sorted = [...ledger.entries].sort(
    (a, b) =>
      (order[/** @type {keyof typeof order} */ (a.status)] ?? 3) -
      (order[/** @type {keyof typeof order} */ (b.status)] ?? 3),
  );
  const rows = sorted.flatMap((entry, index) => {
    const detail = h(
      'tr',
      { class: 'detail', hidden: true },
      h(
        'td',
        { colspan: 6 },
        entry.timeline.length === 0
          ? h(
              'p',
              { class: 'muted' },
              `Not stated in the window; last stated ${entry.before ? `${dayLabel(entry.before.day)} (${entry.before.stance})` : 'before it'}.`,
            )
          : h(
              'ol',
              { class: 'statements' },
              entry.timeline
                .slice()
                .reverse()
                .slice(0, 20)
                .map((s) => statementItem(toStatement(s), 'position')),
            ),
      ),
    );
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'link',
        'aria-expanded': 'false',
        on: {
          click: () => {
            const open = detail.hidden;
            detail.hidden = !open;
            toggle.setAttribute('aria-expanded', String(open));
          },
        },
      },
      entry.key,
    );
    return [
      h(
        'tr',
        {
          class: `status-${entry.status}${index >= FIRST_ROWS ? ' extra' : ''}`,
          hidden: index >= FIRST_ROWS,
        },
        h('th', { scope: 'row' }, entry.actor),
        h('td', {}, toggle),
        h(
          'td',
          {},
          h(
            'span',
            { class: `status status-${entry.status}` },
            STATUS_WORDS[/** @type {keyof typeof STATUS_WORDS} */ (entry.status)] ?? entry.status,
          ),
        ),
        h('td', {}, strip(entry, from, to)),
        h(
          'td',
          { class: 'num' },
          `${entry.counts.assert ?? 0} / ${entry.counts.harden ?? 0} / ${entry.counts.soften ?? 0} / ${entry.counts.drop ?? 0}`,
        ),
        h('td', {}, `${entry.latest.stance}, ${dayLabel(entry.latest.day)}`),
      ),
      detail,
    ];
  });
  fill(
    container,
    summary,
    h(
      'table',
      { class: 'positions' },
      h('caption', {}, 'Stances per actor and position key. Choose a key to see its statements.'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Actor'),
          h('th', { scope: 'col' }, 'Position'),
          h('th', { scope: 'col' }, 'In the window'),
          h('th', { scope: 'col' }, 'Stances over time'),
          h('th', { scope: 'col', class: 'num' }, 'assert / harden / soften / drop'),
          h('th', { scope: 'col' }, 'Latest'),
        ),
      ),
      h('tbody', {}, rows),
    ),
    sorted.length > FIRST_ROWS
      ? h(
          'p',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              on: {
                click: (/** @type {Event} */ event) => {
                  for (const row of container.querySelectorAll('tr.extra'))
                    if (row instanceof HTMLElement) row.hidden = false;
                  /** @type {HTMLElement} */ (event.currentTarget).remove();
                },
              },
            },
            `Show all ${sorted.length} rows`,
          ),
        )
      : null,
    h('p', { class: 'legend' }, '● assert  ▲ harden  ▼ soften  ✕ drop'),
  );
}

/**
 * @template {{ actor: string }} T
 * @param {readonly T[]} items
 * @returns {Array<[string, T[]]>}
 */
function byActor(items) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const item of items) groups.set(item.actor, [...(groups.get(item.actor) ?? []), item]);
  return [...groups];
}

/**
 * The ledger quotes statements in the analysis' evidence shape; the panel shows them like the
 * evidence list, with the position code as their one signal.
 * @param {PositionStatement} s
 * @returns {EvidenceStatement}
 */
function toStatement(s) {
  const e = s.evidence;
  const spans = Array.isArray(e.spans) ? e.spans : [];
  const offset = typeof e.start === 'number' ? e.start : 0;
  return {
    documentId: e.documentId,
    statementIdx: e.statementIdx,
    start: offset,
    end: offset + e.text.length,
    text: e.text,
    speaker: e.speaker,
    source: e.source,
    camp: e.camp,
    publishedAt: e.publishedAt,
    document: { id: e.documentId, title: null, url: e.url },
    signals: [
      {
        signal: 'position',
        speaker: s.actor,
        target: e.target,
        position: s.key,
        stance: s.stance,
        confidence: e.confidence,
        origin: 'rule',
        evidence: spans,
      },
    ],
  };
}
