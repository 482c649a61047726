// @ts-check
// The dashboard: reads the API and shows — a timeline of signal shares per speaker group with
// episode bands and a pressure overlay, the statements behind any number, the episodes with
// their reasons, the position ledger, and the sources. Plain ES modules, no build step, nothing
// loaded from anywhere but this server.
import { ApiError, api, storeToken } from './modules/api.js';
import { seriesColor, seriesDash } from './modules/colors.js';
import { byId, fill, h } from './modules/dom.js';
import { renderEpisodes } from './modules/episodes-panel.js';
import { renderEvidence } from './modules/evidence-panel.js';
import { addDays, count, rangeLabel } from './modules/format.js';
import { defaultHidden, renderLegend } from './modules/legend.js';
import { renderPositions } from './modules/positions-panel.js';
import { renderRatesTable } from './modules/rates-table.js';
import { renderSources } from './modules/sources-panel.js';
import { readout, renderTimeline } from './modules/timeline-chart.js';

const SIGNALS = [
  'overture',
  'refusal',
  'blame',
  'position',
  'wedge',
  'delegitimize',
  'threat',
  'stall',
  'stalemate',
  'commitment',
];
const EVIDENCE_PER_GROUP = 20;

/**
 * @typedef {import('./modules/timeline-chart.js').Series} Series
 * @typedef {import('./modules/episodes-panel.js').Episode} Episode
 */

/** The default groups: every camp with sources, as the API reported them on the first load. */
/** @type {string[]} */
let camps = [];
function defaultGroups() {
  return camps;
}

const state = {
  /** @type {any} */ stats: null,
  signal: 'overture',
  period: 'week',
  /** Groups the user added (actors, sources, saved groups) beside the default camps. */
  /** @type {string[]} */ extraGroups: [],
  /** @type {Set<string>} */ hidden: new Set(),
  /** Whether the user chose which groups to show (then the defaults no longer apply). */
  customVisibility: false,
  overlay: 'none',
  /** @type {{ since: string | null, until: string | null, series: Series[] } | null} */ rates: null,
  /** @type {Episode[]} */ episodes: [],
  /** @type {number} */ otherEpisodes: 0,
  /** @type {import('./modules/timeline-chart.js').Overlay | null} */ overlayData: null,
  /** @type {number | null} */ cursor: null,
  /** @type {string | null} */ selectedEpisode: null,
  /** @type {Map<string, { color: string, dash: string }>} */ colors: new Map(),
};

/** @param {unknown} error */
function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    byId('token-form').hidden = false;
    byId('token-input').focus();
    return;
  }
  const box = byId('error');
  box.hidden = false;
  box.textContent = error instanceof Error ? `Could not load: ${error.message}` : 'Could not load the data.';
}

function visibleSeries() {
  return (state.rates?.series ?? []).filter((s) => !state.hidden.has(s.group));
}

function colorsFor(/** @type {Series[]} */ series) {
  series.forEach((s, i) => {
    if (!state.colors.has(s.group))
      state.colors.set(s.group, { color: seriesColor(s.group, state.colors.size), dash: seriesDash(i) });
  });
}

async function loadStats() {
  state.stats = await api('/stats');
  const s = state.stats;
  const summary = byId('summary');
  if (s.documents === 0) {
    summary.textContent = `The store (${s.store}) is empty.`;
    return;
  }
  fill(
    summary,
    `${count(s.documents)} documents · ${count(s.statements)} statements · ${count(s.signals)} signals · ${count(s.sources)} sources`,
    s.firstDay && s.lastDay ? ` · ${rangeLabel(s.firstDay, s.lastDay)}` : '',
    s.codebookVersions.length > 0
      ? h('span', { class: 'muted' }, ` · codebook ${s.codebookVersions[s.codebookVersions.length - 1]}`)
      : '',
  );
}

async function loadOverlay() {
  if (state.overlay === 'none') {
    state.overlayData = null;
    return;
  }
  const range = { since: state.rates?.since ?? null, until: state.rates?.until ?? null };
  if (state.overlay === 'pressure') {
    const pressure = await api('/pressure', { period: state.period, ...range });
    state.overlayData = { label: 'pressure', points: pressure.points };
    return;
  }
  // A single indicator: its standard score per period, so that it shares the pressure axis.
  const name = state.overlay.slice('indicator:'.length);
  const pressure = await api('/pressure', { period: state.period, ...range });
  const points = pressure.points.map((/** @type {any} */ p) => ({
    period: p.period,
    value: p.components[name] ?? null,
  }));
  state.overlayData = { label: name, points };
}

async function loadTimeline() {
  const groups = state.extraGroups.length > 0 ? [...defaultGroups(), ...state.extraGroups] : [];
  const [rates, episodes] = await Promise.all([
    api('/rates', {
      signal: state.signal,
      period: state.period,
      group: groups.length > 0 ? groups.join(',') : null,
    }),
    api('/episodes', { limit: 1000 }),
  ]);
  state.rates = rates;
  if (state.extraGroups.length === 0) camps = rates.series.map((/** @type {Series} */ s) => s.group);
  colorsFor(rates.series);
  state.episodes = episodes.items.filter((/** @type {Episode} */ e) => e.signal === state.signal);
  state.otherEpisodes = episodes.items.length - state.episodes.length;
  if (!state.customVisibility) state.hidden = defaultHidden(rates.series, state.episodes, camps);
  await loadOverlay();
  state.cursor = null;
  drawTimeline();
  drawEpisodes();
}

