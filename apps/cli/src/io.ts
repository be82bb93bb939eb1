/**
 * @module io
 * Where the command line writes. `main` takes this as a parameter so tests run the real
 * command in memory and read what it printed, without spawning a process.
 */

/** The one method of a stream the CLI needs. */
export interface Writer {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** stderr is a terminal: a progress bar is drawn only then (never into a pipe or a log file). */
  isTTY: boolean;
  /** Terminal width for the progress bar; absent outside a terminal. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): CliIo {
  quietOnClosedPipe();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    env: process.env,
  };
}

/** `chidao parse --json dir/ | head` closes stdout early: stop quietly instead of crashing on EPIPE. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount("error") > 0) return;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Exit codes of every chidao command. */
export const Exit = {
  OK: 0,
  SOME_FAILED: 1,
  USAGE: 2,
  NOTHING_PARSED: 3,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];
