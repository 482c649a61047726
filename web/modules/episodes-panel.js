// @ts-check
// Episodes: each burst with its classification and, always beside it, the reasons the analysis
// gave — the classification is a summary of those sentences, never a verdict on its own.
import { CLASSIFICATION_LABELS } from './colors.js';
import { fill, h } from './dom.js';
import { dayLabel, rangeLabel } from './format.js';

/**
 * @typedef {{ id: string, speakerGroup: string, signal: string, start: string, peak: string, end: string, level: number, classification: string | null, reasons: string[] }} Episode
 */

/** @param {string | null} classification */
function classificationClass(classification) {
  return classification && /^[a-z-]+$/.test(classification) ? `class-${classification}` : 'class-none';
}

/**
 * @param {HTMLElement} container
 * @param {{ episodes: Episode[], signal: string, hiddenOtherSignals: number, selectedId: string | null,
 *   onEvidence: (episode: Episode) => void, onPositions: (episode: Episode) => void }} input
 */
export function renderEpisodes(container, input) {
  if (input.episodes.length === 0) {
    fill(
      container,
      h(
        'p',
        { class: 'empty' },
        `No ${input.signal} episodes are stored. Find them with `,
        h('code', {}, `overture episodes --signal ${input.signal}`),
        ' (bursts of the signal by each camp, classified with their reasons).',
      ),
      input.hiddenOtherSignals > 0
        ? h(
            'p',
            { class: 'muted' },
            `${input.hiddenOtherSignals} episodes of other signals are stored; choose their signal above.`,
          )
        : null,
    );
    return;
  }
  fill(
    container,
    h(
      'ol',
      { class: 'episodes' },
      input.episodes.map((episode) =>
        h(
          'li',
          {},
          h(
            'article',
            {
              class: `episode ${classificationClass(episode.classification)}${episode.id === input.selectedId ? ' selected' : ''}`,
              'aria-labelledby': `episode-${cssId(episode.id)}`,
            },
            h(
              'header',
              {},
              h('h3', { id: `episode-${cssId(episode.id)}` }, `${episode.speakerGroup} · ${episode.signal}`),
              h(
                'span',
                { class: `badge ${classificationClass(episode.classification)}` },
                episode.classification
                  ? (CLASSIFICATION_LABELS[episode.classification] ?? episode.classification)
                  : 'not classified',
              ),
            ),
            h(
              'p',
              { class: 'dates' },
              `${rangeLabel(episode.start, episode.end)} · peak ${dayLabel(episode.peak)} · level ${episode.level}`,
            ),
            episode.reasons.length > 0
              ? h(
                  'div',
                  {},
                  h('h4', {}, 'Why'),
                  h(
                    'ol',
                    { class: 'reasons' },
                    episode.reasons.map((reason) => h('li', {}, reason)),
                  ),
                )
              : h('p', { class: 'muted' }, 'The analysis gave no reasons for this episode.'),
            h(
              'p',
              { class: 'actions' },
              h(
                'button',
                { type: 'button', on: { click: () => input.onEvidence(episode) } },
                'Show its statements',
              ),
              ' ',
              h(
                'button',
                { type: 'button', class: 'secondary', on: { click: () => input.onPositions(episode) } },
                'Positions around it',
              ),
            ),
          ),
        ),
      ),
    ),
    input.hiddenOtherSignals > 0
      ? h('p', { class: 'muted' }, `${input.hiddenOtherSignals} episodes of other signals are not shown.`)
      : null,
  );
}

/** An id attribute from an episode id (which holds slashes and colons). @param {string} id */
function cssId(id) {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
