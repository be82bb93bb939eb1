/**
 * @module tasks/deadlines
 * Where task use cases meet the deadline rules of core (work/deadline: fixed, recurring, none;
 * "N ngày làm việc" recounted over Vietnamese holidays). The only module that calls them, so a
 * change of rule is a change here. Also checks a deadline a person typed in.
 */
import { deadlineOf, dueAt, isChidaoError, type Period, type Recurrence, type Task, type TaskDeadline } from "@chidao/core";
import { invalidInput } from "./errors.js";

export type { TaskDeadline };

export const NO_DEADLINE: TaskDeadline = { kind: "none" };

/** A parsed task's deadline, counted from its document's date. */
export function deadlineOfTask(task: Pick<Task, "deadline" | "deadlineText" | "recurrence">, documentDate: string | null): TaskDeadline {
  try {
    return deadlineOf(task, documentDate);
  } catch (e) {
    // A date the parser read but the calendar refuses (31/6) is no deadline rather than no task.
    if (isChidaoError(e)) return task.deadlineText ? { kind: "none", text: task.deadlineText } : NO_DEADLINE;
    throw e;
  }
}

/** When the deadline next falls due after `now`; null without one. */
export function dueOf(deadline: TaskDeadline, now: Date): Date | null {
  const at = dueAt(deadline, now);
  return at === null ? null : new Date(at);
}

const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A deadline from a person (null: none), checked field by field; throws INVALID_INPUT. */
export function checkDeadline(input: unknown, path = "deadline"): TaskDeadline {
  if (input === null || input === undefined) return NO_DEADLINE;
  const d = input as Partial<Record<string, unknown>>;
  switch (d.kind) {
    case "none":
      return typeof d.text === "string" && d.text ? { kind: "none", text: d.text } : NO_DEADLINE;
    case "fixed":
      return checkFixed(d, path);
    case "recurring":
      return checkRecurring(d, path);
    default:
      throw invalidInput(path, 'Hạn xử lý phải có loại "fixed", "recurring" hoặc "none".', 'A deadline has kind "fixed", "recurring" or "none".');
  }
}

function checkFixed(d: Partial<Record<string, unknown>>, path: string): TaskDeadline {
  const deadline: TaskDeadline = typeof d.time === "string" ? { kind: "fixed", due: String(d.due), time: d.time } : { kind: "fixed", due: String(d.due) };
  if (typeof d.due !== "string" || !ISO_DATE.test(d.due) || (d.time !== undefined && (typeof d.time !== "string" || !HH_MM.test(d.time))) || !dueIsValid(deadline)) {
    throw invalidInput(`${path}.due`, "Hạn xử lý cố định là một ngày YYYY-MM-DD có thật, giờ (nếu có) dạng HH:MM.", "A fixed deadline is a real date YYYY-MM-DD, with an optional time HH:MM.");
  }
  return deadline;
}

function checkRecurring(d: Partial<Record<string, unknown>>, path: string): TaskDeadline {
  const rule = (d.rule ?? {}) as Partial<Record<string, unknown>>;
  const int = (v: unknown, lo: number, hi: number) => v === undefined || (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi);
  const ok = PERIODS.includes(rule.every as Period) && (rule.at === undefined || (typeof rule.at === "string" && HH_MM.test(rule.at))) && int(rule.weekday, 1, 7) && int(rule.day, 1, 31) && int(rule.month, 1, 12) && (rule.workingDaysOnly === undefined || typeof rule.workingDaysOnly === "boolean");
  if (!ok) throw invalidInput(`${path}.rule`, "Quy tắc định kỳ không hợp lệ (every: day/week/month/quarter/year; at: HH:MM; weekday 1–7; day 1–31; month 1–12).", "Invalid recurrence (every: day/week/month/quarter/year; at: HH:MM; weekday 1–7; day 1–31; month 1–12).");
  // Only the rule's own fields: the deadline is stored as given and read back by core.
  const clean: Recurrence = { every: rule.every as Period };
  for (const key of ["at", "weekday", "day", "month", "workingDaysOnly"] as const) if (rule[key] !== undefined) Object.assign(clean, { [key]: rule[key] });
  return { kind: "recurring", rule: clean, text: typeof d.text === "string" ? d.text : "" };
}

function dueIsValid(deadline: TaskDeadline): boolean {
  try {
    dueAt(deadline, 0);
    return true;
  } catch {
    return false;
  }
}
