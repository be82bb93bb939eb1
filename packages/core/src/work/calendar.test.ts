import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addWorkingDays, isWorkingDay, nextWorkingDay, publicHolidays, VIETNAM_CALENDAR, workCalendar, workingDaysBetween, type WorkCalendar } from "./calendar.js";
import { dayOf, isoOfDay, weekdayOf } from "./days.js";

/** The weekdays off of a year, "MM-DD". */
function weekdaysOff(calendar: WorkCalendar, year: number): string[] {
  const out: string[] = [];
  for (let d = dayOf(year, 1, 1); d < dayOf(year + 1, 1, 1); d++) if (weekdayOf(d) <= 5 && !calendar.isWorkingDayNumber(d)) out.push(isoOfDay(d).slice(5));
  return out;
}

const RULE_ONLY = workCalendar({ official: {} });

describe("the civil service's days off, as announced", () => {
  it.each([
    [2021, "01-01 02-10 02-11 02-12 02-15 02-16 04-21 04-30 05-03 09-02 09-03"],
    [2022, "01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-01 09-02"],
    [2023, "01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04"],
    [2024, "01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03"],
    [2025, "01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02"],
  ])("%i", (year, days) => {
    expect(weekdaysOff(VIETNAM_CALENDAR, year).join(" ")).toBe(days);
  });

  it("works the Saturdays a swap gives back", () => {
    expect(isWorkingDay("2024-05-04")).toBe(true);
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(VIETNAM_CALENDAR.year(2024).worked).toEqual(["2024-05-04"]);
  });
});

describe("the rule alone", () => {
  it.each([
    [2019, "02-04 02-05 02-06 02-07 02-08"],
    [2020, "01-23 01-24 01-27 01-28 01-29"],
    [2021, "02-10 02-11 02-12 02-15 02-16"],
    [2022, "01-31 02-01 02-02 02-03 02-04"],
    [2023, "01-20 01-23 01-24 01-25 01-26"],
    [2024, "02-08 02-09 02-12 02-13 02-14"],
    [2025, "01-27 01-28 01-29 01-30 01-31"],
    [2026, "02-16 02-17 02-18 02-19 02-20"],
  ])("places Tết %i where the government did (2 days before, 3 after, weekends made up)", (year, days) => {
    const tetWeekdays = weekdaysOff(RULE_ONLY, year).filter((d) => d >= "01-15" && d <= "02-28");
    expect(tetWeekdays.join(" ")).toBe(days);
  });

  it("makes up a holiday on a weekend on the next free working day (2023: Giỗ Tổ Sat, 30/4 Sun, 1/5 Mon)", () => {
    const days = publicHolidays(2023, RULE_ONLY).filter((d) => d.date >= "2023-04-01" && d.date <= "2023-05-31");
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ["2023-04-29", "holiday"], ["2023-04-30", "holiday"], ["2023-05-01", "holiday"], ["2023-05-02", "in_lieu"], ["2023-05-03", "in_lieu"],
    ]);
    expect(days[3]?.name.vi).toBe("Nghỉ bù Giỗ Tổ Hùng Vương");
  });

  it("adds the second National Day only from 2021 (Labour Code 2019), 1/9 unless told otherwise", () => {
    expect(weekdaysOff(RULE_ONLY, 2020)).toContain("09-02");
    expect(weekdaysOff(RULE_ONLY, 2020)).not.toContain("09-01");
    expect(weekdaysOff(RULE_ONLY, 2027)).toEqual(expect.arrayContaining(["09-01", "09-02"]));
    expect(weekdaysOff(workCalendar({ nationalDay: "after" }), 2027)).toEqual(expect.arrayContaining(["09-02", "09-03"]));
  });

  it("names each holiday in Vietnamese and English", () => {
    expect(publicHolidays(2027)[0]).toEqual({ date: "2027-01-01", name: { vi: "Tết Dương lịch", en: "New Year's Day" }, kind: "holiday" });
  });
});

describe("a caller's own days", () => {
  const hue = workCalendar({ extraDaysOff: [{ date: "2025-03-26", name: { vi: "Ngày giải phóng", en: "Liberation Day" } }], extraWorkingDays: ["2025-05-02", "2025-03-29"] });

  it("adds a province's day off and works the days it says", () => {
    expect(hue.isWorkingDay("2025-03-26")).toBe(false);
    expect(hue.isWorkingDay("2025-03-29")).toBe(true); // a Saturday
    expect(hue.isWorkingDay("2025-05-02")).toBe(true); // the national swap undone
    expect(publicHolidays(2025, hue).find((d) => d.date === "2025-03-26")?.kind).toBe("local");
  });
});

describe("working-day arithmetic", () => {
  it("counts over Tết and the 30/4 bridge", () => {
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-02-03");
    expect(addWorkingDays("2025-01-24", 5)).toBe("2025-02-07");
    expect(addWorkingDays("2024-04-26", 1)).toBe("2024-05-02");
    expect(addWorkingDays("2024-04-26", 2)).toBe("2024-05-03");
    expect(addWorkingDays("2024-04-26", 3)).toBe("2024-05-04"); // the Saturday worked
    expect(addWorkingDays("2025-02-03", -1)).toBe("2025-01-24");
    expect(addWorkingDays("2025-01-25", 0)).toBe("2025-01-25");
    expect(workingDaysBetween("2025-01-24", "2025-02-03")).toBe(1);
    expect(nextWorkingDay("2025-01-25")).toBe("2025-02-03");
  });

  const date = fc.integer({ min: dayOf(2000, 1, 1), max: dayOf(2090, 12, 31) }).map(isoOfDay);
  const n = fc.integer({ min: -400, max: 400 });

  it("lands on a working day, and workingDaysBetween inverts it", () => {
    fc.assert(fc.property(date, n, (start, k) => {
      const end = addWorkingDays(start, k);
      if (k !== 0) expect(isWorkingDay(end)).toBe(true);
      expect(workingDaysBetween(start, end)).toBe(k);
    }), { numRuns: 400 });
  });

  it("is additive: n working days then m is n + m when n and m have the same sign", () => {
    fc.assert(fc.property(date, fc.nat(60), fc.nat(60), (start, a, b) => {
      expect(addWorkingDays(addWorkingDays(start, a), b)).toBe(addWorkingDays(start, a + b));
    }), { numRuns: 300 });
  });

  it("workingDaysBetween has the sign of b − a and never exceeds the calendar days", () => {
    fc.assert(fc.property(date, date, (a, b) => {
      const k = workingDaysBetween(a, b);
      const days = dayOfIso(b) - dayOfIso(a);
      expect(Math.sign(k) === Math.sign(days) || k === 0).toBe(true);
      expect(Math.abs(k)).toBeLessThanOrEqual(Math.abs(days));
    }), { numRuns: 200 });
  });

  it("every year has 10 (to 2020) or 11 statutory holiday dates and at least 243 working days", () => {
    for (let year = 2000; year <= 2090; year++) {
      const statutory = publicHolidays(year, RULE_ONLY).filter((d) => d.kind === "holiday").length;
      expect(statutory).toBe(year < 2007 ? 9 : year < 2021 ? 10 : 11);
      let working = 0;
      for (let d = dayOf(year, 1, 1); d < dayOf(year + 1, 1, 1); d++) working += RULE_ONLY.isWorkingDayNumber(d) ? 1 : 0;
      expect(working).toBeGreaterThanOrEqual(243);
    }
  });
});

function dayOfIso(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}
