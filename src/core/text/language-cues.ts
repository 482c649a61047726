// The cues detectLanguage weighs: words, letters and endings that tell one language from its
// neighbours. Written for SHORT texts (a headline, a 3–8 word sentence), where letter-frequency
// models (Cavnar & Trenkle 1994 n-grams, CLD) confuse Russian and Ukrainian: the two share most
// of the alphabet, so we look at what they do NOT share.
//
// Sources for the choices: the alphabets (uk і ї є ґ and the apostrophe; ru ы э ъ ё; be ў; bg
// ъ before a consonant; sr/mk ј љ њ ђ ћ џ ѓ ќ ѕ; kk ә ғ қ ң ұ), the most frequent function
// words of each language (closed classes that every sentence uses), and productive endings
// (uk -ння/-ття, -ськ-, -ою; ru -ние/-ния, -ский, -тся, -его).

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** Function words only one of the two languages uses (weight 2 each). */
export const UK_WORDS = wordSet(`
  і й та що це як від вже було буде також коли лише його її їх їм вона вони він ми ви з зі із
  але чи щоб цей ця ці цього цих цим який яка яке які якого якої яких якщо навіть ще треба дуже
  немає ні сьогодні зараз бути має мають можна потрібно де після між під усі всі наші ваші свої
  мене мені тобі собі нього неї року році років тепер адже проте отже досі поки кожен кожна інші
  інших щодо наразі зокрема нічого ніхто саме був була були будуть може можуть хто йому тільки
  проти біля ласка знову зсу тиждень тижня тижні заявив сказав наголосив зазначив своїх свого ж аби бо
`);
export const RU_WORDS = wordSet(`
  и что это как от уже было будет также когда поэтому только его ее её она они он мы вы с со из
  но ли чтобы этот эта эти этого этих этим который которая которое которые которого которой
  которых если даже ещё еще здесь очень нет сегодня сейчас быть есть может могут можно нужно где
  после между под всё наши ваши свои меня мне себе него нее неё года году лет теперь однако чем
  тоже надо бы ни такой такая такие всех всего чего кто ничего никто именно ему против более
  около время был была были будут заявил сказал отметил подчеркнул своих своего о об ведь
  всегда почему зачем пожалуйста снова всу неделя неделю недели украина украины
  украине украину киев киева киеве киеву
`);
/**
 * Word beginnings of the war-and-diplomacy vocabulary Overture reads, where the two languages
 * use different roots (ворог/враг, допомога/помощь, знищити/уничтожить), weight 2.
 */
export const UK_STEMS = [
  'ворог',
  'допомог',
  'перемов',
  'зупин',
  'знищ',
  'збро',
  'втрат',
  'звільн',
  'влуч',
  'наступ',
];
export const RU_STEMS = [
  'враг',
  'помощ',
  'уничтож',
  'останов',
  'недел',
  'потер',
  'встреч',
  'освобо',
  'поддерж',
  'обстрел',
];

/** Belarusian words that are neither Russian nor Ukrainian. */
export const BE_WORDS = wordSet('гэта што таксама калі толькі яго яна яны дзе быў усё беларусі беларусь');
/** Bulgarian words that are neither Russian nor Ukrainian. */
export const BG_WORDS = wordSet('че това които като беше във със съм са бъде българия');

/** Frequent function words of Latin-script languages (weight 1 each). */
export const LATIN_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: wordSet(`the and of to in is that for it with was on as be by this are not have has from will we they
    he she which would said their an or at but its been were there who what can about after must`),
  de: wordSet(`der die das und ist nicht mit den dem ein eine zu von auf für sich auch es im wird werden
    wir nach bei über dass wie noch sind oder aus`),
  fr: wordSet(`le la les et des est une un du que qui dans pour pas sur au avec il elle nous sont ce cette
    par mais plus aux ont été`),
  es: wordSet(`el la los las y que en un una por con para del se no su al lo como más pero sus fue ha
    está son entre`),
  it: wordSet('il lo gli le e di che è un una per con non del della sono da si ma anche più al alla nel'),
  pt: wordSet('o os as e do da dos das que em um uma para com não por no na se mais é foi ao pelo'),
  pl: wordSet('i w z na się nie to że jest do od jak po ale czy tak już przez dla jego są oraz który'),
  nl: wordSet('de het een en van is dat op te niet met voor zijn ook aan er maar om wordt door naar'),
};

/** Letters that only some Latin-script languages use (weight 2 each occurrence). */
export const LATIN_LETTERS: readonly [RegExp, string][] = [
  [/[ñ¿¡]/g, 'es'],
  [/[ãõ]/g, 'pt'],
  [/[ßäöü]/g, 'de'],
  [/[łąęśźżćń]/g, 'pl'],
  [/[èàòù]/g, 'it'],
  [/[çâêîôûœë]/g, 'fr'],
];

/** Scripts other than Latin and Cyrillic, told by their letters, with the language they imply. */
export const SCRIPT_LANGS: readonly [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];
