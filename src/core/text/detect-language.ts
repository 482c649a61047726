// Language identification tuned for what Overture reads: Russian, Ukrainian and English first,
// including very short texts (headlines, a single 3–8 word sentence, a Telegram post). A
// character n-gram model needs more text than that to part Russian from Ukrainian; instead the
// text is scored on the cues in language-cues.ts — letters, function words and endings that
// occur in one language and not the other — which a sentence of a few words almost always
// carries. Other languages get a code from their script or their function words when that is
// cheap, else 'und'.
import type { Lang } from '../types.js';
import {
  BE_WORDS,
  BG_WORDS,
  LATIN_LETTERS,
  LATIN_WORDS,
  RU_STEMS,
  RU_WORDS,
  SCRIPT_LANGS,
  UK_STEMS,
  UK_WORDS,
} from './language-cues.js';

export interface LanguageGuess {
  lang: Lang;
  /** 0 (no evidence) … 1 (all evidence for one language, and plenty of it). */
  confidence: number;
}

/** Long documents are judged on their beginning: the cues saturate long before. */
const SAMPLE_CHARS = 20_000;
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function detectLanguage(text: string): LanguageGuess {
  const words = text.slice(0, SAMPLE_CHARS).match(WORD) ?? [];
  let cyrillic = 0;
  let latin = 0;
  const other = new Map<string, number>();
  for (const word of words) {
    if (CYRILLIC.test(word)) cyrillic += 1;
    else if (LATIN.test(word)) {
      // Names and acronyms (NATO, Zelensky) inside Cyrillic text should not outvote it.
      latin += word[0] === word[0]?.toLowerCase() ? 1 : 0.5;
    } else {
      const lang = otherScriptLang(word);
      if (lang) other.set(lang, (other.get(lang) ?? 0) + 1);
    }
  }
  const [otherLang, otherCount] = [...other].sort((a, b) => b[1] - a[1])[0] ?? ['und', 0];
  if (cyrillic === 0 && latin === 0 && otherCount === 0) return { lang: 'und', confidence: 0 };
  if (otherCount > cyrillic && otherCount > latin) {
    return { lang: otherLang, confidence: round(otherCount / (otherCount + cyrillic + latin)) };
  }
  const lower = words.map((w) => w.toLowerCase());
  return cyrillic >= latin
    ? decide(scoreCyrillic(lower.filter((w) => CYRILLIC.test(w))))
    : decideLatin(lower.filter((w) => LATIN.test(w)));
}

function otherScriptLang(word: string): string | null {
  for (const [script, lang] of SCRIPT_LANGS) {
    if (!script.test(word)) continue;
    if (lang === 'ar') return /[ٹڈڑںےھ]/.test(word) ? 'ur' : /[پچژگ]/.test(word) ? 'fa' : 'ar';
    return lang;
  }
  return null;
}

type Scores = Map<string, number>;

function add(scores: Scores, lang: string, points: number): void {
  if (points > 0) scores.set(lang, (scores.get(lang) ?? 0) + points);
}

function count(word: string, letters: RegExp): number {
  return word.match(letters)?.length ?? 0;
}

