/**
 * @module work/calendar
 * The working-day calendar of Vietnamese state agencies: Monday to Friday (Quyết định
 * 188/1999/QĐ-TTg), less the public holidays of the Labour Code (Bộ luật Lao động 2019, art. 112)
 * and the days in lieu of those that fall on a weekend (art. 111(3)), with the government's
 * yearly decisions (where Tết falls, the second National Day holiday, swapped days) as data.
 *
 * A year's days off come from OFFICIAL_DAYS_OFF when it holds that year, otherwise from the rule;
 * callers add their own (a province's day off, a Saturday worked) through `workCalendar`.
 */
import { dayNumber, dayOf, isoOfDay, weekdayOf, yearOf } from "./days.js";
import { dayOfLunar, tetDay } from "./lunar.js";

export interface HolidayName {
  vi: string;
  en: string;
}

/**
 * A day off. `holiday`: a statutory holiday (listed even on a weekend); `in_lieu`: nghỉ bù for
 * one on a weekend; `swap`: a weekday off made up on a Saturday (hoán đổi); `local`: the caller's.
 */
export interface DayOff {
  date: string;
  name: HolidayName;
  kind: "holiday" | "in_lieu" | "swap" | "local";
}

/** What a year's notice decides. Every other day follows the rule. */
export interface OfficialSchedule {
  /** The Tết break as announced, first and last day inclusive ("nghỉ từ … đến hết …"). */
  tet?: { from: string; to: string };
  /** Which neighbour of 2/9 is the second National Day holiday (from 2021). */
  nationalDay?: "before" | "after";
  /** Weekdays off made up on a Saturday (hoán đổi ngày làm việc). */
  swaps?: readonly { off: string; worked: string }[];
  /** The documents this entry is read from. */
  sources: readonly string[];
}

/**
 * The civil service's schedules as announced, only for years whose dates more than one report
 * agrees on (the government's letter or the press, and a second listing). Notice numbers marked
 * "secondary" were seen in one secondary listing only; the dates do not rest on them. 2020 and
 * 2026 are left to the rule: it gives their announced Tết breaks (23–29/1/2020, 14–22/2/2026),
 * and other decisions of those years (swaps) could not be confirmed.
 */
export const OFFICIAL_DAYS_OFF: Readonly<Record<number, OfficialSchedule>> = {
  2021: {
    // Tết 10/2 (29 tháng Chạp) to 16/2 (mùng 5): Hà Nội Mới, "Lịch nghỉ Tết Nguyên đán Tân Sửu và
    // Quốc khánh 2-9"; Quốc khánh 2/9 and 3/9 (a four-day weekend).
    tet: { from: "2021-02-10", to: "2021-02-16" },
    nationalDay: "after",
    sources: ["Thông báo 4875/TB-LĐTBXH (number: secondary)"],
  },
  2022: {
    // Tết 29/1 to 6/2: five Tết days and the weekends either side (Công văn 245/VPCP-KGVX);
    // Quốc khánh 1/9 and 2/9.
    tet: { from: "2022-01-29", to: "2022-02-06" },
    nationalDay: "before",
    sources: ["Công văn 245/VPCP-KGVX ngày 11/01/2022", "Thông báo 119/TB-LĐTBXH (number: secondary)"],
  },
  2023: {
    // Công văn 8056/VPCP-KGVX: Tết 20/1 to 26/1; Quốc khánh 1/9 to 4/9 (2/9 a Saturday, made up on 4/9).
    tet: { from: "2023-01-20", to: "2023-01-26" },
    nationalDay: "before",
    sources: ["Công văn 8056/VPCP-KGVX ngày 01/12/2022", "Thông báo 5034/TB-LĐTBXH (number: secondary)"],
  },
  2024: {
    // Tết 8/2 to 14/2; Quốc khánh 31/8 to 3/9; Công văn 2450/VPCP-KGVX: 30/4–1/5 break 27/4 to 1/5,
    // Monday 29/4 made up on Saturday 4/5.
    tet: { from: "2024-02-08", to: "2024-02-14" },
    nationalDay: "after",
    swaps: [{ off: "2024-04-29", worked: "2024-05-04" }],
    sources: ["Thông báo 5015/TB-LĐTBXH (number: secondary)", "Công văn 2450/VPCP-KGVX ngày 12/4/2024"],
  },
  2025: {
    // Công văn 8726/VPCP-KGVX: Tết 25/1 (26 tháng Chạp) to 2/2 (mùng 5); 30/4 to 4/5, Friday 2/5
    // made up on Saturday 26/4; Quốc khánh 1/9 and 2/9 (30/8 to 2/9).
    tet: { from: "2025-01-25", to: "2025-02-02" },
    nationalDay: "before",
    swaps: [{ off: "2025-05-02", worked: "2025-04-26" }],
    sources: ["Công văn 8726/VPCP-KGVX ngày 26/11/2024", "Thông báo 6150/TB-LĐTBXH (number: secondary)"],
  },
};

