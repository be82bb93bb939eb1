/**
 * @module work/days
 * Dates as whole days and instants in Vietnam time (UTC+7, no daylight saving since 1975), computed
 * with UTC fields only so that the host's TZ never changes an answer.
 */
import { ChidaoError } from "../errors.js";
import { daysInMonth } from "../parser/dates.js";

const MS_PER_DAY = 86_400_000;
/** Vietnam has kept UTC+7 all year since 1975. */
export const VN_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of an ISO date ("2025-01-29"); throws INVALID_INPUT on anything else. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw invalid("date", iso);
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** ISO weekday of a day number: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * An instant in milliseconds. A string with an offset ("…Z", "…+07:00") is read as written; a
 * date-time without one, or a bare date (its start), is Vietnam time, never the host's.
 */
export function instantOf(at: Date | string | number): number {
  if (typeof at === "number") return check(at, String(at));
  if (at instanceof Date) return check(at.getTime(), String(at));
  if (ISO_DATE.test(at)) return dayNumber(at) * MS_PER_DAY - VN_OFFSET_MS;
  const local = LOCAL_DATE_TIME.exec(at);
  if (local) {
    const day = dayNumber(`${local[1]}-${local[2]}-${local[3]}`);
    const [h, mi, s] = [Number(local[4]), Number(local[5]), Number(local[6] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) throw invalid("date-time", at);
    return day * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 - VN_OFFSET_MS;
  }
  return check(HAS_OFFSET.test(at) ? Date.parse(at) : NaN, at);
}

/** The Vietnam calendar day (day number) an instant falls on. */
export function vnDayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/** "2025-01-29T16:00:00+07:00": how due moments are written. */
export function formatVn(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 19) + "+07:00";
}

/** The instant a Vietnam day reaches "HH:MM", or its last second when no time is given. */
export function vnInstant(day: number, time?: string | null): number {
  if (time == null) return (day + 1) * MS_PER_DAY - 1000 - VN_OFFSET_MS;
  const m = HH_MM.exec(time);
  if (!m) throw invalid("time", time);
  return day * MS_PER_DAY + (Number(m[1]) * 60 + Number(m[2])) * 60_000 - VN_OFFSET_MS;
}

function check(ms: number, raw: string): number {
  if (!Number.isFinite(ms)) throw invalid("date-time", raw);
  return ms;
}

function invalid(what: string, raw: string): ChidaoError {
  return new ChidaoError({
    code: "INVALID_INPUT",
    vi: `Giá trị thời gian không hợp lệ (${what}): ${raw}`,
    en: `Not a valid ${what}: ${raw}`,
    details: { what, value: raw },
  });
}
