/**
 * @module work/lunar
 * The Vietnamese lunar calendar (âm lịch), computed for UTC+7 from new moons and the Sun's
 * longitude (work/astro.ts) by the rules Hồ Ngọc Đức describes for it:
 * - a day runs midnight to midnight in UTC+7, and a month starts on the day holding a new moon;
 * - month 11 is the month holding the winter solstice (Sun at 270°);
 * - when 13 months start between one month 11 and the next, the first month after month 11 that
 *   holds no major solar term (trung khí: the Sun crossing a multiple of 30°) is leap, and takes
 *   the number of the month before it.
 * Reckoned at UTC+7 rather than China's UTC+8, Tết sometimes falls on another day than the
 * Chinese New Year (1985: 21 January in Viet Nam, 20 February in China). The North used UTC+8
 * before 1968 and the South until 1975, so dates before then may differ from printed calendars.
 */
import { deltaT, newMoonJde, sunLongitude } from "./astro.js";
import { dayNumber, dayOf, isoOfDay, yearOf } from "./days.js";

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588861;
/** Epoch day of 2000-01-06, when new moon k = 0 falls. */
const NEW_MOON_0_DAY = 10962;
/** Julian Day of 1970-01-01 00:00 UT. */
const JD_EPOCH = 2440587.5;
const TZ_DAYS = 7 / 24;

const newMoonDays = new Map<number, number>();

/** The epoch day (UTC+7) holding new moon k; k = 0 is 2000-01-06. Cached: the yearly rules ask again and again. */
export function newMoonDay(k: number): number {
  let day = newMoonDays.get(k);
  if (day === undefined) {
    const jde = newMoonJde(k);
    const ut = jde - deltaT(2000 + k / 12.3685) / 86_400;
    newMoonDays.set(k, (day = Math.floor(ut + TZ_DAYS - JD_EPOCH)));
  }
  return day;
}

/** The 30° sector (0–11) the Sun is in at the midnight (UTC+7) that starts an epoch day. */
function sunSectorAt(day: number): number {
  const ut = day + JD_EPOCH - TZ_DAYS;
  const year = 1970 + day / 365.2425;
  return Math.floor(sunLongitude(ut + deltaT(year) / 86_400) / 30);
}

/** Index k of the lunar month (its new moon) that holds an epoch day. */
function monthHolding(day: number): number {
  let k = Math.floor((day - NEW_MOON_0_DAY) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= day) k++;
  while (newMoonDay(k) > day) k--;
  return k;
}

/** Index k of month 11 of a lunar year: the month holding the December solstice of that Gregorian year. */
function month11(year: number): number {
  const k = monthHolding(dayOf(year, 12, 31));
  // Starting with the Sun past 270°, the month began after the solstice.
  return sunSectorAt(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** Months after month 11 (1–13) until the leap one, or 0 when the lunar year starting there has none. */
function leapOffset(base: number): number {
  if (month11After(base) - base !== 13) return 0;
  for (let i = 1; i <= 13; i++) {
    if (sunSectorAt(newMoonDay(base + i)) === sunSectorAt(newMoonDay(base + i + 1))) return i;
  }
  return 0;
}

function month11After(base: number): number {
  return month11(yearOf(newMoonDay(base)) + 1);
}

/** The lunar date of an epoch day. */
export function lunarOfDay(day: number): LunarDate {
  const k = monthHolding(day);
  const year = yearOf(day);
  const thisYears = month11(year);
  const base = k >= thisYears ? thisYears : month11(year - 1);
  const baseYear = k >= thisYears ? year : year - 1;
  const diff = k - base;
  const leapAt = leapOffset(base);
  const shifted = leapAt > 0 && diff >= leapAt;
  let month = diff + (shifted ? 10 : 11);
  if (month > 12) month -= 12;
  const lunarYear = month >= 11 && diff < 4 ? baseYear : baseYear + 1;
  return { year: lunarYear, month, day: day - newMoonDay(k) + 1, leap: shifted && diff === leapAt };
}

/** The epoch day of a lunar date; null when it does not exist (day 30 of a short month, a leap month that year lacks). */
export function dayOfLunar(date: LunarDate): number | null {
  const { year, month, day, leap } = date;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 30)) return null;
  const base = month >= 11 ? month11(year) : month11(year - 1);
  let offset = (month + 1) % 12; // month 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
  const leapAt = leapOffset(base);
  if (leap) {
    if (leapAt !== offset + 1) return null;
    offset += 1;
  } else if (leapAt > 0 && offset >= leapAt) offset += 1;
  const start = newMoonDay(base + offset);
  return day <= newMoonDay(base + offset + 1) - start ? start + day - 1 : null;
}

/** The epoch day of Tết Nguyên đán (1 tháng Giêng) of a Gregorian year. */
export function tetDay(year: number): number {
  return dayOfLunar({ year, month: 1, day: 1, leap: false })!;
}

/**
 * The lunar date of an ISO date.
 * @example solarToLunar("2025-01-29") // { year: 2025, month: 1, day: 1, leap: false }
 */
export function solarToLunar(iso: string): LunarDate {
  return lunarOfDay(dayNumber(iso));
}

/**
 * The ISO date of a lunar date, null when that date does not exist.
 * @example lunarToSolar({ year: 2025, month: 3, day: 10, leap: false }) // "2025-04-07" (Giỗ Tổ Hùng Vương)
 */
export function lunarToSolar(date: LunarDate): string | null {
  const day = dayOfLunar(date);
  return day === null ? null : isoOfDay(day);
}
