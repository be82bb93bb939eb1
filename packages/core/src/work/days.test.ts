import { describe, expect, it } from "vitest";
import { dayNumber, formatVn, instantOf, isoOfDay, vnInstant, weekdayOf } from "./days.js";
import { isChidaoError } from "../errors.js";

describe("days and Vietnam instants", () => {
  it("numbers days from 1970-01-01 and knows their weekday", () => {
    expect(dayNumber("1970-01-05")).toBe(4);
    expect(weekdayOf(dayNumber("1970-01-05"))).toBe(1);
    expect(weekdayOf(dayNumber("2025-01-29"))).toBe(3);
    expect(weekdayOf(dayNumber("1969-12-28"))).toBe(7);
    expect(isoOfDay(dayNumber("2024-02-29"))).toBe("2024-02-29");
  });

  it("reads strings without an offset as Vietnam time, with one as written", () => {
    expect(instantOf("2025-03-03")).toBe(Date.UTC(2025, 2, 2, 17));
    expect(instantOf("2025-03-03T08:00")).toBe(Date.UTC(2025, 2, 3, 1));
    expect(instantOf("2025-03-03T08:00:00+07:00")).toBe(Date.UTC(2025, 2, 3, 1));
    expect(instantOf("2025-03-03T01:00:00Z")).toBe(Date.UTC(2025, 2, 3, 1));
    expect(formatVn(Date.UTC(2025, 2, 3, 17))).toBe("2025-03-04T00:00:00+07:00");
    expect(formatVn(vnInstant(dayNumber("2025-03-03")))).toBe("2025-03-03T23:59:59+07:00");
  });

  it("refuses what is not a date with a coded error", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "15/8/2021", "2025-03-03T25:00", "soon"]) {
      let error: unknown;
      try {
        instantOf(bad);
      } catch (e) {
        error = e;
      }
      expect(isChidaoError(error) && error.code === "INVALID_INPUT").toBe(true);
    }
    expect(() => vnInstant(0, "7h")).toThrow(/time/);
  });
});
