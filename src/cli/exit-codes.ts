// Documented in README.md ("Exit codes"); scripts rely on them, so they never change meaning.
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug, the database down). */
  failure: 1,
  /** Bad usage: an unknown option, a missing argument, an option out of range. */
  usage: 2,
  /** The command did its work but some records were rejected (each one reported). */
  partial: 3,
  /** An input could not be used at all (empty, not the format, truncated before any record). */
  unusable: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
