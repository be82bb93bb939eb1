/**
 * @module text/fold
 * Diacritic folding for matching. `foldChars` is length-preserving (one UTF-16 unit in, one
 * out), so a match found on folded text has the same span in the original NFC text: structure
 * is recognised on folded text (robust to OCR that loses or confuses diacritics) while values
 * are read from the original.
 */

import { fromCodeUnits, mapCodeUnits, UnitScratch } from "./codeunits.js";

const COMBINING = /[\u0300-\u036f]/g;
const TABLE_SIZE = 0x2000;
/** Folded code unit for every code unit below U+2000 (Vietnamese letters all are). */
const FOLD = new Uint16Array(TABLE_SIZE);
/** 1 for an upper-case letter, 2 for a lower-case one. */
const CASE = new Uint8Array(TABLE_SIZE);
/** 1 for a letter or digit (\p{L}, \p{N}). */
const LETTER_OR_DIGIT = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  FOLD[c] = foldOne(ch).charCodeAt(0);
  CASE[c] = /\p{Lu}/u.test(ch) ? 1 : /\p{Ll}/u.test(ch) ? 2 : 0;
  LETTER_OR_DIGIT[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Character tests on one UTF-16 unit, as `/\p{Lu}/u.test(s[i])` would answer them (a lone
 * surrogate is no letter), by table below U+2000: hot scans call them per character.
 */
export function isUpperUnit(c: number): boolean {
  return c < TABLE_SIZE ? CASE[c] === 1 : UPPER.test(String.fromCharCode(c));
}

export function isLowerUnit(c: number): boolean {
  return c < TABLE_SIZE ? CASE[c] === 2 : LOWER.test(String.fromCharCode(c));
}

export function isLetterOrDigitUnit(c: number): boolean {
  return c < TABLE_SIZE ? LETTER_OR_DIGIT[c] === 1 : LETTER_DIGIT.test(String.fromCharCode(c));
}

/** `/\s/` on one code unit (ECMAScript white space and line terminators). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function foldOne(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  const lower = ch.toLowerCase();
  if (ch.charCodeAt(0) < 0x80) return lower;
  const base = ch.normalize("NFD").replace(COMBINING, "").toLowerCase();
  return base.length === 1 ? base : lower.length === 1 ? lower : ch;
}

/**
 * Lower-case, strip Vietnamese diacritics, map đ→d. Same length as the input (NFC input). Maps a
 * native copy of the code units (half the time of a `charCodeAt` loop on a document); a lone
 * surrogate comes out as U+FFFD.
 */
export function foldChars(text: string): string {
  return mapCodeUnits(text, FOLD);
}

/** Share of upper-case among the letters of `s` (0 when it has none). */
export function upperShare(s: string, minLetters = 1): number {
  return shareOf(caseCount(s), minLetters);
}

/**
 * `s.split(/\s+/)`, stopping after `limit` pieces. A regex split tries its pattern at every
 * position of the string; this scans it once.
 */
export function splitSpaces(s: string, limit = Infinity): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length && out.length < limit; ) {
    if (!isSpaceUnit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isSpaceUnit(s.charCodeAt(j))) j++;
    out.push(s.slice(start, i));
    start = i = j;
  }
  if (out.length < limit) out.push(s.slice(start));
  return out;
}


/** `/^\p{Lu}/u.test(s)`: by table unless `s` opens with a surrogate pair. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? /^\p{Lu}/u.test(s) : s.length > 0 && isUpperUnit(c);
}

/** `/^\p{Ll}/u.test(s)`: by table unless `s` opens with a surrogate pair. */
export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? /^\p{Ll}/u.test(s) : s.length > 0 && isLowerUnit(c);
}

/** `s.replace(/[.,;]+$/, "")` */
export function stripTrailingPunct(s: string): string {
  let end = s.length;
  for (let c = s.charCodeAt(end - 1); c === 46 || c === 44 || c === 59; c = s.charCodeAt(--end - 1));
  return end === s.length ? s : s.slice(0, end);
}

/** White space other than a lone " ": a run starting with another space unit, or " " plus more. */
const SPACE_RUNS = /[^\S ]\s*| \s+/g;

/**
 * `s.replace(/\s+/g, " ")`: SPACE_RUNS matches the same maximal runs but skips each lone " " that
 * would be put back unchanged, testing one class per position. The regex engine (native code)
 * outruns a per-unit JS loop on task texts.
 */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RUNS, " ");
}