export interface CalendarOptions {
  /** Days off a province or agency declares on top of the national ones. */
  extraDaysOff?: readonly (string | { date: string; name: HolidayName })[];
  /** Days worked although the rules make them days off (a Saturday a unit works). Win over everything. */
  extraWorkingDays?: readonly string[];
  /** Schedules to use instead of OFFICIAL_DAYS_OFF; `{}` keeps to the rule alone. */
  official?: Readonly<Record<number, OfficialSchedule>>;
  /** The second National Day holiday where no schedule says. Default "before" (1/9). */
  nationalDay?: "before" | "after";
}

export interface YearSchedule {
  /** Days off by date, sorted. */
  daysOff: readonly DayOff[];
  /** Weekend days worked (a swap's Saturday, the caller's extra working days). */
  worked: readonly string[];
}

export interface WorkCalendar {
  isWorkingDay(iso: string): boolean;
  /** The same question on an epoch day (work/days.ts), for loops. */
  isWorkingDayNumber(day: number): boolean;
  year(year: number): YearSchedule;
}

const NAMES = {
  newYear: { vi: "Tết Dương lịch", en: "New Year's Day" },
  tet: { vi: "Tết Nguyên đán", en: "Lunar New Year (Tết)" },
  hungKings: { vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: "Ngày Chiến thắng", en: "Reunification Day" },
  labour: { vi: "Ngày Quốc tế Lao động", en: "International Labour Day" },
  national: { vi: "Quốc khánh", en: "National Day" },
  swap: { vi: "Nghỉ hoán đổi", en: "Day off swapped for a Saturday worked" },
  local: { vi: "Ngày nghỉ của địa phương", en: "Local day off" },
} as const satisfies Record<string, HolidayName>;

/** Builds a calendar; each year's schedule is computed once, on first use. */
export function workCalendar(options: CalendarOptions = {}): WorkCalendar {
  const official = options.official ?? OFFICIAL_DAYS_OFF;
  const years = new Map<number, { schedule: YearSchedule; off: Set<number>; worked: Set<number> }>();
  const extraWorked = new Set((options.extraWorkingDays ?? []).map(dayNumber));
  const extraOff = (options.extraDaysOff ?? []).map((d) => (typeof d === "string" ? { date: d, name: NAMES.local } : d));
  const yearOfCalendar = (year: number) => {
    let y = years.get(year);
    if (!y) {
      const schedule = buildYear(year, official[year], options.nationalDay ?? "before", extraOff, extraWorked);
      y = { schedule, off: new Set(schedule.daysOff.map((d) => dayNumber(d.date))), worked: new Set(schedule.worked.map(dayNumber)) };
      years.set(year, y);
    }
    return y;
  };
  const isWorkingDayNumber = (day: number): boolean => {
    const y = yearOfCalendar(yearOf(day));
    if (y.worked.has(day)) return true;
    return weekdayOf(day) <= 5 && !y.off.has(day);
  };
  return {
    isWorkingDay: (iso) => isWorkingDayNumber(dayNumber(iso)),
    isWorkingDayNumber,
    year: (year) => yearOfCalendar(year).schedule,
  };
}

/** The national calendar: the rule and OFFICIAL_DAYS_OFF. */
export const VIETNAM_CALENDAR: WorkCalendar = workCalendar();

/** @example isWorkingDay("2025-01-30") // false: Tết */
export function isWorkingDay(iso: string, calendar: WorkCalendar = VIETNAM_CALENDAR): boolean {
  return calendar.isWorkingDay(iso);
}

/**
 * The n-th working day after `iso` (the day after counts as day 1, as in the parser); n < 0 counts
 * back to the n-th working day before it; n = 0 is `iso` itself.
 * @example addWorkingDays("2025-01-24", 1) // "2025-02-03": the Tết break 25/1–2/2
 */
export function addWorkingDays(iso: string, n: number, calendar: WorkCalendar = VIETNAM_CALENDAR): string {
  return isoOfDay(addWorkingDayNumbers(dayNumber(iso), n, calendar));
}

function addWorkingDayNumbers(day: number, n: number, calendar: WorkCalendar): number {
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day += step;
    if (calendar.isWorkingDayNumber(day)) left--;
  }
  return day;
}

/**
 * Working days from `a` to `b`, counting `b` and not `a`; negative when `b` is earlier (then
 * counting `b` and not `a` still). Inverts addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) = n.
 */
export function workingDaysBetween(a: string, b: string, calendar: WorkCalendar = VIETNAM_CALENDAR): number {
  const [from, to] = [dayNumber(a), dayNumber(b)];
  let count = 0;
  if (to >= from) for (let d = from + 1; d <= to; d++) count += calendar.isWorkingDayNumber(d) ? 1 : 0;
  else for (let d = to; d < from; d++) count -= calendar.isWorkingDayNumber(d) ? 1 : 0;
  return count;
}

