// A declared language (`en-us`, `ru-RU`, `uk`, `de_DE`) → its ISO 639-1 code, or undefined when
// the declaration names no language (Korea Times declares `US`, a country). Declarations are
// only hints; the pipeline still detects the language when none is kept.

const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da ' +
    'de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ' +
    'ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln ' +
    'lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi ' +
    'pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti ' +
    'tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Old codes some sites still use for the languages Overture reads first. */
const ALIASES: Record<string, string> = { ua: 'uk', iw: 'he', in: 'id', ji: 'yi' };

export function languageOf(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return ISO_639_1.has(code) ? code : undefined;
}
