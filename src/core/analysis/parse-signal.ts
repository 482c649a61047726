import { invalidOption } from '../errors.js';
import { SIGNALS, type SignalCategory } from '../types.js';

/** Parses a `--signal` option (one category of the codebook). */
export function parseSignal(value: string): SignalCategory {
  if ((SIGNALS as readonly string[]).includes(value)) return value as SignalCategory;
  throw invalidOption('signal', value, SIGNALS.join(', '));
}
