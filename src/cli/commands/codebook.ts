// `overture codebook validate|export|import`: check a codebook folder (errors name the file and
// the line), and exchange rules with quanteda-style YAML dictionaries.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { defaultCodebookDir, loadCodebook, loadCoder } from '../../coder/load-coder.js';
import type { Codebook } from '../../core/codebook/codebook.js';
import { codebookToQuanteda, quantedaToSignalFile } from '../../core/codebook/quanteda.js';
import { rulesMissingTheirExample } from '../../core/coding/check-examples.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { SIGNALS, type SignalCategory } from '../../core/types.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

function summarize(codebook: Codebook, dir: string) {
  const rulesByLang: Record<string, number> = {};
  for (const set of codebook.signals) {
    for (const [lang, rules] of Object.entries(set.rules))
      rulesByLang[lang] = (rulesByLang[lang] ?? 0) + rules.length;
  }
  for (const position of codebook.positions) {
    for (const [lang, rules] of Object.entries(position.rules))
      rulesByLang[lang] = (rulesByLang[lang] ?? 0) + rules.length;
  }
  return {
    dir,
    version: codebook.version,
    languages: Object.keys(codebook.languages),
    signals: SIGNALS.filter(
      (s) =>
        codebook.signals.some((set) => set.signal === s) ||
        (s === 'position' && codebook.positions.length > 0),
    ),
    rules: rulesByLang,
    positions: codebook.positions.map((p) => p.key),
    actors: codebook.actors.length,
    camps: codebook.camps.length,
  };
}

export const registerCodebook = (program: Command, ctx: CliContext): void => {
  const codebook = program
    .command('codebook')
    .description('check a codebook folder and exchange rules with quanteda dictionaries');

  codebook
    .command('validate [dir]')
    .description(
      'check a codebook folder (default: the packaged codebook); errors name the file and the line',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const where = dir ?? defaultCodebookDir();
      const summary = summarize(await loadCodebook(where), where);
      // A rule that does not match its own example is reported, not refused: a dictionary just
      // imported carries a placeholder example until its author writes one.
      const examples = rulesMissingTheirExample(await loadCoder({ codebookDir: where, modelPath: null }));
      for (const miss of examples.missed)
        ctx.io.stderr.write(
          `warning: ${miss.file}: rule ${miss.rule} does not match its own example (${miss.reason}): ${miss.example}\n`,
        );
      if (flags.json) {
        ctx.io.stdout.write(`${JSON.stringify({ ...summary, examples })}\n`);
        return;
      }
      const rules = Object.entries(summary.rules)
        .map(([lang, n]) => `${lang} ${n}`)
        .join(', ');
      ctx.io.stdout.write(
        `codebook ${where} is valid: version ${summary.version}; ${summary.signals.length} signals, rules ${rules}; ${summary.positions.length} position keys; ${summary.actors} actors; ${summary.camps} camps; ${examples.checked - examples.missed.length} of ${examples.checked} rules match their own example\n`,
      );
    });

  codebook
    .command('export')
    .description('write the codebook as a quanteda YAML dictionary (lossy: no gaps, proximity or negation)')
    .requiredOption('--quanteda <file>', 'the dictionary file to write ("-" for stdout)')
    .option('--codebook <dir>', 'a codebook folder instead of the default')
    .action(async (flags: { quanteda: string; codebook?: string }) => {
      const text = codebookToQuanteda(await loadCodebook(flags.codebook));
      if (flags.quanteda === '-') ctx.io.stdout.write(text);
      else {
        await writeFile(flags.quanteda, text, 'utf8');
        ctx.io.stderr.write(`wrote ${flags.quanteda}\n`);
      }
    });

  codebook
    .command('import')
    .description(
      'turn a quanteda YAML dictionary into a signal file for a codebook (each leaf list becomes a rule)',
    )
    .requiredOption('--quanteda <file>', 'the dictionary to read')
    .requiredOption('--signal <signal>', `the signal its rules code (${SIGNALS.join(', ')})`)
    .requiredOption('--lang <lang>', 'the language of its patterns (ru, uk, en, …)')
    .option('--out <file>', 'write the signal file here (default: stdout)')
    .option(
      '--into <dir>',
      'write it into this codebook folder as signals/<signal>.<name>.yaml and validate the folder',
    )
    .action(
      async (flags: { quanteda: string; signal: string; lang: string; out?: string; into?: string }) => {
        if (!(SIGNALS as readonly string[]).includes(flags.signal))
          throw invalidOption('--signal', flags.signal, `one of ${SIGNALS.join(', ')}`);
        if (!/^[a-z]{2,3}$/.test(flags.lang))
          throw invalidOption('--lang', flags.lang, 'a language code such as ru, uk or en');
        if (!existsSync(flags.quanteda))
          throw new OvertureError(
            'invalid-input',
            `cannot read ${flags.quanteda}: no such file (expected a quanteda YAML dictionary)`,
          );
        const source = basename(flags.quanteda);
        let result: ReturnType<typeof quantedaToSignalFile>;
        try {
          result = quantedaToSignalFile(await readFile(flags.quanteda, 'utf8'), {
            signal: flags.signal as SignalCategory,
            lang: flags.lang,
            source,
          });
        } catch (error) {
          if (error instanceof OvertureError) throw error;
          throw new OvertureError(
            'invalid-input',
            `cannot read ${flags.quanteda}: ${error instanceof Error ? error.message : String(error)} (expected a quanteda YAML dictionary)`,
            { cause: error },
          );
        }
        for (const s of result.skipped)
          ctx.io.stderr.write(
            `overture: skipped pattern "${s.pattern}" in ${flags.quanteda} key ${s.key}: ${s.reason}\n`,
          );
        if (flags.into !== undefined) {
          const path = join(
            flags.into,
            'signals',
            `${flags.signal}.${source.replace(/\.ya?ml$/i, '').replace(/[^a-zA-Z0-9-]+/g, '-')}.yaml`,
          );
          await writeFile(path, result.yaml, 'utf8');
          const summary = summarize(await loadCodebook(flags.into), flags.into);
          ctx.io.stderr.write(
            `wrote ${path} (${result.rules} rules); codebook version now ${summary.version}\n`,
          );
        } else if (flags.out !== undefined) {
          await writeFile(flags.out, result.yaml, 'utf8');
          ctx.io.stderr.write(`wrote ${flags.out} (${result.rules} rules)\n`);
        } else ctx.io.stdout.write(result.yaml);
        if (result.skipped.length > 0) ctx.setExitCode(EXIT.partial);
      },
    );
};
