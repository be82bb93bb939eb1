/**
 * @module parser/dates
 * Vietnamese dates as written in directives ("ngày 05 tháng 01 năm 2020", "11/6/2021",
 * "24-8-2021"), tolerant of OCR digit confusions (l→1, §→8, spaced digits "2 4"), and the
 * calendar arithmetic deadlines need. Patterns run on diacritic-folded text.
 */

import { execAll } from "../text/scan.js";

const OCR_DIGITS: Record<string, string> = { l: "1", i: "1", "|": "1", "{": "1", "§": "8", o: "0", O: "0", I: "1" };

/** Reads a number that OCR may have garbled ("l8" → 18, "2 4" → 24); null when not a number. */
export function ocrNumber(raw: string): number | null {
  if (!/\d/.test(raw)) return null;
  const s = raw.replace(/\s+/g, "").replace(/[li|{§oOI]/g, (c) => OCR_DIGITS[c] ?? c);
  return /^\d+$/.test(s) ? Number(s) : null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1945 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : null;
}

/** addDays results for the last date asked about: a document's tasks count from the same date. */
let addDaysBase = "";
let addDaysResults = new Map<number, string>();

export function addDays(iso: string, days: number): string {
  if (iso !== addDaysBase) {
    addDaysBase = iso;
    addDaysResults = new Map();
  }
  let out = addDaysResults.get(days);
  if (out === undefined) addDaysResults.set(days, (out = computeAddDays(iso, days)));
  return out;
}

function computeAddDays(iso: string, days: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds working days (Monday–Friday); public holidays are the task tracker's concern. */
export function addWorkingDays(iso: string, days: number): string {
  const d = new Date(iso + "T00:00:00Z");
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

export interface DateMatch {
  iso: string | null;
  index: number;
  length: number;
  /** The date was written with words ("ngày … tháng … năm …"). */
  words: boolean;
}

const D = "([0-9li§o{|]{1,2}|\\d\\s\\d)";
/** "ngày 18 tháng 6 năm 2021" on folded text (also "ngai:", OCR digits, spaced digits). */
export const WORD_DATE = new RegExp(`ng(?:ay|ai)\\s*[,.:]?\\s*${D}\\s*[,.]?\\s*thang\\s*[,.:]?\\s*${D}\\s*[,.]?\\s*nam\\s*[,.:]?\\s*(\\d{4}|\\d\\s?\\d\\s?\\d\\s?\\d)`, "g");
/** 11/6/2021, 24-8-2021, 21.03.2018 (not inside a longer number or code). */
export const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?![\d/])/g;

/** Every date in a folded string. */
export function findDates(folded: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of execAll(WORD_DATE, folded)) {
    const [d, mo, y] = [ocrNumber(m[1]!), ocrNumber(m[2]!), ocrNumber(m[3]!)];
    out.push({ iso: d && mo && y ? isoDate(y, mo, d) : null, index: m.index, length: m[0].length, words: true });
  }
  for (const m of execAll(NUMERIC_DATE, folded)) {
    if (out.some((o) => m.index >= o.index && m.index < o.index + o.length)) continue;
    out.push({ iso: isoDate(Number(m[4]), Number(m[3]), Number(m[1])), index: m.index, length: m[0].length, words: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Index of the first word date in a folded string, -1 when there is none: what
 * `findDates(folded).some((d) => d.words && d.index < n)` asks, without reading numeric dates.
 */
export function firstWordDate(folded: string): number {
  if (!folded.includes("thang")) return -1; // WORD_DATE needs it
  WORD_DATE.lastIndex = 0;
  const m = WORD_DATE.exec(folded);
  WORD_DATE.lastIndex = 0;
  return m ? m.index : -1;
}

/** A date right at the start of a folded string (", ngày 11/6/2021", " ngày 24 tháng 3 năm 2022"). */
export function dateAt(folded: string, within = 10): DateMatch | null {
  return findDates(folded.slice(0, within + 40)).find((d) => d.index <= within) ?? null;
}
