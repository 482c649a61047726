// Which of our signal categories (CODING-GUIDE.md) a CAMEO event code stands for, so GDELT
// events can be counted beside our own codes. Codes and their meanings are those of the CAMEO
// codebook, version 1.1b3 (Schrodt, Conflict and Mediation Event Observations: Event and Actor
// Codebook, Pennsylvania State University, March 2012), chapter 2.
//
// The mapping is deliberately narrow. CAMEO codes events, many of them deeds; our categories
// code what is SAID about war and peace. A code maps only when its CAMEO definition is a
// statement our coding guide would code the same way; everything else, and every code not
// listed (including unknown or malformed ones), maps to null. In particular:
// - `overture` is only appeals, demands and expressed intent to negotiate, settle, mediate or
//   de-escalate (026–028, 0256, 036–039, 0356, 106–108, 1056), plus declaring a truce (0871),
//   the deed that peace offensives announce (Easter and Christmas truces). Talks actually held
//   (040–046) are reports of talks and carry no signal (coding guide: "it only mentions that
//   talks exist or took place"), and the other yields (08x) are concessions, the opposite of
//   rhetoric without movement, so they stay null rather than inflate overture counts.
// - `refusal`: rejecting a proposal to negotiate (125), mediation (126) or a settlement plan
//   (127), refusing to de-escalate (1246), breaking off talks or mediation (164, 165).
// - `threat`: every THREATEN code (13x), including threats to halt talks (134, 135) per
//   decision rule 7 ("a threat to leave talks" is a threat), and ultimatums (139).
// - `position`: demands and appeals for a leadership or regime change (0241, 0244, 1041, 1044;
//   key regime-change) and for easing sanctions (0251, 0254, 1051, 1054; key sanctions-relief).
//   Other demands (aid, rights, release of prisoners) are not settlement positions.
// - `commitment`: appeals for, demands for, promises of and provision of military aid or
//   protection (0212, 0232, 0234, 1012, 1032, 1034, 0312, 0332, 0334, 072, 074): the coding
//   guide counts calls for support and announced support as commitment.
// Accusations (112x) stay null: GDELT codes neutral reports of specific allegations, which the
// coding guide leaves uncoded, and nothing in CAMEO marks the delegitimising labels we code.
import type { SignalCategory } from '../types.js';

const OVERTURE = [
  '026',
  '027',
  '028',
  '0256',
  '036',
  '037',
  '038',
  '039',
  '0356',
  '106',
  '107',
  '108',
  '1056',
  '0871',
];
const REFUSAL = ['125', '126', '127', '1246', '164', '165'];
const POSITION = ['0241', '0244', '1041', '1044', '0251', '0254', '1051', '1054'];
const COMMITMENT = ['0212', '0232', '0234', '1012', '1032', '1034', '0312', '0332', '0334', '072', '074'];

// THREATEN (13) and its sub-codes in CAMEO 1.1b3.
const THREAT = [
  '130',
  '131',
  '1311',
  '1312',
  '1313',
  '132',
  '1321',
  '1322',
  '1323',
  '1324',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '1381',
  '1382',
  '1383',
  '1384',
  '1385',
  '139',
];

const TABLE: ReadonlyMap<string, SignalCategory> = new Map([
  ...OVERTURE.map((code) => [code, 'overture'] as const),
  ...REFUSAL.map((code) => [code, 'refusal'] as const),
  ...POSITION.map((code) => [code, 'position'] as const),
  ...COMMITMENT.map((code) => [code, 'commitment'] as const),
  ...THREAT.map((code) => [code, 'threat'] as const),
]);

/** The position key a CAMEO code with the `position` signal stands for. */
export function cameoPositionKey(code: string): string | null {
  if (TABLE.get(code) !== 'position') return null;
  return /^(?:024|104)/.test(code) ? 'regime-change' : 'sanctions-relief';
}

/**
 * The signal category of a CAMEO event code (as GDELT writes it: three or four digits with
 * leading zeros, e.g. '036', '0871'), or null when the code maps to none or is unknown.
 */
export function cameoSignal(code: string): SignalCategory | null {
  return TABLE.get(code.trim()) ?? null;
}
