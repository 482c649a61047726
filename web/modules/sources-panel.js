// @ts-check
// Sources and what each contributed: the denominator of every share on the page.
import { fill, h } from './dom.js';
import { count, dayLabel, instant } from './format.js';

/**
 * @typedef {{ name: string, camp: string, lang: string | null, kind: string, url: string | null, documents: number, statements: number, firstDay: string | null, lastDay: string | null, lastFetchedAt: string | null, lastStatus: string | null, failures: number }} Source
 */

/**
 * @param {HTMLElement} container
 * @param {Source[]} sources
 */
export function renderSources(container, sources) {
  if (sources.length === 0) {
    fill(container, h('p', { class: 'empty' }, 'No sources yet.'));
    return;
  }
  const byCamp = new Map();
  for (const source of sources) byCamp.set(source.camp, (byCamp.get(source.camp) ?? 0) + source.statements);
  fill(
    container,
    h(
      'p',
      { class: 'muted' },
      [...byCamp].map(([camp, statements], i) => [
        i > 0 ? ' · ' : '',
        h('strong', {}, camp),
        ` ${count(statements)} statements`,
      ]),
    ),
    h(
      'table',
      { class: 'sources' },
      h('caption', {}, 'Every source with its camp; statements are coded sentences.'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Source', 'Camp', 'Language', 'Kind', 'Documents', 'Statements', 'Days covered', 'Last fetch'].map(
            (label, i) => h('th', { scope: 'col', class: i >= 4 && i <= 5 ? 'num' : null }, label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        sources.map((source) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              source.url
                ? h(
                    'a',
                    { href: source.url, rel: 'noopener noreferrer nofollow', target: '_blank' },
                    source.name,
                  )
                : source.name,
            ),
            h('td', {}, h('span', { class: 'camp' }, source.camp)),
            h('td', {}, source.lang ?? '–'),
            h('td', {}, source.kind),
            h('td', { class: 'num' }, count(source.documents)),
            h('td', { class: 'num' }, count(source.statements)),
            h(
              'td',
              {},
              source.firstDay && source.lastDay
                ? `${dayLabel(source.firstDay)} – ${dayLabel(source.lastDay)}`
                : '–',
            ),
            h(
              'td',
              {},
              source.lastFetchedAt
                ? `${instant(source.lastFetchedAt)}${source.lastStatus ? ` (${source.lastStatus})` : ''}${source.failures > 0 ? `, ${source.failures} failures` : ''}`
                : '–',
            ),
          ),
        ),
      ),
    ),
  );
}
