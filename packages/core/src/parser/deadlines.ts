/**
 * @module parser/deadlines
 * Deadlines of a task, resolved against the document date: "trước ngày 15/8/2021",
 * "chậm nhất ngày 20/9/2021", "trong vòng 01 tuần", "trong 05 ngày làm việc", "trong tháng 9/2021",
 * "quý III/2021"; recurring duties ("trước 17 giờ hằng ngày", "ngày 25 hằng tháng") keep their
 * words and get no date. Urgency words alone ("khẩn trương", "kịp thời") are no deadline.
 */
import { collapseTrimmed } from "../text/fold.js";
import { anchored, execAll, matchesAfterNonLetter, matchesAt } from "../text/scan.js";
import { addDays, addWorkingDays, dateAt, endOfMonth, ocrNumber } from "./dates.js";

export interface Deadline {
  date: string | null;
  text: string;
  recurrence: string | null;
  index: number;
  length: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, "muoi lam": 15, "muoi nam": 15, "hai muoi": 20, "ba muoi": 30 };
const QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

// Guards are kept only where what they look for is rare; a guard that nearly always passes costs
// a scan of the item for nothing (BEFORE's was "han", as in "thanh").
/**
 * BEFORE without its leading look-behind (?<![a-z]), which keeps the engine from skipping ahead to
 * the letters a match can start with; matchesAfterNonLetter (text/scan.ts) checks the unit before.
 */
const BEFORE_BODY = /(?:truoc|cham nhat(?: la)?|han chot|han cuoi|thoi han|khong qua|xong truoc|hoan thanh truoc)\s*(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?\s*,?\s*)?(?=\d|ngay)/g;
// WITHIN starts with its anchor "trong" (tried only there: see withinMatches).
const WITHIN = anchored(/(?<![a-z])trong\s*(?:vong|thoi han|thoi gian)?\s*(\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi lam|muoi nam|hai muoi|ba muoi|muoi)\s*(ngay lam viec|ngay|tuan|thang)(?![a-z])/g, ["trong"]);
const MONTH = /(?<![a-z])(trong|truoc|het|cuoi|hoan thanh trong|trinh)?\s*(?:ngay\s+)?thang\s*(\d{1,2})\s*(?:[-/]|nam)\s*(\d{4})/g;
/** Preceded by no letter [a-z]; the look-behind is checked by matchesAfterNonLetter, as for BEFORE_BODY. */
const QUARTER_BODY = /(?:trong\s*)?quy\s*(iv|iii|ii|i|[1-4])\s*(?:[-/]|nam)?\s*(\d{4})/g;
/** What every QUARTER match holds: "quy" is common ("quy dinh"), a numbered quarter is not. */
const QUARTER_HINT = /quy\s*[iv1-4]/;
/**
 * BEFORE, MONTH and QUARTER yield a deadline only with a year, and every year they read matches
 * YEAR: MONTH's and QUARTER's (\d{4}), BEFORE's through dateAt (dates.ts: WORD_DATE's
 * (\d{4}|\d\s?\d\s?\d\s?\d), NUMERIC_DATE's (\d{4})), all inside the item. Items nearly all hold
 * a digit (numbers, codes) but seldom a year, so this skips the three scans where /\d/ would not.
 */
const YEAR = /\d\s?\d\s?\d\s?\d/;
/**
 * What every RECURRING match holds ("hằng"/"hang" and the period, or "dinh ky"), without the
 * optional lead that makes RECURRING try nearly every position; "hang" alone is in every "thang".
 */
const RECURRING_HINT = /(?:hang|hằng)\s*(?:ngay|tuan|thang|quy|nam)|dinh ky/;
/** The first match only (not global). */
const RECURRING = /(?:(?:truoc|vao|luc)\s*(?:ngay\s*)?\d{1,2}\s*(?:gio|h)?\s*)?(?:hang|hằng)\s*(ngay|tuan|thang|quy|nam)|dinh ky\s*(?:hang\s*)?(?:ngay|tuan|thang|quy|nam)?/;

