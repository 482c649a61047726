// @ts-check
// Series colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
// distinguishable for the common forms of colour blindness, with a few of Paul Tol's for the
// rest; each default camp has its own, so a camp keeps its colour from one view to the next.
// Lines also differ in dash pattern. Grey is kept for the pressure overlay alone.

/** @type {Record<string, string>} */
const CAMP_COLORS = {
  'ru-official': '#D55E00',
  'ru-state-media': '#E69F00',
  'ru-milblog': '#CC79A7',
  'ru-independent': '#8C6D1F',
  'ua-official': '#0072B2',
  'ua-media': '#56B4E9',
  'west-official': '#009E73',
  'west-media': '#6A3D9A',
  'west-commentary': '#882255',
  other: '#999999',
};
const FALLBACK = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6A3D9A', '#882255'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * @param {string} group
 * @param {number} index
 */
export function seriesColor(group, index) {
  return CAMP_COLORS[group] ?? FALLBACK[index % FALLBACK.length] ?? '#333333';
}

/** @param {number} index */
export function seriesDash(index) {
  return DASHES[Math.floor(index / 2) % DASHES.length] ?? '';
}

/** @type {Record<string, string>} */
export const CLASSIFICATION_LABELS = {
  'peace-offensive': 'peace offensive',
  opening: 'opening',
  ambiguous: 'ambiguous',
};
