/**
 * @module commands/parse
 * `chidao parse`: expand the paths, read files two at a time, print in input order, and turn
 * the counts into the exit code (0 all ok, 1 some failed, 3 nothing parsed).
 */
import type { ExtractOptions } from "@chidao/extract";
import type { ParseCommandOptions } from "../args.js";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import { createOutput, type Output, type OutputMode, type Tally } from "../output.js";
import { mapInOrder } from "../pool.js";
import { createProgress } from "../progress.js";
import { readOne, type Outcome } from "../read-one.js";
import { expandInputs, type Inputs } from "../walk.js";

/** Two at a time: OCR and PDF tools run as child processes; more would starve a small machine. */
const CONCURRENCY = 2;

export async function runParse(options: ParseCommandOptions, io: CliIo): Promise<ExitCode> {
  const started = performance.now();
  const inputs = await expandInputs(options.paths);
  if (inputs.items.length === 0) return nothingToRead(io);
  const progress = createProgress(io, inputs.items.length);
  const output = createOutput(outputMode(options, inputs), { env: io.env, total: inputs.items.length, out: progress.out, err: progress.err });
  const tally: Tally = { total: inputs.items.length, parsed: 0, failed: 0, tasks: 0, citations: 0, seconds: 0 };
  const extractOptions = toExtractOptions(options);
  try {
    await mapInOrder(inputs.items, CONCURRENCY, (item) => readOne(item, extractOptions), (outcome, index) => {
      progress.tick(outcome.file);
      report(outcome, index, output, tally);
    });
  } finally {
    progress.stop();
  }
  tally.seconds = (performance.now() - started) / 1000;
  output.end(tally);
  return exitCode(tally);
}

/** One object only for exactly one file named directly; any directory or several files: a batch. */
function outputMode(options: ParseCommandOptions, inputs: Inputs): OutputMode {
  if (!options.json) return "summary";
  return inputs.items.length === 1 && !inputs.sawDirectory ? "json" : "jsonl";
}

function toExtractOptions(options: ParseCommandOptions): ExtractOptions {
  const opts: ExtractOptions = { ocr: options.ocr };
  if (!options.cache) opts.cacheDir = null;
  if (options.maxBytes !== undefined) opts.maxBytes = options.maxBytes;
  return opts;
}

function report(outcome: Outcome, index: number, output: Output, tally: Tally): void {
  if (!outcome.ok) {
    tally.failed++;
    output.failure(outcome.file, outcome.failure);
    return;
  }
  tally.parsed++;
  tally.tasks += outcome.record.tasks.length;
  tally.citations += outcome.record.citations.length;
  output.record(outcome.record, index);
}

function exitCode(t: Tally): ExitCode {
  if (t.parsed === 0) return Exit.NOTHING_PARSED;
  return t.failed > 0 ? Exit.SOME_FAILED : Exit.OK;
}

function nothingToRead(io: CliIo): ExitCode {
  io.stderr.write("chidao: Không tìm thấy tệp nào để đọc (.txt .md .html .htm .docx .pdf) (No input files found)\n");
  return Exit.NOTHING_PARSED;
}
