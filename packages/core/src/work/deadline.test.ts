import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deadlineOf, dueAt, isOverdue, nextOccurrence, previousOccurrence, reminderDue, type Recurrence, type TaskDeadline } from "./deadline.js";
import { isWorkingDay, workCalendar } from "./calendar.js";
import { findDeadline } from "../parser/deadlines.js";
import { foldChars } from "../text/fold.js";
import { TASK_STATUSES } from "./status.js";

/** What the parser makes of a deadline phrase, as deadlineOf receives it. */
function parsed(text: string, docDate: string) {
  const d = findDeadline(foldChars(text), text, docDate);
  return { deadline: d?.date ?? null, deadlineText: d?.text ?? null, recurrence: d?.recurrence ?? null };
}

describe("deadlineOf", () => {
  it("counts working days again with public holidays (the parser skips weekends only)", () => {
    const task = parsed("hoàn thành trong vòng 05 ngày làm việc", "2025-01-22");
    expect(task.deadline).toBe("2025-01-29"); // the parser: Tết 29/1 counted as a working day
    expect(deadlineOf(task, "2025-01-22")).toEqual({ kind: "fixed", due: "2025-02-05" });
    expect(deadlineOf(parsed("trong 05 ngay lam viec", "2025-01-22"), "2025-01-22")).toEqual({ kind: "fixed", due: "2025-02-05" });
    // Only "trong N ngày làm việc" is recounted: a written date stays as written.
    expect(deadlineOf({ deadline: "2025-02-03", deadlineText: "trước ngày 03/02/2025 (05 ngày làm việc)" }, "2025-01-22")).toEqual({ kind: "fixed", due: "2025-02-03" });
  });

  it("keeps calendar-day deadlines and reads an hour", () => {
    expect(deadlineOf(parsed("trước ngày 15/8/2021", "2021-07-24"), "2021-07-24")).toEqual({ kind: "fixed", due: "2021-08-15" });
    expect(deadlineOf(parsed("trong vòng 01 tuần", "2025-01-22"), "2025-01-22")).toEqual({ kind: "fixed", due: "2025-01-29" });
    expect(deadlineOf({ deadline: "2021-08-15", deadlineText: "trước 17 giờ ngày 15/8/2021" }, "2021-07-24")).toEqual({ kind: "fixed", due: "2021-08-15", time: "17:00" });
  });

  it.each([
    ["trước 16 giờ hằng ngày", { every: "day", at: "16:00" }],
    ["truoc 16 gio hang ngay", { every: "day", at: "16:00" }],
    ["TRƯỚC 16H30 HÀNG NGÀY", { every: "day", at: "16:30" }],
    ["vào ngày 10 hàng tháng", { every: "month", day: 10 }],
    ["ngày 25 hằng tháng", { every: "month", day: 25 }],
    ["vao ngay 25 hang thang", { every: "month", day: 25 }],
    ["thứ Sáu hằng tuần", { every: "week", weekday: 5 }],
    ["thu 2 hang tuan truoc 9 gio", { every: "week", weekday: 1, at: "09:00" }],
    ["Chủ nhật hằng tuần", { every: "week", weekday: 7 }],
    ["trước ngày 20 tháng cuối quý, định kỳ hằng quý", { every: "quarter", day: 20 }],
    ["trước ngày 15/12 hằng năm", { every: "year", day: 15, month: 12 }],
    ["hằng ngày làm việc trước 15 giờ", { every: "day", at: "15:00", workingDaysOnly: true }],
  ] as const)("%s", (text, rule) => {
    expect(deadlineOf({ deadline: null, deadlineText: text }, null)).toEqual({ kind: "recurring", rule, text });
  });

  it("takes the period from the parser's recurrence code, and keeps an unperiodic duty as words", () => {
    expect(deadlineOf(parsed("báo cáo kết quả trước 17 giờ hằng ngày", "2021-07-24"), "2021-07-24")).toMatchObject({ kind: "recurring", rule: { every: "day", at: "17:00" } });
    expect(deadlineOf({ deadline: null, deadlineText: "định kỳ báo cáo", recurrence: "ky" }, null)).toEqual({ kind: "none", text: "định kỳ báo cáo" });
    expect(deadlineOf({ deadline: null, deadlineText: null }, null)).toEqual({ kind: "none" });
  });
});