function drawLegend() {
  renderLegend(byId('legend'), {
    series: state.rates?.series ?? [],
    colors: state.colors,
    hidden: state.hidden,
    overlayLabel: state.overlayData?.label ?? null,
    onToggle: (group, shown) => {
      state.customVisibility = true;
      if (shown) state.hidden.delete(group);
      else state.hidden.add(group);
      drawTimeline();
    },
  });
}

function drawTimeline() {
  drawLegend();
  const series = visibleSeries();
  // A group's episodes are drawn with its line; those of groups not on the chart at all
  // (a saved group, say) are drawn always.
  const all = new Set((state.rates?.series ?? []).map((s) => s.group));
  const visible = new Set(series.map((s) => s.group));
  const input = {
    signal: state.signal,
    series,
    colors: state.colors,
    episodes: state.episodes.filter((e) => visible.has(e.speakerGroup) || !all.has(e.speakerGroup)),
    overlay: state.overlayData,
    cursor: state.cursor,
    onSelect: (/** @type {number} */ index) => {
      state.cursor = index;
      showPeriodEvidence(index).catch(showError);
    },
    onEpisode: (/** @type {{ id: string }} */ band) => {
      const episode = state.episodes.find((e) => e.id === band.id);
      if (episode) showEpisodeEvidence(episode).catch(showError);
    },
  };
  renderTimeline(byId('chart'), input, byId('readout'));
  drawTable(input);
}

/** @param {{ series: Series[] }} input */
function drawTable(input) {
  renderRatesTable(byId('rates-table'), {
    series: input.series,
    signal: state.signal,
    period: state.period,
    overlay: state.overlayData,
    onEvidence: (index) => showPeriodEvidence(index).catch(showError),
  });
}

/** @param {number} index */
async function showPeriodEvidence(index) {
  const series = visibleSeries();
  const point = series[0]?.points[index];
  if (!point) return;
  const body = byId('evidence-body');
  fill(body, h('p', { class: 'muted' }, 'Loading…'));
  const groups = await Promise.all(
    series.map(async (s) => {
      const p = s.points[index];
      const relevant = p?.relevant ?? 0;
      const items =
        relevant > 0
          ? await api('/statements', {
              signal: state.signal,
              group: s.group,
              since: point.period,
              until: point.end,
              limit: EVIDENCE_PER_GROUP,
            })
          : { items: [], nextCursor: null };
      return {
        label: s.group,
        color: state.colors.get(s.group)?.color ?? '#333',
        relevant,
        total: p?.total ?? 0,
        items: items.items,
        more: items.nextCursor !== null,
      };
    }),
  );
  const shown = groups.filter((g) => g.relevant > 0);
  renderEvidence(body, {
    title: `${state.signal}, ${rangeLabel(point.period, point.end)}`,
    note:
      shown.length === 0
        ? h(
            'p',
            { class: 'muted' },
            `No statement of the groups shown carried the ${state.signal} signal in this period.`,
          )
        : h(
            'p',
            { class: 'muted' },
            readout(
              { signal: state.signal, series, episodes: state.episodes, overlay: state.overlayData },
              index,
            ),
          ),
    focus: state.signal,
    groups: shown,
  });
  byId('readout').textContent =
    `Evidence: ${shown.reduce((n, g) => n + g.items.length, 0)} statements shown for ${rangeLabel(point.period, point.end)}.`;
}

/** @param {Episode} episode */
async function showEpisodeEvidence(episode) {
  state.selectedEpisode = episode.id;
  drawEpisodes();
  const body = byId('evidence-body');
  fill(body, h('p', { class: 'muted' }, 'Loading…'));
  const [items, rates] = await Promise.all([
    api('/statements', {
      signal: episode.signal,
      group: episode.speakerGroup,
      since: episode.start,
      until: episode.end,
      limit: 50,
    }),
    api('/rates', {
      signal: episode.signal,
      group: episode.speakerGroup,
      period: 'month',
      since: episode.start,
      until: episode.end,
    }),
  ]);
  const points = rates.series[0]?.points ?? [];
  const relevant = points.reduce((/** @type {number} */ n, /** @type {any} */ p) => n + p.relevant, 0);
  const total = points.reduce((/** @type {number} */ n, /** @type {any} */ p) => n + p.total, 0);
  renderEvidence(body, {
    title: `${episode.speakerGroup} · ${episode.signal} episode, ${rangeLabel(episode.start, episode.end)}`,
    note: episode.classification
      ? h(
          'p',
          {},
          `Classified as ${episode.classification.replace('-', ' ')}; the reasons are in the episode's card.`,
        )
      : null,
    focus: episode.signal,
    groups: [
      {
        label: episode.speakerGroup,
        color: state.colors.get(episode.speakerGroup)?.color ?? '#333',
        relevant,
        total,
        items: items.items,
        more: items.nextCursor !== null,
      },
    ],
  });
  byId('evidence').scrollIntoView({ block: 'start' });
}

