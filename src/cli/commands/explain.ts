// `overture explain "text"`: how the coder reads one text — the folded form, the sentence split,
// the words each rule matched, each rule's rationale and example, the negations and exclusions,
// the speaker and why, and each code.
import type { Command } from 'commander';
import { loadCoder } from '../../coder/load-coder.js';
import { explainText, renderExplanation } from '../../core/coding/explain-text.js';
import { invalidOption } from '../../core/errors.js';
import { detectLanguage } from '../../core/text/detect-language.js';
import type { CliContext } from '../context.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';

export const registerExplain = (program: Command, ctx: CliContext): void => {
  program
    .command('explain <text>')
    .description('show why a text gets the signals it gets: matched words, rules, negations, speaker')
    .option('--lang <lang>', 'the language of the text (default: detected)')
    .option('--speaker <actor>', 'the default speaker (an actor id) when nobody is quoted')
    .option('--codebook <dir>', 'a codebook folder instead of the default')
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--json', 'print the explanation as JSON')
    .action(
      async (
        text: string,
        flags: {
          lang?: string;
          speaker?: string;
          codebook?: string;
          model?: string | boolean;
          json?: boolean;
        },
      ) => {
        if (flags.lang !== undefined && !/^[a-z]{2,3}$/.test(flags.lang))
          throw invalidOption('--lang', flags.lang, 'a language code such as ru, uk or en');
        const coder = await loadCoder({
          ...(flags.codebook !== undefined ? { codebookDir: flags.codebook } : {}),
          modelPath: modelPathOf(flags.model),
        });
        const lang = flags.lang ?? detectLanguage(text).lang;
        const explanation = explainText(coder, { text, lang, defaultSpeaker: flags.speaker ?? null });
        ctx.io.stdout.write(
          flags.json ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation),
        );
      },
    );
};