/** Cues per word; each is documented in language-cues.ts. Weights: letters 3, words 2, endings 1–2. */
function scoreCyrillic(words: string[]): Scores {
  const scores: Scores = new Map();
  for (const raw of words) {
    const w = raw.replace(/[’ʼ]/g, "'");
    add(scores, 'uk', 3 * count(w, /[їєґ]/g) + 2 * count(w, /і/g) + (/\p{L}'\p{L}/u.test(w) ? 3 : 0));
    add(scores, 'ru', 3 * count(w, /[ыэё]/g) + 3 * count(w, /ъ(?=[еёюя])/g));
    add(scores, 'be', 4 * count(w, /ў/g) + (BE_WORDS.has(w) ? 3 : 0));
    add(scores, 'bg', 3 * count(w, /ъ(?=[бвгджзклмнпрстфхцчшщ])/g) + (BG_WORDS.has(w) ? 3 : 0));
    add(scores, 'sr', 4 * count(w, /[јљњђћџ]/g));
    add(scores, 'mk', 4 * count(w, /[ѓќѕ]/g));
    add(scores, 'kk', 4 * count(w, /[әғқңұ]/g));
    if (UK_WORDS.has(w)) add(scores, 'uk', 2);
    if (RU_WORDS.has(w)) add(scores, 'ru', 2);
    // Endings: uk -ння/-ття (рішення, життя), -ськ- (український), past -ував (атакував),
    // instrumental -ою, -ий/-их/-ими after a hard consonant (новий, мирних; ru writes ы there);
    // ru -ие/-ия after a consonant (решение, спокойствие; uk -ння, -ія), -ский/-ская…
    // (украинский), reflexive -тся without the soft sign, present -ает/-ют (uk -ає/-ють),
    // past -ивал/-овал and -ил/-ал (uk -ував, -ив/-ав), 3sg without -т in uk (буде, може, хоче),
    // -ии and -ость/-ости (uk -ії, -ість), participles -ущий/-ющий, genitive -его, -ов,
    // adjectives in -ой, and word-initial и (из, или, их), which Ukrainian spells і.
    if (UK_STEMS.some((stem) => w.startsWith(stem))) add(scores, 'uk', 2);
    if (RU_STEMS.some((stem) => w.startsWith(stem))) add(scores, 'ru', 2);
    if (/(?:нн|тт)я$/.test(w) || /ськ/.test(w) || /ував$/.test(w)) add(scores, 'uk', 2);
    if (/[^аеиоуя]ою$/.test(w) || /[бвдзмпсфц]ий$/.test(w) || /ьо/.test(w)) add(scores, 'uk', 1);
    if (/[бвдзлмнпрстф](?:их|ими|им)$/.test(w) && w !== 'них') add(scores, 'uk', 1);
    if (/(?:[^о]ав|[^т]ив|уде|оче|[^т]оже)$/.test(w) && w !== 'против') add(scores, 'uk', 1);
    if (
      /[бвгджзклмнпрстфхцчшщ]и[еяю]$|ние[мй]$/.test(w) ||
      /ск(?:ий|ая|ое|ие|их|им|ой|ую|ого|ому)$/.test(w)
    ) {
      add(scores, 'ru', 2);
    }
    if (/[^ь]тся$/.test(w) || (/^и\p{L}/u.test(w) && w.length > 1)) add(scores, 'ru', 2);
    if (/[аяуеё]ет$|[аяуе]ют$|[аиыу]вал$|ии|ост(?:ь|и|ью|ей|ям|ями|ях)$/.test(w)) add(scores, 'ru', 2);
    if (/[ую]щ(?:ий|ая|ее|ие|его|ей|ую|их|им)$/.test(w)) add(scores, 'ru', 2);
    if (/.его$|[^ім]ов$|[^ст]ил$|[ае]л$/.test(w) || (/[^е]ой$/.test(w) && w !== 'той' && w !== 'герой')) {
      add(scores, 'ru', 1);
    }
  }
  return scores;
}

/** With no cue at all, plain ASCII words are most likely English; accented ones are not told. */
function decideLatin(words: string[]): LanguageGuess {
  const isAscii = words.every((w) => /^[a-z']+$/.test(w));
  return isAscii ? decide(scoreLatin(words), 'en') : decide(scoreLatin(words));
}

function scoreLatin(words: string[]): Scores {
  const scores: Scores = new Map();
  for (const w of words) {
    for (const [lang, set] of Object.entries(LATIN_WORDS)) if (set.has(w)) add(scores, lang, 1);
    for (const [letters, lang] of LATIN_LETTERS) add(scores, lang, 2 * count(w, letters));
  }
  // Ties between languages sharing a function word (la, de, e) are broken towards English, the
  // one Overture reads most, by a small head start once any English cue is present.
  if (scores.has('en')) add(scores, 'en', 0.5);
  return scores;
}

/**
 * The best-scoring language, with a confidence that grows with the margin over the runner-up
 * and with the amount of evidence: 0.5 + 0.5 · margin share · (1 − e^(−best/4)). With no
 * evidence at all, `fallback` at a low confidence when the script suggests one, else 'und'.
 */
function decide(scores: Scores, fallback?: string): LanguageGuess {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return fallback ? { lang: fallback, confidence: 0.2 } : { lang: 'und', confidence: 0 };
  const runnerUp = second?.[1] ?? 0;
  const margin = (best[1] - runnerUp) / (best[1] + runnerUp);
  return { lang: best[0], confidence: round(0.5 + 0.5 * margin * (1 - Math.exp(-best[1] / 4))) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
