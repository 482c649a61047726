// The three language banks, compiled once: the scenario and the benchmark corpus both fill from
// these.
import { EN_BANK } from './banks/en.js';
import { RU_BANK } from './banks/ru.js';
import { UK_BANK } from './banks/uk.js';
import { type CompiledBank, compileBank } from './fill-template.js';
import type { DemoLang, LanguageBank } from './template.js';

export const LANGUAGE_BANKS: Readonly<Record<DemoLang, LanguageBank>> = {
  ru: RU_BANK,
  uk: UK_BANK,
  en: EN_BANK,
};

export const DEMO_BANKS: Readonly<Record<DemoLang, CompiledBank>> = {
  ru: compileBank(RU_BANK),
  uk: compileBank(UK_BANK),
  en: compileBank(EN_BANK),
};
