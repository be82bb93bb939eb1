/**
 * @module progress
 * A progress bar on stderr, drawn only for a terminal and only when there is more than one file
 * (a bar for one file, or inside a pipe or a CI log, is noise). While the bar is shown, every
 * line of output goes through it: stderr lines are printed above the bar, and stdout text is
 * written after the bar line is cleared, so a summary printed to the same terminal never tears it.
 */
import cliProgress from "cli-progress";
import type { CliIo } from "./io.js";

export interface Progress {
  tick(file: string): void;
  /** Write to stdout. */
  out(text: string): void;
  /** Write a whole line (ending in "\n") to stderr. */
  err(line: string): void;
  stop(): void;
}

const CLEAR_LINE = "\r\x1b[2K";
const FIXED_WIDTH = 45; // the bar and "7/12 tệp | " around the file name

export function createProgress(io: CliIo, total: number): Progress {
  if (!io.isTTY || total <= 1) return plain(io);
  const columns = io.columns ?? 80;
  const bars = new cliProgress.MultiBar(
    {
      stream: terminal(io, columns),
      format: "{bar} {value}/{total} tệp | {file}",
      clearOnComplete: true,
      hideCursor: false, // a Ctrl-C would otherwise leave the terminal without a cursor
      linewrap: true, // the default turns wrapping off in the terminal, and so truncates our stdout
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { file: "" });
  const after = plain(io); // once stopped, the tally and late messages print as usual
  let active = true;
  return {
    tick: (file) => bar.increment(1, { file: fit(file, columns - FIXED_WIDTH) }),
    out: (text) => {
      if (!active) return after.out(text);
      io.stderr.write(CLEAR_LINE);
      io.stdout.write(text);
      bars.update();
    },
    err: (line) => {
      if (!active) return after.err(line);
      bars.log(line);
      bars.update(); // MultiBar prints logged lines only on a redraw: flush now, in order.
    },
    stop: () => {
      if (active) bars.stop();
      active = false;
    },
  };
}

function plain(io: CliIo): Progress {
  return {
    tick: () => undefined,
    out: (text) => void io.stdout.write(text),
    err: (line) => void io.stderr.write(line),
    stop: () => undefined,
  };
}

/** Keep the end of a long path: the file name matters more than the folders. */
function fit(file: string, width: number): string {
  const w = Math.max(10, width);
  return file.length <= w ? file : `…${file.slice(file.length - w + 1)}`;
}

/**
 * cli-progress writes through `write`, asks `isTTY` and `columns`, and moves the cursor with
 * node:readline (which only calls `write`): this adapter lets tests hand in a fake terminal.
 */
function terminal(io: CliIo, columns: number): NodeJS.WritableStream {
  const stream = { isTTY: true, columns, write: (s: string) => io.stderr.write(s) };
  return stream as unknown as NodeJS.WritableStream;
}