/** `collapseSpaces(s).trim()`: trimming first gives the same string (the edge runs go either way). */
export function collapseTrimmed(s: string): string {
  return collapseSpaces(s.trim());
}

/** Upper- and lower-case letters of `s` (as upperShare counts them) and whether it has white space. */
export interface CaseCount {
  upper: number;
  lower: number;
  spaced: boolean;
}

/** Upper-case, lower-case (letters below U+2000, as CASE counts them) and space bits of every unit. */
const UPPER_BIT = 1;
const LOWER_BIT = 2;
const SPACE_BIT = 4;
const CASE_KIND = new Uint8Array(0x10000);
for (let c = 0; c < CASE_KIND.length; c++) CASE_KIND[c] = c < TABLE_SIZE && CASE[c] !== 0 ? CASE[c]! : isSpaceUnit(c) ? SPACE_BIT : 0;

export function caseCount(s: string): CaseCount {
  let upper = 0;
  let lower = 0;
  let kinds = 0;
  // Each unit has at most one kind bit, so adding the bits counts it without a branch (the
  // branches mispredict on mixed-case text: ~20% slower).
  for (let i = 0; i < s.length; i++) {
    const k = CASE_KIND[s.charCodeAt(i)]!;
    upper += k & UPPER_BIT;
    lower += (k & LOWER_BIT) >> 1;
    kinds |= k;
  }
  return { upper, lower, spaced: (kinds & SPACE_BIT) !== 0 };
}

/** upperShare from counts. */
export function shareOf(c: CaseCount, minLetters = 1): number {
  return c.upper + c.lower >= minLetters ? c.upper / (c.upper + c.lower) : 0;
}

/** Fold and collapse white space: a comparison key ("Khánh  Hoà" → "khanh hoa"). */
export function foldKey(text: string): string {
  return foldChars(text.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/**
 * Lower case of one UTF-16 unit as `lowerChars` gives it inside any text, or NO_UNIT_LOWER when
 * that depends on more than the unit: a surrogate (half of a code point), a unit whose lower case
 * is longer (İ → "i̇", which lowerChars keeps or not depending on the whole text) and Σ (lower-cased
 * to ς or σ by the letters around it: the one context rule of String.prototype.toLowerCase).
 */
function lowerUnit(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return NO_UNIT_LOWER;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : NO_UNIT_LOWER;
}

/** Not a code unit a lower case maps to below LOWER_TABLE_SIZE (U+FFFF lower-cases to itself). */
const NO_UNIT_LOWER = 0xffff;
/** lowerUnit of the units below U+2100: letters, and the punctuation of Vietnamese text (“ ” – …). */
const LOWER_TABLE_SIZE = 0x2100;
const LOWER_UNIT = new Uint16Array(LOWER_TABLE_SIZE);
for (let c = 0; c < LOWER_TABLE_SIZE; c++) LOWER_UNIT[c] = lowerUnit(c);

/** foldAndLower's typed copies (it keeps neither: it returns strings decoded from them). */
const foldScratch = new UnitScratch();
const lowerScratch = new UnitScratch();

/**
 * `{ folded: foldChars(text), lower: lowerChars(text) }` from one typed copy of the code units in
 * one pass. WHY: `toLowerCase` on a text with Vietnamese letters is a slow runtime call, and
 * foldChars copies the units anyway. Equivalent where it answers: lowerChars keeps the length
 * when every unit has a one-unit lower case (lowerUnit ≠ NO_UNIT_LOWER), and then equals the
 * unit-by-unit lower case (no unit but Σ has a context rule). A text with a unit lowerUnit cannot
 * answer (rare) takes foldChars and lowerChars.
 */
export function foldAndLower(text: string): { folded: string; lower: string } {
  const units = foldScratch.copy(text);
  const lower = lowerScratch.units(units.length);
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    const l = c < LOWER_TABLE_SIZE ? LOWER_UNIT[c]! : lowerUnit(c);
    if (l === NO_UNIT_LOWER) return { folded: foldChars(text), lower: lowerChars(text) };
    lower[i] = l;
    // FOLD keeps the units it has no entry for (foldChars' rule); no surrogate gets here.
    if (c < TABLE_SIZE) units[i] = FOLD[c]!;
  }
  return { folded: fromCodeUnits(units), lower: fromCodeUnits(lower) };
}

/** Lower-case keeping diacritics, one UTF-16 unit in, one out (so offsets stay valid). */
export function lowerChars(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
