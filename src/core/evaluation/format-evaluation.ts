// Evaluation reports as text for a terminal: one table per scope (all languages, then each
// language) with precision, recall, F1 and support, the macro-F1, the position scores, and the
// confusions with their text and evidence; and the cross-validation comparison as one table.
import type { SignalCategory } from '../types.js';
import type { CrossValidationResult } from './cross-validate.js';
import type { Confusion, EvaluationReport, Score } from './evaluate.js';

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function table(
  signals: Readonly<Record<SignalCategory, Score>>,
  scored: readonly SignalCategory[],
  macroF1: number,
): string[] {
  const lines = [`  ${pad('signal', 14)}${lpad('P', 7)}${lpad('R', 7)}${lpad('F1', 7)}${lpad('n', 6)}`];
  for (const signal of scored) {
    const s = signals[signal];
    lines.push(
      `  ${pad(signal, 14)}${lpad(f3(s.precision), 7)}${lpad(f3(s.recall), 7)}${lpad(f3(s.f1), 7)}${lpad(String(s.support), 6)}`,
    );
  }
  lines.push(`  ${pad('macro-F1', 28)}${lpad(f3(macroF1), 7)}`);
  return lines;
}

function positionLine(label: string, s: Score): string {
  return `  ${pad(label, 14)}P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (n ${s.support}, ${s.fp} invented)`;
}

function confusionLines(c: Confusion): string[] {
  const tag = c.kind === 'false-positive' ? 'FP' : 'FN';
  const lines = [`  ${tag} ${pad(c.signal, 13)}${c.id} [${c.lang}] ${c.text}`];
  const coded = c.predicted.length > 0 ? c.predicted.join(', ') : 'nothing';
  const gold = c.gold.length > 0 ? c.gold.join(', ') : 'nothing';
  lines.push(
    `     gold: ${gold} · coded: ${coded}${c.evidence.length > 0 ? ` · fired: ${c.evidence.join(', ')}` : ''}`,
  );
  return lines;
}

export function formatEvaluation(
  report: EvaluationReport,
  options: { confusions: number; heading?: string[] },
): string {
  const langs = Object.keys(report.perLanguage);
  const lines = [...(options.heading ?? [])];
  lines.push(
    `${report.items} items (${langs.map((l) => `${l} ${report.perLanguage[l]?.items}`).join(', ')}) · macro-F1 ${f3(report.macroF1)}`,
    '',
    'all languages',
    ...table(report.signals, report.scoredSignals, report.macroF1),
  );
  if (report.scoredSignals.includes('position')) {
    lines.push(
      positionLine('positions', report.positions.keyStance),
      positionLine('  keys only', report.positions.key),
    );
  }
  for (const lang of langs) {
    const entry = report.perLanguage[lang];
    if (!entry) continue;
    lines.push(
      '',
      `${lang} (${entry.items} items)`,
      ...table(entry.signals, report.scoredSignals, entry.macroF1),
    );
  }
  const shown = report.confusions.slice(0, options.confusions);
  if (shown.length > 0) {
    lines.push('', `confusions (${shown.length} of ${report.confusions.length}, worst signals first)`);
    for (const c of shown) lines.push(...confusionLines(c));
  }
  return `${lines.join('\n')}\n`;
}

export function formatCrossValidation(result: CrossValidationResult, heading: string[] = []): string {
  const langs = Object.keys(result.rules.perLanguage);
  const header = `  ${pad('', 22)}${lpad('macro-F1', 9)}${langs.map((l) => lpad(l, 8)).join('')}`;
  const row = (label: string, r: EvaluationReport) =>
    `  ${pad(label, 22)}${lpad(f3(r.macroF1), 9)}${langs.map((l) => lpad(f3(r.perLanguage[l]?.macroF1 ?? 0), 8)).join('')}`;
  const lines = [...heading, `${result.folds}-fold cross-validation, seed ${result.seed}`, '', header];
  lines.push(row('rules alone', result.rules));
  for (const t of result.thresholds) lines.push(row(`rules+model @ ${t.threshold}`, t.combined));
  for (const t of result.thresholds) lines.push(row(`model alone @ ${t.threshold}`, t.model));
  const best = [...result.thresholds].sort((a, b) => b.combined.macroF1 - a.combined.macroF1)[0];
  if (best) {
    const gain = best.combined.macroF1 - result.rules.macroF1;
    lines.push(
      '',
      `best threshold ${best.threshold}: rules+model ${gain >= 0 ? 'gains' : 'loses'} ${f3(Math.abs(gain))} macro-F1 over rules alone`,
    );
    lines.push('', `  ${pad('signal', 14)}${lpad('rules F1', 10)}${lpad('+model F1', 11)}`);
    for (const signal of result.rules.scoredSignals) {
      lines.push(
        `  ${pad(signal, 14)}${lpad(f3(result.rules.signals[signal].f1), 10)}${lpad(f3(best.combined.signals[signal].f1), 11)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
