/**
 * @module errors
 * One coded error shape for the whole product: a stable code, a Vietnamese and an English
 * message, and optional details. Errors cross module boundaries as values, never as stack traces.
 */

export type ErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_EMPTY"
  | "FILE_TOO_LARGE"
  | "FILE_BINARY"
  | "FORMAT_UNSUPPORTED"
  | "FORMAT_CORRUPT"
  | "ENCODING_UNKNOWN"
  | "TOOL_MISSING"
  | "OCR_FAILED"
  | "PARSE_FAILED"
  | "DB_LOCKED"
  | "DB_UNAVAILABLE"
  | "MIGRATION_FAILED"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "INGEST_FAILED"
  /** No session or token, or an expired one. */
  | "UNAUTHENTICATED"
  /** Signed in, but the role or jurisdiction does not allow it. */
  | "FORBIDDEN"
  /** The object changed since the caller read it (a stale version). */
  | "CONFLICT"
  /** An edit sent without the version it was made on. */
  | "PRECONDITION_REQUIRED";

export interface ChidaoErrorInit {
  code: ErrorCode;
  vi: string;
  en: string;
  details?: Record<string, unknown>;
}

export class ChidaoError extends Error {
  readonly code: ErrorCode;
  readonly vi: string;
  readonly en: string;
  readonly details: Record<string, unknown>;

  constructor(init: ChidaoErrorInit) {
    super(init.en);
    this.name = "ChidaoError";
    this.code = init.code;
    this.vi = init.vi;
    this.en = init.en;
    this.details = init.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: { vi: string; en: string }; details: Record<string, unknown> } {
    return { code: this.code, message: { vi: this.vi, en: this.en }, details: this.details };
  }
}

export function isChidaoError(e: unknown): e is ChidaoError {
  return e instanceof ChidaoError;
}

/** A problem found while reading a document: collected, never thrown (Zod-style issues). */
export interface Issue {
  code: string;
  /** Which record field the issue concerns, e.g. "signer.name" or "tasks[2].deadline". */
  path?: string;
  vi: string;
  en: string;
  span?: Span;
}

/** A half-open character range [start, end) in the normalized text. */
export interface Span {
  start: number;
  end: number;
}
