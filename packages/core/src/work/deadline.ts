/**
 * @module work/deadline
 * When a task is due. A parsed task carries a date (`deadline`) and the words that set it
 * (`deadlineText`); here they become a TaskDeadline: a fixed day (and maybe an hour), a recurring
 * duty ("trước 16 giờ hằng ngày", "ngày 25 hằng tháng", "thứ Sáu hằng tuần"), or none. Due
 * moments are instants in Vietnam time (UTC+7), written "YYYY-MM-DDTHH:MM:SS+07:00"; a day
 * without an hour is due at its last second. Pure: `now` is always a parameter.
 */
import { foldChars } from "../text/fold.js";
import { daysInMonth } from "../parser/dates.js";
import { withinMatches } from "../parser/deadlines.js";
import { addWorkingDays, VIETNAM_CALENDAR, workingDaysBetween, type WorkCalendar } from "./calendar.js";
import { dayNumber, dayOf, formatVn, instantOf, isoOfDay, vnDayOf, vnInstant, weekdayOf, yearOf } from "./days.js";
import { isClosed, type TaskStatus } from "./status.js";

export type Period = "day" | "week" | "month" | "quarter" | "year";

export interface Recurrence {
  every: Period;
  /** "HH:MM", Vietnam time. Without it the duty is due by the end of its day. */
  at?: string;
  /** For `week`: 1 = thứ Hai (Monday) … 7 = Chủ nhật (Sunday). Default 5, thứ Sáu: the week's last working day. */
  weekday?: number;
  /**
   * Day of the month (`month`), of the quarter's last month (`quarter`), or of `month` (`year`),
   * cut to the month's length (31 → 30 April). Default: the last day of the period.
   */
  day?: number;
  /** For `year`: the month, 1–12. Default 12. */
  month?: number;
  /**
   * `day`: working days only. Other periods: a due day that is no working day moves to the next
   * working day, as a period ending on a day off does under Bộ luật Dân sự 2015, art. 148(5).
   */
  workingDaysOnly?: boolean;
}

export type TaskDeadline =
  | { kind: "fixed"; due: string; time?: string }
  | { kind: "recurring"; rule: Recurrence; text: string }
  /** `text`: words of a duty whose period they do not give ("định kỳ báo cáo"). */
  | { kind: "none"; text?: string };

/** The parser's Task fields this module reads (document/record.ts). */
export interface ParsedDeadline {
  deadline: string | null;
  deadlineText: string | null;
  recurrence?: string | null;
}

const PERIOD_CODES: Readonly<Record<string, Period>> = { ngay: "day", tuan: "week", thang: "month", quy: "quarter", nam: "year" };
const PERIOD_WORDS = /(?:hang|moi|dinh ky)\s*(ngay|tuan|thang|quy|nam)(?![a-z])/;
const WORKING_DAYS = /ngay lam viec/;
/** "16 giờ", "16h30", "17 giờ 30 phút", "16:00" (folded). */
const TIME = /(?<!\d)(\d{1,2})\s*(?:gio|h(?![a-z]))(?:\s*(\d{1,2})(?!\d))?|(?<!\d)(\d{1,2}):(\d{2})(?!\d)/;
/** "ngày 25", "trước 20 hằng tháng", "ngày 15/12", "ngày 15 tháng 12" — not an hour ("trước 16 giờ"). */
const DAY = /(?:ngay|truoc|vao)\s*(\d{1,2})(?:\s*(?:[/-]|thang)\s*(\d{1,2}))?(?!\s*(?:gio|h(?![a-z])|:)|\d)/;
const WEEKDAY = /(?<![a-z])(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat)(?![a-z0-9])/;
const WEEKDAY_WORDS: Readonly<Record<string, number>> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/**
 * A parsed task's deadline. "Trong N ngày làm việc" is counted again with public holidays (the
 * parser skips weekends only); a recurring duty's words become a rule.
 * @example deadlineOf({ deadline: null, deadlineText: "trước 16 giờ hằng ngày", recurrence: "ngay" }, null)
 * // { kind: "recurring", rule: { every: "day", at: "16:00" }, text: "trước 16 giờ hằng ngày" }
 */
