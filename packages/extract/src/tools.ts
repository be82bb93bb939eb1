/**
 * @module tools
 * Runs the external programs (poppler, tesseract) with execFile: arguments are passed as an
 * array (no shell, so file names cannot inject commands) and every call has a timeout.
 */
import { execFile } from "node:child_process";
import { toolMissing } from "./errors.js";

/** A tool ran but failed; callers turn it into FORMAT_CORRUPT / OCR_FAILED with context. */
export class ToolFailure extends Error {
  constructor(
    readonly tool: string,
    readonly timedOut: boolean,
    readonly stderr: string,
  ) {
    super(`${tool} ${timedOut ? "timed out" : "failed"}: ${firstLine(stderr)}`);
  }
}

export interface RunOptions {
  timeoutMs: number;
  env?: Record<string, string>;
}

export function runTool(tool: string, args: string[], opts: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = {
      encoding: "utf8" as const,
      timeout: opts.timeoutMs,
      maxBuffer: 256 * 1024 * 1024, // pdftotext of a long gazette can be many MB
      env: { ...process.env, ...opts.env },
    };
    execFile(tool, args, options, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return reject(toolMissing(tool));
      reject(new ToolFailure(tool, err.killed === true, stderr));
    });
  });
}

/** The first informative stderr line, short enough for error details. */
export function firstLine(stderr: string): string {
  const line = stderr.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "";
  return line.slice(0, 200);
}
