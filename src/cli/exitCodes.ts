/** Exit codes scripts can rely on (documented in `--help` and the README). */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug): the stack trace is printed. */
  failure: 1,
  /** Usage: unknown command or option, bad parameter value. */
  usage: 2,
  /** Evidence: a file failed validation (message names file, row, column, value). */
  evidence: 3,
  /** A system dependency is missing (Jupyter, Chromium for --pdf). */
  missingDependency: 4,
} as const;