export function deadlineOf(task: ParsedDeadline, documentDate: string | null, calendar: WorkCalendar = VIETNAM_CALENDAR): TaskDeadline {
  const text = task.deadlineText ?? "";
  const folded = foldChars(text);
  if (task.deadline) {
    const counted = documentDate && withinMatches(folded).some((m) => m[2] === "ngay lam viec");
    const due = counted ? recount(task.deadline, documentDate, calendar) : task.deadline;
    const time = timeIn(folded);
    return time ? { kind: "fixed", due, time } : { kind: "fixed", due };
  }
  const every = PERIOD_CODES[task.recurrence ?? ""] ?? PERIOD_CODES[PERIOD_WORDS.exec(folded)?.[1] ?? ""];
  if (every) return { kind: "recurring", rule: ruleOf(every, folded), text };
  return task.recurrence ? { kind: "none", text } : { kind: "none" };
}

/** The parser counted N weekdays from the document date; the same N, counted with holidays. */
function recount(parsed: string, documentDate: string, calendar: WorkCalendar): string {
  let n = 0;
  for (let d = dayNumber(documentDate) + 1; d <= dayNumber(parsed); d++) n += weekdayOf(d) <= 5 ? 1 : 0;
  return addWorkingDays(documentDate, n, calendar);
}

