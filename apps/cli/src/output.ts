/**
 * @module output
 * How outcomes are printed, one writer per mode:
 *  - single JSON: one pretty object on stdout (the scorer's contract, ../shared/eval/SCHEMA.md);
 *  - JSON Lines: one compact line per file, failures included as `{source, error}` lines so a
 *    batch consumer sees every input;
 *  - summary: the readable Vietnamese summary, then a tally line.
 * Failures always also get one bilingual line on stderr.
 */
import type { DocumentRecord } from "@chidao/core";
import { failureJson, failureLine, type Failure } from "./failure.js";
import { viNumber, viSeconds } from "./format.js";
import type { CliIo } from "./io.js";
import { renderSummary, WIDTH } from "./summary.js";

export type OutputMode = "json" | "jsonl" | "summary";

export interface Tally {
  total: number;
  parsed: number;
  failed: number;
  tasks: number;
  citations: number;
  seconds: number;
}

export interface Output {
  record(record: DocumentRecord, index: number): void;
  failure(file: string, failure: Failure): void;
  end(tally: Tally): void;
}

export interface OutputContext {
  env: CliIo["env"];
  total: number;
  /** Where output goes: through the progress bar when one is shown. */
  out: (text: string) => void;
  err: (line: string) => void;
}

export function createOutput(mode: OutputMode, ctx: OutputContext): Output {
  const debug = ctx.env.CHIDAO_DEBUG === "1";
  const failure = (file: string, f: Failure): void => {
    ctx.err(failureLine(file, f, debug));
    if (mode === "jsonl") ctx.out(JSON.stringify({ source: { file }, error: failureJson(f) }) + "\n");
  };
  return {
    record: (record, index) => ctx.out(renderRecord(mode, record, index, ctx.total)),
    failure,
    end: (tally) => {
      if (mode === "summary") ctx.out(tallyLine(tally));
    },
  };
}

function renderRecord(mode: OutputMode, record: DocumentRecord, index: number, total: number): string {
  switch (mode) {
    case "json":
      return JSON.stringify(record, null, 2) + "\n";
    case "jsonl":
      return JSON.stringify(record) + "\n";
    case "summary":
      return renderSummary(record, { index, total });
  }
}

export function tallyLine(t: Tally): string {
  const parts = [
    `${t.total} văn bản`,
    `${t.parsed} đọc được`,
    `${t.failed} lỗi`,
    `${viNumber(t.tasks)} nhiệm vụ`,
    `${viNumber(t.citations)} văn bản dẫn chiếu`,
    `${viSeconds(t.seconds)} giây`,
  ];
  return `${"═".repeat(WIDTH)}\nTổng cộng: ${parts.join(" · ")}\n`;
}
