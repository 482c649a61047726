// Commander argument parsers for numeric options, with the one message shape for bad options.
import { invalidOption } from '../../core/errors.js';

export function numberOption(
  name: string,
  options: { integer?: boolean; min?: number; above?: number; max?: number } = {},
) {
  return (value: string): number => {
    const parsed = Number(value);
    const expected = [
      options.integer ? 'an integer' : 'a number',
      options.min !== undefined ? `≥ ${options.min}` : '',
      options.above !== undefined ? `greater than ${options.above}` : '',
      options.max !== undefined ? `≤ ${options.max}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (
      value.trim() === '' ||
      !Number.isFinite(parsed) ||
      (options.integer && !Number.isInteger(parsed)) ||
      (options.min !== undefined && parsed < options.min) ||
      (options.above !== undefined && parsed <= options.above) ||
      (options.max !== undefined && parsed > options.max)
    ) {
      throw invalidOption(name, value, expected);
    }
    return parsed;
  };
}
