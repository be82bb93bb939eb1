/**
 * @module failure
 * Any error met while reading one file, turned into a value the CLI can print on one line and
 * emit as JSON. Coded `ChidaoError`s keep their code and messages; Node file-system errors get the
 * matching code; anything else is INTERNAL with a generic message (the stack only on request).
 */
import { isChidaoError, type ErrorCode } from "@chidao/core";

export type FailureCode = ErrorCode | "INTERNAL";

export interface Failure {
  code: FailureCode;
  vi: string;
  en: string;
  /** Kept for CHIDAO_DEBUG=1 only: users never see a stack trace by default. */
  stack?: string;
}

/** The JSON shape of an error, as the batch consumer reads it. */
export interface FailureJson {
  code: FailureCode;
  message: { vi: string; en: string };
}

const ERRNO: Record<string, Omit<Failure, "stack">> = {
  ENOENT: { code: "FILE_NOT_FOUND", vi: "Không tìm thấy tệp", en: "File not found" },
  ENOTDIR: { code: "FILE_NOT_FOUND", vi: "Không tìm thấy tệp", en: "File not found" },
  EACCES: { code: "FILE_UNREADABLE", vi: "Không có quyền đọc tệp", en: "Permission denied" },
  EPERM: { code: "FILE_UNREADABLE", vi: "Không có quyền đọc tệp", en: "Permission denied" },
  EISDIR: { code: "FILE_UNREADABLE", vi: "Đây là thư mục, không phải tệp", en: "Is a directory, not a file" },
};

export const INTERNAL: Omit<Failure, "stack"> = {
  code: "INTERNAL",
  vi: "Lỗi nội bộ của chidao khi xử lý tệp này",
  en: "Internal chidao error while processing this file",
};

export function toFailure(e: unknown): Failure {
  const stack = e instanceof Error ? e.stack : String(e);
  if (isChidaoError(e)) return { code: e.code, vi: e.vi, en: e.en, stack };
  const errno = ERRNO[errnoCode(e) ?? ""];
  return { ...(errno ?? INTERNAL), stack };
}

function errnoCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

export function failureJson(f: Failure): FailureJson {
  return { code: f.code, message: { vi: f.vi, en: f.en } };
}

/**
 * `chidao: Tệp rỗng: x.txt (File is empty: x.txt)` — one line, Vietnamese first. The file is
 * named in front only when the message does not name it already (extractor messages do).
 */
export function failureLine(file: string, f: Failure, debug: boolean): string {
  const where = f.vi.includes(file) ? "" : `${file}: `;
  const line = `chidao: ${where}${oneLine(f.vi)} (${oneLine(f.en)})\n`;
  return debug && f.stack ? line + f.stack + "\n" : line;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
