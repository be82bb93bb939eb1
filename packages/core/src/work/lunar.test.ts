import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { newMoonJde, sunLongitude } from "./astro.js";
import { dayOfLunar, lunarOfDay, lunarToSolar, solarToLunar } from "./lunar.js";
import { dayOf } from "./days.js";

const tet = (year: number) => lunarToSolar({ year, month: 1, day: 1, leap: false });
const hungKings = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false });

describe("astronomy (Meeus' worked examples)", () => {
  it("finds the new moon of 1977 February (example 49.a: JDE 2443192.65118)", () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("places the Sun on 1992 October 13.0 TD (example 25.a: apparent λ 199.90895°)", () => {
    expect(sunLongitude(2448908.5)).toBeCloseTo(199.909, 2);
  });
});

describe("Vietnamese lunar calendar", () => {
  it.each([
    [2020, "2020-01-25"], [2021, "2021-02-12"], [2022, "2022-02-01"], [2023, "2023-01-22"],
    [2024, "2024-02-10"], [2025, "2025-01-29"], [2026, "2026-02-17"], [2027, "2027-02-06"],
  ])("Tết %i is %s", (year, iso) => {
    expect(tet(year)).toBe(iso);
  });

  it.each([[2021, "2021-04-21"], [2023, "2023-04-29"], [2024, "2024-04-18"], [2025, "2025-04-07"]])("Giỗ Tổ %i is %s", (year, iso) => {
    expect(hungKings(year)).toBe(iso);
  });

  it("reckons at UTC+7, where Tết can fall a day or a month from China's", () => {
    expect(tet(1985)).toBe("1985-01-21"); // China: 20 February
    expect(tet(2007)).toBe("2007-02-17"); // China: 18 February (new moon 23:14 at UTC+7)
    expect(tet(2030)).toBe("2030-02-02"); // China: 3 February
  });

  it("finds leap months: tháng 2 nhuận of 2023, tháng 11 nhuận of 2033", () => {
    expect(solarToLunar("2023-03-22")).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar("2023-04-20")).toEqual({ year: 2023, month: 3, day: 1, leap: false });
    expect(solarToLunar("2033-12-22")).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull();
  });

  it("gives the last day of the lunar year before Tết", () => {
    expect(solarToLunar("2025-01-28")).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar("2021-02-11")).toEqual({ year: 2020, month: 12, day: 30, leap: false });
  });

  it("round-trips every day 1970–2150 and never skips or repeats a lunar day", () => {
    fc.assert(fc.property(fc.integer({ min: dayOf(1970, 1, 1), max: dayOf(2150, 12, 30) }), (day) => {
      const lunar = lunarOfDay(day);
      expect(dayOfLunar(lunar)).toBe(day);
      const next = lunarOfDay(day + 1);
      if (next.day !== 1) expect(next).toEqual({ ...lunar, day: lunar.day + 1 });
      else expect(lunar.day === 29 || lunar.day === 30).toBe(true);
    }), { numRuns: 2000 });
  });
});