function ruleOf(every: Period, folded: string): Recurrence {
  const rule: Recurrence = { every };
  const at = timeIn(folded);
  if (at) rule.at = at;
  if (every === "week") {
    const weekday = weekdayIn(folded);
    if (weekday) rule.weekday = weekday;
  } else if (every !== "day") {
    const m = DAY.exec(folded);
    const [day, month] = [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
    if (day >= 1 && day <= 31) rule.day = day;
    if (every === "year" && month >= 1 && month <= 12) rule.month = month;
  }
  if (WORKING_DAYS.test(folded)) rule.workingDaysOnly = true;
  return rule;
}

function timeIn(folded: string): string | undefined {
  const m = TIME.exec(folded);
  if (!m) return undefined;
  const [h, min] = m[1] !== undefined ? [Number(m[1]), Number(m[2] ?? 0)] : [Number(m[3]), Number(m[4])];
  if (h === 24 && min === 0) return "23:59"; // "24 giờ": the end of the day
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}` : undefined;
}

function weekdayIn(folded: string): number | undefined {
  const m = WEEKDAY.exec(folded);
  if (!m) return undefined;
  if (m[1] === undefined) return 7;
  return WEEKDAY_WORDS[m[1]] ?? Number(m[1]) - 1;
}

/** An instant: a Date, epoch milliseconds, or an ISO string (without an offset it is Vietnam time). */
export type Instant = Date | string | number;

/**
 * The first due moment of a rule strictly after `after`.
 * @example nextOccurrence({ every: "day", at: "16:00" }, "2025-03-03T17:00:00+07:00") // "2025-03-04T16:00:00+07:00"
 */
export function nextOccurrence(rule: Recurrence, after: Instant, calendar: WorkCalendar = VIETNAM_CALENDAR): string {
  const t = instantOf(after);
  // Three weeks back: a due day moved over the longest break (Tết, nine days) can land past `after`.
  for (let p = periodOf(rule, vnDayOf(t) - 21), guard = 0; guard < 2000; p++, guard++) {
    const ms = occurrence(rule, p, calendar);
    if (ms !== null && ms > t) return formatVn(ms);
  }
  throw new Error("nextOccurrence: no occurrence found"); // unreachable: every period has one
}

/** The last due moment of a rule at or before `atOrBefore`, null when there is none (a working-day duty over Tết). */
export function previousOccurrence(rule: Recurrence, atOrBefore: Instant, calendar: WorkCalendar = VIETNAM_CALENDAR): string | null {
  const ms = previousMs(rule, instantOf(atOrBefore), calendar);
  return ms === null ? null : formatVn(ms);
}

function previousMs(rule: Recurrence, t: number, calendar: WorkCalendar): number | null {
  // The next period's occurrence falls after `t`; the sequence never decreases, so walk down.
  for (let p = periodOf(rule, vnDayOf(t)) + 1, guard = 0; guard < 2000; p--, guard++) {
    const ms = occurrence(rule, p, calendar);
    if (ms !== null && ms <= t) return ms;
  }
  return null;
}

/**
 * When the deadline next falls due: a fixed one's day (and hour), a recurring duty's next
 * occurrence after `now`; null without a deadline.
 */
export function dueAt(deadline: TaskDeadline, now: Instant, calendar: WorkCalendar = VIETNAM_CALENDAR): string | null {
  const ms = dueMs(deadline, instantOf(now), calendar);
  return ms === null ? null : formatVn(ms);
}

function dueMs(deadline: TaskDeadline, now: number, calendar: WorkCalendar): number | null {
  switch (deadline.kind) {
    case "fixed":
      return vnInstant(dayNumber(deadline.due), deadline.time);
    case "recurring":
      return instantOf(nextOccurrence(deadline.rule, now, calendar));
    case "none":
      return null;
  }
}

export interface OverdueOptions {
  /** When the duty began (the document's date, the task's acceptance): occurrences before it owe nothing. */
  since?: Instant;
  calendar?: WorkCalendar;
}

/**
 * Whether work is late. Done and cancelled work never is. A fixed deadline is late once `now` is
 * past it. A recurring duty is late when the latest occurrence that has passed has no report: none
 * since the occurrence before it (a late report, made after the due moment, still counts).
 */
export function isOverdue(deadline: TaskDeadline, status: TaskStatus, lastReportAt: Instant | null, now: Instant, options: OverdueOptions = {}): boolean {
  if (isClosed(status)) return false;
  const t = instantOf(now);
  const calendar = options.calendar ?? VIETNAM_CALENDAR;
  switch (deadline.kind) {
    case "fixed":
      return t > dueMs(deadline, t, calendar)!;
    case "recurring": {
      const latest = previousMs(deadline.rule, t, calendar);
      if (latest === null || (options.since !== undefined && latest < instantOf(options.since))) return false;
      const before = previousMs(deadline.rule, latest - 1, calendar);
      const opened = Math.max(before ?? -Infinity, options.since !== undefined ? instantOf(options.since) : -Infinity);
      return lastReportAt === null || instantOf(lastReportAt) <= opened;
    }
    case "none":
      return false;
  }
}

/**
 * Whether a "due soon" reminder should go out: the next due moment is still ahead and its day is
 * at most `leadDays` working days from today (0: due today). Callers skip closed work.
 */
export function reminderDue(deadline: TaskDeadline, now: Instant, leadDays: number, calendar: WorkCalendar = VIETNAM_CALENDAR): boolean {
  const t = instantOf(now);
  const due = dueMs(deadline, t, calendar);
  if (due === null || due <= t) return false;
  return workingDaysBetween(isoOfDay(vnDayOf(t)), isoOfDay(vnDayOf(due)), calendar) <= leadDays;
}

/** The index of the period (day, ISO week, month, quarter, year) that holds an epoch day. */
function periodOf(rule: Recurrence, day: number): number {
  const year = yearOf(day);
  const month = Number(isoOfDay(day).slice(5, 7));
  switch (rule.every) {
    case "day":
      return day;
    case "week":
      return Math.floor((day - 4) / 7); // 1970-01-05, epoch day 4, was a Monday
    case "month":
      return year * 12 + month - 1;
    case "quarter":
      return year * 4 + Math.floor((month - 1) / 3);
    case "year":
      return year;
  }
}

/** The due instant of period p, null for a day off under a working-days-only daily duty. */
function occurrence(rule: Recurrence, p: number, calendar: WorkCalendar): number | null {
  const day = occurrenceDay(rule, p);
  if (!rule.workingDaysOnly) return vnInstant(day, rule.at);
  if (rule.every === "day") return calendar.isWorkingDayNumber(day) ? vnInstant(day, rule.at) : null;
  let d = day;
  while (!calendar.isWorkingDayNumber(d)) d++;
  return vnInstant(d, rule.at);
}

function occurrenceDay(rule: Recurrence, p: number): number {
  switch (rule.every) {
    case "day":
      return p;
    case "week":
      return 4 + 7 * p + (rule.weekday ?? 5) - 1;
    case "month":
      return dayIn(Math.floor(p / 12), (p % 12) + 1, rule.day);
    case "quarter":
      return dayIn(Math.floor(p / 4), (p % 4) * 3 + 3, rule.day);
    case "year":
      return dayIn(p, rule.month ?? 12, rule.day);
  }
}

function dayIn(year: number, month: number, day: number | undefined): number {
  const last = daysInMonth(year, month);
  return dayOf(year, month, Math.min(day ?? last, last));
}
