import type { SignalCategory } from '../../src/core/types.js';

/** A sentence, the signals it must get (no more, no fewer), and its positions as key/stance. */
export type TableRow = [text: string, signals: SignalCategory[], positions?: string[]];
