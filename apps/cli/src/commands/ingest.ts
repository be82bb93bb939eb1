/**
 * @module commands/ingest
 * `chidao ingest PATH...`: files and folders into the registry, one transaction per document, so
 * an interrupted batch can simply be run again (stored files are recognised by their bytes).
 * One line per file (or JSON Lines with --json), a progress bar in a terminal, a tally.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { DEFAULT_MAX_BYTES, type ExtractOptions } from "@chidao/extract";
import type { IngestResult, Registry } from "@chidao/registry";
import { ChidaoError } from "@chidao/core";
import { failureJson, failureLine, toFailure, type Failure } from "../failure.js";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import { createProgress, type Progress } from "../progress.js";
import type { IngestCommandOptions } from "../registry-args.js";
import { expandInputs, type InputItem } from "../walk.js";
import { databaseLabel, openRegistry } from "./open-registry.js";

const STATUS_VI: Record<IngestResult["status"], string> = { created: "mới    ", existing: "đã có  ", merged: "gộp    " };

export interface IngestTally {
  created: number;
  existing: number;
  merged: number;
  failed: number;
}

export async function runIngest(options: IngestCommandOptions, io: CliIo): Promise<ExitCode> {
  const inputs = await expandInputs(options.paths);
  if (!inputs.items.length) {
    io.stderr.write("chidao: Không tìm thấy tệp nào để nạp (.txt .md .html .htm .docx .pdf) (No input files found)\n");
    return Exit.NOTHING_PARSED;
  }
  const extract: ExtractOptions = { ocr: options.ocr, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) };
  const registry = await openRegistry(options.database, io, { extract });
  if (!registry) return Exit.NOTHING_PARSED;
  const tally: IngestTally = { created: 0, existing: 0, merged: 0, failed: 0 };
  const progress = createProgress(io, inputs.items.length);
  try {
    if (!options.json) progress.out(`Nạp vào (ingesting into) ${databaseLabel(registry)}\n`);
    for (const item of inputs.items) {
      const outcome = await ingestOne(registry, item, options.maxBytes ?? DEFAULT_MAX_BYTES);
      progress.tick(item.file);
      report(item.file, outcome, options.json, progress, tally, io);
    }
    if (tally.created > 0) await registry.maintain();
  } finally {
    progress.stop();
    await registry.close();
  }
  if (!options.json) io.stdout.write(`Mới ${tally.created} · đã có ${tally.existing} · gộp ${tally.merged} · lỗi ${tally.failed} (created, existing, merged, failed)\n`);
  const stored = tally.created + tally.existing + tally.merged;
  return stored === 0 ? Exit.NOTHING_PARSED : tally.failed ? Exit.SOME_FAILED : Exit.OK;
}

type Outcome = { ok: true; result: IngestResult } | { ok: false; failure: Failure };

async function ingestOne(registry: Registry, item: InputItem, maxBytes: number): Promise<Outcome> {
  if (item.failure) return { ok: false, failure: item.failure };
  try {
    // stat first: refuse a huge file before reading a byte of it.
    const info = await stat(item.file);
    if (info.size > maxBytes) throw new ChidaoError({ code: "FILE_TOO_LARGE", vi: `Tệp quá lớn (${info.size} byte, tối đa ${maxBytes})`, en: `File too large (${info.size} bytes, at most ${maxBytes})` });
    const bytes = await readFile(item.file);
    return { ok: true, result: await registry.ingest({ bytes, fileName: basename(item.file) }) };
  } catch (e) {
    return { ok: false, failure: toFailure(e) };
  }
}

function report(file: string, outcome: Outcome, json: boolean, progress: Progress, tally: IngestTally, io: CliIo): void {
  if (!outcome.ok) {
    tally.failed++;
    if (json) progress.out(`${JSON.stringify({ file, error: failureJson(outcome.failure) })}\n`);
    progress.err(failureLine(file, outcome.failure, io.env.CHIDAO_DEBUG === "1"));
    return;
  }
  const { result } = outcome;
  tally[result.status]++;
  if (json) progress.out(`${JSON.stringify({ file, id: result.id, status: result.status, sha256: result.sha256 })}\n`);
  else progress.out(`  ${STATUS_VI[result.status]} ${result.id}  ${file}\n`);
}