/** The first working day on or after `iso`. */
export function nextWorkingDay(iso: string, calendar: WorkCalendar = VIETNAM_CALENDAR): string {
  let day = dayNumber(iso);
  while (!calendar.isWorkingDayNumber(day)) day++;
  return isoOfDay(day);
}

/**
 * A year's days off, sorted: statutory holidays (also those on a weekend), days in lieu, swapped
 * days and the calendar's local days.
 * @example publicHolidays(2024).map((d) => d.date) // ["2024-01-01", "2024-02-08", …]
 */
export function publicHolidays(year: number, calendar: WorkCalendar = VIETNAM_CALENDAR): readonly DayOff[] {
  return calendar.year(year).daysOff;
}

interface Statutory {
  day: number;
  name: HolidayName;
}

function buildYear(year: number, official: OfficialSchedule | undefined, defaultNational: "before" | "after", extraOff: readonly { date: string; name: HolidayName }[], extraWorked: ReadonlySet<number>): YearSchedule {
  const statutory = statutoryDays(year, official?.nationalDay ?? defaultNational);
  const tet = official?.tet ? announcedTet(official.tet) : ruleTet(year);
  const off = new Map<number, DayOff>();
  const add = (day: number, name: HolidayName, kind: DayOff["kind"]) => {
    if (!off.has(day)) off.set(day, { date: isoOfDay(day), name, kind });
  };
  for (const h of [...statutory, ...tet.days].sort((a, b) => a.day - b.day)) add(h.day, h.name, "holiday");
  for (const h of inLieu([...statutory, ...(tet.compensate ? tet.days : [])], off)) add(h.day, h.name, "in_lieu");
  for (const s of official?.swaps ?? []) add(dayNumber(s.off), NAMES.swap, "swap");
  for (const e of extraOff) if (yearOf(dayNumber(e.date)) === year) add(dayNumber(e.date), e.name, "local");
  const worked = (official?.swaps ?? []).map((s) => dayNumber(s.worked)).concat([...extraWorked].filter((d) => yearOf(d) === year));
  for (const d of extraWorked) off.delete(d);
  return {
    daysOff: [...off.keys()].sort((a, b) => a - b).map((d) => off.get(d)!),
    worked: [...new Set(worked)].sort((a, b) => a - b).map(isoOfDay),
  };
}

/** The one-day holidays of art. 112: the Labour Code 2012's before 2021, with 2019's second National Day from 2021. */
function statutoryDays(year: number, nationalDay: "before" | "after"): Statutory[] {
  const days: Statutory[] = [
    { day: dayOf(year, 1, 1), name: NAMES.newYear },
    { day: dayOf(year, 4, 30), name: NAMES.reunification },
    { day: dayOf(year, 5, 1), name: NAMES.labour },
    { day: dayOf(year, 9, 2), name: NAMES.national },
  ];
  const hung = dayOfLunar({ year, month: 3, day: 10, leap: false });
  // Giỗ Tổ has been a paid holiday since the Labour Code amendment of 2007.
  if (hung !== null && year >= 2007) days.push({ day: hung, name: NAMES.hungKings });
  if (year >= 2021) days.push({ day: dayOf(year, 9, nationalDay === "before" ? 1 : 3), name: NAMES.national });
  return days.sort((a, b) => a.day - b.day);
}

/**
 * The rule for Tết where no notice says: the last two days of the lunar year and the first three
 * of the new one, with days in lieu for those on a weekend. It gives the announced break in every
 * year 2019–2026, whatever weekday Tết fell on.
 */
function ruleTet(year: number): { days: Statutory[]; compensate: boolean } {
  const first = tetDay(year);
  return { days: [-2, -1, 0, 1, 2].map((i) => ({ day: first + i, name: NAMES.tet })), compensate: true };
}

/** An announced break: its weekdays are the Tết days off, already placed (no days in lieu on top). */
function announcedTet(range: { from: string; to: string }): { days: Statutory[]; compensate: boolean } {
  const days: Statutory[] = [];
  for (let d = dayNumber(range.from); d <= dayNumber(range.to); d++) if (weekdayOf(d) <= 5) days.push({ day: d, name: NAMES.tet });
  return { days, compensate: false };
}

/**
 * Art. 111(3): a holiday on the weekly rest day is made up on the next working day. Two holidays
 * on one date (Giỗ Tổ on 30/4 can happen) are treated the same way: one of them is made up.
 */
function inLieu(holidays: readonly Statutory[], off: ReadonlyMap<number, DayOff>): Statutory[] {
  const taken = new Set(off.keys());
  const seen = new Set<number>();
  const out: Statutory[] = [];
  for (const h of [...holidays].sort((a, b) => a.day - b.day)) {
    const clash = seen.has(h.day);
    seen.add(h.day);
    if (weekdayOf(h.day) <= 5 && !clash) continue;
    let d = h.day + 1;
    while (weekdayOf(d) > 5 || taken.has(d)) d++;
    taken.add(d);
    out.push({ day: d, name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Day off in lieu of ${h.name.en}` } });
  }
  return out;
}