function drawEpisodes() {
  renderEpisodes(byId('episodes-body'), {
    episodes: state.episodes,
    signal: state.signal,
    hiddenOtherSignals: state.otherEpisodes,
    selectedId: state.selectedEpisode,
    onEvidence: (episode) => showEpisodeEvidence(episode).catch(showError),
    onPositions: (episode) => {
      /** @type {HTMLInputElement} */ (byId('positions-since')).value = addDays(episode.start, -30);
      /** @type {HTMLInputElement} */ (byId('positions-until')).value = addDays(episode.end, 30);
      /** @type {HTMLInputElement} */ (byId('positions-actor')).value = episode.speakerGroup;
      loadPositions()
        .then(() => byId('positions').scrollIntoView({ block: 'start' }))
        .catch(showError);
    },
  });
}

async function loadPositions() {
  const since = /** @type {HTMLInputElement} */ (byId('positions-since')).value;
  const until = /** @type {HTMLInputElement} */ (byId('positions-until')).value;
  const who = /** @type {HTMLInputElement} */ (byId('positions-actor')).value.trim();
  const ledger = await api('/positions', {
    since: since || null,
    until: until || null,
    ...(who.startsWith('actor:') ? { actor: who.slice(6) } : { group: who || null }),
  });
  renderPositions(byId('positions-body'), {
    ledger,
    from: since || state.stats?.firstDay || '',
    to: until || state.stats?.lastDay || '',
  });
}

async function loadSources() {
  const sources = await api('/sources');
  renderSources(byId('sources-body'), sources.items);
}

async function loadOverlayChoices() {
  const indicators = (await api('/indicators')).items;
  const select = /** @type {HTMLSelectElement} */ (byId('overlay-select'));
  fill(
    select,
    h('option', { value: 'none' }, 'none'),
    indicators.length > 0
      ? h('option', { value: 'pressure' }, `pressure index (${indicators.length} indicators)`)
      : null,
    indicators.map((/** @type {any} */ i) => h('option', { value: `indicator:${i.name}` }, i.name)),
  );
  state.overlay = indicators.length > 0 ? 'pressure' : 'none';
  select.value = state.overlay;
  if (indicators.length === 0)
    select.title = 'No indicators stored: import them with overture indicators import FILE';
}

function wireControls() {
  const signal = /** @type {HTMLSelectElement} */ (byId('signal-select'));
  fill(
    signal,
    SIGNALS.map((name) => h('option', { value: name }, name)),
  );
  signal.value = state.signal;
  signal.addEventListener('change', () => {
    state.signal = signal.value;
    loadTimeline().catch(showError);
  });
  const period = /** @type {HTMLSelectElement} */ (byId('period-select'));
  period.value = state.period;
  period.addEventListener('change', () => {
    state.period = period.value;
    loadTimeline().catch(showError);
  });
  const overlay = /** @type {HTMLSelectElement} */ (byId('overlay-select'));
  overlay.addEventListener('change', () => {
    state.overlay = overlay.value;
    loadOverlay().then(drawTimeline).catch(showError);
  });
  byId('timeline-controls').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId('group-input'));
    const name = input.value.trim();
    if (name === '' || state.extraGroups.includes(name)) return;
    state.extraGroups.push(name);
    input.value = '';
    loadTimeline().catch((error) => {
      state.extraGroups.pop();
      showError(error);
    });
  });
  byId('positions-controls').addEventListener('submit', (event) => {
    event.preventDefault();
    loadPositions().catch(showError);
  });
  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    storeToken(/** @type {HTMLInputElement} */ (byId('token-input')).value);
    byId('token-form').hidden = true;
    start().catch(showError);
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (state.rates) drawTimeline();
    }, 200);
  });
}

/** A readable default bucket: days for a quarter, weeks up to three years, months beyond. */
function defaultPeriod(/** @type {string | null} */ first, /** @type {string | null} */ last) {
  if (!first || !last) return 'week';
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  return days <= 92 ? 'day' : days <= 3 * 366 ? 'week' : 'month';
}

async function start() {
  byId('error').hidden = true;
  await loadStats();
  const empty = state.stats.documents === 0;
  byId('empty').hidden = !empty;
  for (const id of ['timeline', 'positions']) byId(id).hidden = empty;
  /** @type {HTMLElement} */ (document.querySelector('.columns')).hidden = empty;
  await loadSources();
  if (empty) return;
  state.period = defaultPeriod(state.stats.firstDay, state.stats.lastDay);
  /** @type {HTMLSelectElement} */ (byId('period-select')).value = state.period;
  await loadOverlayChoices();
  await loadTimeline();
  if (state.stats.lastDay) {
    /** @type {HTMLInputElement} */ (byId('positions-since')).value = addDays(state.stats.lastDay, -89);
    /** @type {HTMLInputElement} */ (byId('positions-until')).value = state.stats.lastDay;
  }
  await loadPositions();
}

wireControls();
start().catch(showError);
