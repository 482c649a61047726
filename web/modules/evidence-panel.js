// @ts-check
// The evidence panel: the statements behind a number. Each one with its words as published (the
// matched words marked), where and when it appeared, who said it, and every code on it with the
// rule that fired and the rule's rationale — so a reader can check each count by hand.
import { fill, h } from './dom.js';
import { instant, percent } from './format.js';
import { highlightedStatement, signalClass } from './highlight.js';

/**
 * @typedef {{ rule: string, start: number, end: number, match: string, rationale: string | null }} Evidence
 * @typedef {{ signal: string, speaker: string | null, target: string | null, position: string | null, stance: string | null, confidence: number, origin: string, evidence: Evidence[] }} Signal
 * @typedef {{ documentId: number, statementIdx: number, start: number, end: number, text: string, speaker: string | null, source: string, camp: string, publishedAt: string | null, document: { id: number, title: string | null, url: string | null }, signals: Signal[] }} EvidenceStatement
 * @typedef {{ label: string, color: string, relevant: number | null, total: number | null, items: EvidenceStatement[], more: boolean }} EvidenceGroup
 * @typedef {{ title: string, note?: Node | string | null, focus: string | null, groups: EvidenceGroup[] }} EvidenceView
 */

/**
 * The spans of one signal grouped by rule: a rule that matched twice ("готова" … "переговорам")
 * is named once, with its matches and its rationale.
 * @param {Evidence[]} evidence
 */
function byRule(evidence) {
  /** @type {Map<string, { matches: string[], rationale: string | null }>} */
  const rules = new Map();
  for (const span of evidence) {
    const entry = rules.get(span.rule) ?? { matches: [], rationale: span.rationale };
    if (span.match && !span.rule.startsWith('model:')) entry.matches.push(span.match);
    rules.set(span.rule, entry);
  }
  return [...rules];
}

/** @param {Signal} signal */
function codeLine(signal) {
  const who = [
    signal.speaker ? `by ${signal.speaker}` : null,
    signal.target ? `about ${signal.target}` : null,
    signal.position ? `${signal.position}${signal.stance ? ` (${signal.stance})` : ''}` : null,
    signal.origin === 'model' ? `model, p = ${signal.confidence.toFixed(2)}` : null,
  ].filter(Boolean);
  return h(
    'li',
    {},
    h('span', { class: `badge ${signalClass(signal.signal)}` }, signal.signal),
    who.length > 0 ? ` ${who.join(' · ')}` : '',
    byRule(signal.evidence).map(([rule, { matches, rationale }]) =>
      h(
        'span',
        { class: 'rule' },
        ' — rule ',
        h('code', {}, rule),
        matches.length > 0
          ? [' matched ', matches.map((match, i) => [i > 0 ? ', ' : '', h('q', { class: 'match' }, match)])]
          : null,
        rationale ? h('span', { class: 'rationale' }, `. Why this rule: ${rationale}`) : null,
      ),
    ),
  );
}

/**
 * @param {EvidenceStatement} item
 * @param {string | null} focus
 */
export function statementItem(item, focus) {
  return h(
    'li',
    { class: 'statement' },
    h(
      'blockquote',
      { cite: item.document.url },
      highlightedStatement(item.text, item.start, item.signals, focus),
    ),
    h(
      'p',
      { class: 'statement-meta' },
      h('span', { class: 'camp' }, item.camp),
      ' ',
      h('strong', {}, item.source),
      ' · ',
      h('time', { datetime: item.publishedAt ?? '' }, instant(item.publishedAt)),
      item.speaker ? [' · speaker ', h('strong', {}, item.speaker)] : null,
      ' · ',
      item.document.url
        ? h(
            'a',
            { href: item.document.url, rel: 'noopener noreferrer nofollow', target: '_blank' },
            item.document.title || 'original',
          )
        : h('span', {}, item.document.title || 'untitled'),
      h('span', { class: 'muted' }, ` · document ${item.documentId}, statement ${item.statementIdx + 1}`),
    ),
    h('ul', { class: 'codes' }, item.signals.map(codeLine)),
  );
}

/**
 * @param {HTMLElement} container
 * @param {EvidenceView} view
 */
export function renderEvidence(container, view) {
  const groups = view.groups.map((group) =>
    h(
      'section',
      { class: 'evidence-group' },
      h(
        'h3',
        {},
        h('span', { class: 'swatch', 'data-color': group.color }),
        group.label,
        group.relevant !== null && group.total !== null
          ? h(
              'span',
              { class: 'muted' },
              ` — ${group.relevant} of ${group.total} statements (${percent(group.total > 0 ? group.relevant / group.total : null)})`,
            )
          : null,
      ),
      group.items.length === 0
        ? h('p', { class: 'muted' }, 'No statements.')
        : h(
            'ol',
            { class: 'statements' },
            group.items.map((item) => statementItem(item, view.focus)),
          ),
      group.more
        ? h(
            'p',
            { class: 'muted' },
            `Showing the newest ${group.items.length}; narrow the range for the rest, or page through GET /api/v1/statements.`,
          )
        : null,
    ),
  );
  fill(container, h('h3', { class: 'evidence-title' }, view.title), view.note ?? null, groups);
  // Swatch colours come from the palette, set through the CSSOM (allowed by the CSP, unlike style attributes).
  for (const swatch of container.querySelectorAll('.swatch')) {
    if (swatch instanceof HTMLElement && swatch.dataset.color)
      swatch.style.backgroundColor = swatch.dataset.color;
  }
}