describe("due moments (UTC+7)", () => {
  it("a fixed day is due at its last second, or at its hour", () => {
    expect(dueAt({ kind: "fixed", due: "2021-08-15" }, 0)).toBe("2021-08-15T23:59:59+07:00");
    expect(dueAt({ kind: "fixed", due: "2021-08-15", time: "17:00" }, 0)).toBe("2021-08-15T17:00:00+07:00");
    expect(dueAt({ kind: "none" }, 0)).toBeNull();
  });

  it("the next occurrence of a duty", () => {
    const daily: Recurrence = { every: "day", at: "16:00" };
    expect(nextOccurrence(daily, "2025-03-03T15:59:00+07:00")).toBe("2025-03-03T16:00:00+07:00");
    expect(nextOccurrence(daily, "2025-03-03T16:00:00+07:00")).toBe("2025-03-04T16:00:00+07:00");
    expect(nextOccurrence(daily, "2025-03-03T09:30:00Z")).toBe("2025-03-04T16:00:00+07:00"); // 16:30 in Hà Nội
    expect(nextOccurrence(daily, "2025-03-03T16:30")).toBe("2025-03-04T16:00:00+07:00"); // no offset: Vietnam time
    expect(nextOccurrence({ every: "month", day: 31 }, "2025-02-01")).toBe("2025-02-28T23:59:59+07:00");
    expect(nextOccurrence({ every: "week" }, "2025-03-03")).toBe("2025-03-07T23:59:59+07:00");
    expect(nextOccurrence({ every: "quarter" }, "2025-04-01")).toBe("2025-06-30T23:59:59+07:00");
    expect(nextOccurrence({ every: "year", month: 12, day: 15 }, "2025-12-16")).toBe("2026-12-15T23:59:59+07:00");
  });

  it("moves a working-days-only duty off the Tết break", () => {
    const weekly: Recurrence = { every: "week", weekday: 5, workingDaysOnly: true };
    expect(nextOccurrence(weekly, "2025-01-25")).toBe("2025-02-03T23:59:59+07:00"); // Friday 31/1 is Tết
    expect(nextOccurrence({ every: "day", workingDaysOnly: true }, "2025-01-24T23:59:59+07:00")).toBe("2025-02-03T23:59:59+07:00");
    expect(previousOccurrence({ every: "day", workingDaysOnly: true }, "2025-02-02T12:00:00+07:00")).toBe("2025-01-24T23:59:59+07:00");
  });

  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) });
  const rule: fc.Arbitrary<Recurrence> = fc.record({
    every: fc.constantFrom("day", "week", "month", "quarter", "year"),
    at: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`), { nil: undefined }),
    weekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    workingDaysOnly: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ["every"] });

  it("nextOccurrence is strictly after its input, on the rule's day, with nothing due in between", () => {
    fc.assert(fc.property(rule, instant, (r, t) => {
      const next = nextOccurrence(r, t);
      const ms = Date.parse(next);
      expect(ms).toBeGreaterThan(t);
      expect(next.slice(11, 19)).toBe(r.at ? `${r.at}:00` : "23:59:59");
      const date = next.slice(0, 10);
      if (r.workingDaysOnly) expect(isWorkingDay(date)).toBe(true);
      else expectOnRuleDay(r, date);
      // No occurrence in (t, next): the one before next is at or before t.
      const before = previousOccurrence(r, ms - 1);
      if (before !== null) expect(Date.parse(before)).toBeLessThanOrEqual(t);
    }), { numRuns: 500 });
  });

  it("previousOccurrence is at or before its input, and next after it is past the input", () => {
    fc.assert(fc.property(rule, instant, (r, t) => {
      const prev = previousOccurrence(r, t);
      if (prev === null) return;
      expect(Date.parse(prev)).toBeLessThanOrEqual(t);
      expect(Date.parse(nextOccurrence(r, prev))).toBeGreaterThan(Date.parse(prev));
    }), { numRuns: 300 });
  });

  it("answers the same whatever the host's time zone (runs under TZ=UTC and TZ=Asia/Ho_Chi_Minh)", () => {
    expect(nextOccurrence({ every: "day", at: "08:00" }, new Date(Date.UTC(2025, 2, 3, 0, 30)))).toBe("2025-03-03T08:00:00+07:00"); // 07:30 in Hà Nội
    expect(nextOccurrence({ every: "day", at: "08:00" }, new Date(Date.UTC(2025, 2, 3, 1, 30)))).toBe("2025-03-04T08:00:00+07:00");
  });
});

function expectOnRuleDay(r: Recurrence, date: string): void {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const wantDay = Math.min(r.day ?? last, last);
  switch (r.every) {
    case "day":
      return;
    case "week":
      expect(((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1).toBe(r.weekday ?? 5);
      return;
    case "month":
      expect(d).toBe(wantDay);
      return;
    case "quarter":
      expect(m % 3).toBe(0);
      expect(d).toBe(wantDay);
      return;
    case "year":
      expect(m).toBe(r.month ?? 12);
      expect(d).toBe(wantDay);
      return;
  }
}

describe("isOverdue", () => {
  const fixed: TaskDeadline = { kind: "fixed", due: "2021-08-15" };

  it("a fixed deadline: after the end of its day in Hà Nội, unless done or cancelled", () => {
    expect(isOverdue(fixed, "open", null, "2021-08-15T23:59:59+07:00")).toBe(false);
    expect(isOverdue(fixed, "open", null, "2021-08-15T17:00:00Z")).toBe(true); // 00:00 on the 16th in Hà Nội
    expect(isOverdue(fixed, "in_progress", null, "2021-08-16")).toBe(true);
    expect(isOverdue(fixed, "done", null, "2022-01-01")).toBe(false);
    expect(isOverdue(fixed, "cancelled", null, "2022-01-01")).toBe(false);
    expect(isOverdue({ kind: "none" }, "open", null, "2099-01-01")).toBe(false);
  });

  const daily: TaskDeadline = { kind: "recurring", rule: { every: "day", at: "16:00" }, text: "trước 16 giờ hằng ngày" };

  it("a daily duty: late once a day's 16:00 passes without a report since the day before's", () => {
    expect(isOverdue(daily, "in_progress", "2025-03-03T15:00:00+07:00", "2025-03-04T10:00:00+07:00")).toBe(false);
    expect(isOverdue(daily, "in_progress", "2025-03-03T15:00:00+07:00", "2025-03-04T16:00:01+07:00")).toBe(true);
    expect(isOverdue(daily, "in_progress", "2025-03-04T16:30:00+07:00", "2025-03-04T17:00:00+07:00")).toBe(false); // late, but in
    expect(isOverdue(daily, "in_progress", null, "2025-03-04T17:00:00+07:00")).toBe(true);
    expect(isOverdue(daily, "in_progress", null, "2025-03-04T17:00:00+07:00", { since: "2025-03-04T16:30:00+07:00" })).toBe(false);
    expect(isOverdue(daily, "done", null, "2025-03-04T17:00:00+07:00")).toBe(false);
  });

  it("a monthly duty counts on the 25th, not before", () => {
    const monthly: TaskDeadline = { kind: "recurring", rule: { every: "month", day: 25 }, text: "ngày 25 hằng tháng" };
    expect(isOverdue(monthly, "open", "2025-02-20", "2025-03-20")).toBe(false);
    expect(isOverdue(monthly, "open", "2025-02-20", "2025-03-26")).toBe(true);
    expect(isOverdue(monthly, "open", "2025-03-24", "2025-03-26")).toBe(false);
  });

  it("never calls closed work late (property)", () => {
    fc.assert(fc.property(fc.constantFrom(...TASK_STATUSES), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (status, now) => {
      const late = isOverdue(daily, status, null, now);
      if (status === "done" || status === "cancelled") expect(late).toBe(false);
      else expect(late).toBe(true);
    }), { numRuns: 100 });
  });
});

describe("reminderDue", () => {
  it("within the lead in working days, not once past due", () => {
    const fixed: TaskDeadline = { kind: "fixed", due: "2025-02-04" };
    expect(reminderDue(fixed, "2025-01-24T09:00", 2)).toBe(true); // Tết between: 3/2 and 4/2 are the next working days
    expect(reminderDue(fixed, "2025-01-23T09:00", 2)).toBe(false);
    expect(reminderDue(fixed, "2025-02-04T09:00", 0)).toBe(true);
    expect(reminderDue(fixed, "2025-02-05T09:00", 5)).toBe(false);
    expect(reminderDue({ kind: "none" }, "2025-02-05T09:00", 5)).toBe(false);
  });

  it("for a duty, its next occurrence", () => {
    const monthly: TaskDeadline = { kind: "recurring", rule: { every: "month", day: 25 }, text: "ngày 25 hằng tháng" };
    expect(reminderDue(monthly, "2025-03-21T08:00", 2)).toBe(true); // Fri → Mon 24, Tue 25
    expect(reminderDue(monthly, "2025-03-20T08:00", 2)).toBe(false);
  });

  it("honours a province's calendar", () => {
    const local = workCalendar({ extraDaysOff: ["2025-03-24"] });
    const monthly: TaskDeadline = { kind: "recurring", rule: { every: "month", day: 25 }, text: "ngày 25 hằng tháng" };
    expect(reminderDue(monthly, "2025-03-20T08:00", 2, local)).toBe(true); // Fri 21, (Mon 24 off), Tue 25
  });
});
