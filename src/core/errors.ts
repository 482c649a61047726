// A few typed errors with stable codes. Every message says what was wrong, the value, and what
// was expected, and names the file and record when there is one.

export type ErrorCode =
  | 'invalid-input' // a record or file that cannot be read as what was expected
  | 'invalid-option' // a command-line or API option out of range
  | 'invalid-codebook' // a codebook file that fails its schema
  | 'not-found' // a named source, episode, actor… that does not exist
  | 'unsafe-url' // a URL refused by the fetch guard (private or loopback address)
  | 'fetch-failed' // a remote resource that could not be fetched
  | 'store-failed'; // the database refused a write or a query

export class OvertureError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'OvertureError';
  }
}

/** `invalid k: got "v" (expected e)` — the one message shape for bad options. */
export function invalidOption(name: string, value: unknown, expected: string): OvertureError {
  return new OvertureError(
    'invalid-option',
    `invalid ${name}: got ${JSON.stringify(value)} (expected ${expected})`,
  );
}