/** The first deadline in folded `text` (offsets relative to it); null when it sets none. */
export function findDeadline(folded: string, original: string, docDate: string | null): Deadline | null {
  const found: Deadline[] = [];
  const dated = YEAR.test(folded);
  if (dated) for (const m of matchesAfterNonLetter(BEFORE_BODY, folded)) {
    const d = dateAt(folded.slice(m.index + m[0].length), 6);
    if (d?.iso && notPast(d.iso, docDate)) found.push(make(original, m.index, m[0].length + d.index + d.length, d.iso));
  }
  if (docDate) for (const m of withinMatches(folded)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!] ?? ocrNumber(m[1]!) ?? 0);
    if (!n) continue;
    const unit = m[2]!;
    const date = unit === "ngay lam viec" ? addWorkingDays(docDate, n) : unit === "tuan" ? addDays(docDate, 7 * n) : unit === "thang" ? addMonths(docDate, n) : addDays(docDate, n);
    found.push(make(original, m.index, m[0].length, date));
  }
  if (dated && folded.includes("thang")) for (const m of execAll(MONTH, folded)) {
    const iso = endOfMonth(Number(m[3]), Number(m[2]));
    const lead = m[1] ?? "";
    if (!iso || !notPast(iso, docDate)) continue;
    if (!lead && !/-|\//.test(m[0])) continue;
    if (/tu\s*$|den\s*$|nam\s*$/.test(folded.slice(Math.max(0, m.index - 6), m.index))) continue;
    found.push(make(original, m.index + (m[0].length - m[0].trimStart().length), m[0].trim().length, iso));
  }
  if (dated && QUARTER_HINT.test(folded)) for (const m of matchesAfterNonLetter(QUARTER_BODY, folded)) {
    const q = QUARTERS[m[1]!];
    const iso = q ? endOfMonth(Number(m[2]), q * 3) : null;
    if (iso && notPast(iso, docDate)) found.push(make(original, m.index, m[0].length, iso));
  }
  if (found.length) return found.sort((a, b) => a.index - b.index)[0]!;
  const r = RECURRING_HINT.test(folded) ? RECURRING.exec(folded) : null;
  if (r) {
    const start = Math.max(0, folded.lastIndexOf(" ", Math.max(0, r.index - 12)) + 1);
    const text = original.slice(r.index, r.index + r[0].length).trim();
    return { date: null, text: widen(original, start, r.index, text), recurrence: r[1] ?? "ky", index: r.index, length: r[0].length };
  }
  return null;
}

/**
 * `matchesOf(WITHIN, folded)` (text/scan.ts), with each "trong" found from its "rong" and the "t"
 * before it: indexOf runs ahead on a pattern's first unit, and "t" is common enough in folded text
 * that looking for "rong" costs about a third.
 */
export function withinMatches(folded: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (let i = folded.indexOf("rong"); i >= 0; i = folded.indexOf("rong", i + 1)) {
    if (i >= 1 && folded.charCodeAt(i - 1) === 0x74) starts.push(i - 1);
  }
  return matchesAt(WITHIN.sticky, folded, starts);
}

function widen(original: string, _start: number, index: number, text: string): string {
  const before = original.slice(Math.max(0, index - 12), index);
  const m = /(?:ngày|vào ngày|trước)\s+\d{1,2}\s*$/u.exec(before);
  return m ? collapseTrimmed(`${m[0]}${text}`) : text;
}

function make(original: string, index: number, length: number, date: string): Deadline {
  return { date, text: collapseTrimmed(original.slice(index, index + length)), recurrence: null, index, length };
}

function notPast(iso: string, docDate: string | null): boolean {
  return !docDate || iso >= docDate;
}

function addMonths(iso: string, n: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
