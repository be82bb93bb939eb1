/**
 * @module reports/errors
 * The coded errors of reports and reminders. "Not found" also answers for objects outside the
 * actor's jurisdiction, so that their existence is not confirmed. Input problems are collected
 * (Zod-style) and thrown together, every field named, so a form can mark them all at once.
 */
import { ChidaoError } from "@chidao/core";

const WHAT_VI = { task: "nhiệm vụ", assignment: "phần việc được giao", report: "báo cáo", attachment: "tệp đính kèm", agency: "cơ quan", document: "văn bản" } as const;
export type Missing = keyof typeof WHAT_VI;

export function notFound(what: Missing, id: string | number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không tìm thấy ${WHAT_VI[what]} ${id}.`, en: `No ${what} ${id}.`, details: { what, id } });
}

/** One problem with a field of the input. */
export interface InputIssue {
  /** The option it concerns: "results", "percent", "attachments[1].fileName". */
  path: string;
  vi: string;
  en: string;
}

export function invalidInput(issues: readonly InputIssue[]): ChidaoError {
  return new ChidaoError({
    code: "INVALID_INPUT",
    vi: issues.map((i) => i.vi).join(" "),
    en: issues.map((i) => i.en).join(" "),
    details: { fields: [...new Set(issues.map((i) => i.path))], issues },
  });
}

export function throwIfInvalid(issues: readonly InputIssue[]): void {
  if (issues.length > 0) throw invalidInput(issues);
}

/** Ids come from URLs and forms: anything but a positive integer names nothing. */
export function requireId(what: Missing, id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what, String(id));
  return id;
}

/** `now` comes from the caller (domain code never reads the clock); a bad one is the caller's bug. */
export function requireInstant(path: string, at: Date): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw invalidInput([{ path, vi: `Thời điểm "${path}" không hợp lệ.`, en: `"${path}" is not a valid instant.` }]);
  }
  return at;
}
