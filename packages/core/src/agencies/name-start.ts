/**
 * @module agencies/name-start
 * Where an agency name can start in a text: a capitalised word, or "các"/"những" before a word.
 * findAgencies scans the whole body for these, so the scan reads a typed copy of the code units
 * with one table read per unit and leaves the regex to the rare cases.
 */
import { isLetterOrDigitUnit, isUpperUnit } from "../text/fold.js";

/** Where an agency name can start: a capitalised word, or "các"/"những" before a head noun. */
const NAME_START_SOURCE = String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}|[cC]ác\s+(?=\p{L})|[nN]hững\s+(?=\p{L}))`;
const NAME_START = new RegExp(NAME_START_SOURCE, "gu");
const NAME_START_AT = new RegExp(NAME_START_SOURCE, "uy");

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** What a code unit below U+2000 can start: an upper-case letter, "các" (c) or "những" (n). One table read per character of the scan. */
const UPPER_START = 1;
const C_START = 2;
const N_START = 3;
const START_KIND = new Uint8Array(0x2000);
for (let c = 0; c < 0x2000; c++) START_KIND[c] = isUpperUnit(c) ? UPPER_START : c === 99 ? C_START : c === 110 ? N_START : 0;

/**
 * The next NAME_START match at or after `from` that begins before `end`. Running the regex over
 * the text is slow (a Unicode look-behind tried at every position), so a code-unit scan finds the
 * word-initial capitals (a match of one unit) and the word-initial "các"/"những" candidates, which
 * the sticky regex confirms. At a surrogate (an astral character, which the regex reads as one
 * code point) the plain regex search takes over from there. `units` are the code units of `text`.
 */
export function nextNameStart(text: string, units: Uint16Array, from: number, end: number): { index: number; length: number } | null {
  if (from > 0 && isSurrogate(text.charCodeAt(from - 1))) return searchNameStart(text, from, end);
  const stop = Math.min(end, text.length);
  for (let i = from; i < stop; i++) {
    const c = units[i]!;
    if (c < 0x2000) {
      const kind = START_KIND[c]!;
      // Word-initial first: most "c"/"n" units end or sit inside a word, and the test of the unit
      // before is one table read where isCac/isNhung read two to four units (both tests are pure).
      if (kind === 0 || (i > 0 && isLetterOrDigitUnit(units[i - 1]!))) continue;
      if ((kind === C_START && !isCac(units, i)) || (kind === N_START && !isNhung(units, i))) continue;
      if (kind === UPPER_START) return { index: i, length: 1 };
    } else if (isSurrogate(c)) return searchNameStart(text, i, end);
    else if (i > 0 && isLetterOrDigitUnit(text.charCodeAt(i - 1))) continue;
    NAME_START_AT.lastIndex = i;
    const m = NAME_START_AT.exec(text);
    if (m) return { index: i, length: m[0].length };
  }
  return null;
}

/** "các" at `i` (the "c" already seen), by code units (past the end a read is undefined, never equal). */
function isCac(units: Uint16Array, i: number): boolean {
  return units[i + 1] === 0xe1 && units[i + 2] === 99;
}

/** "những" at `i` (the "n" already seen), by code units. */
function isNhung(units: Uint16Array, i: number): boolean {
  return units[i + 1] === 104 && units[i + 2] === 0x1eef && units[i + 3] === 110 && units[i + 4] === 103;
}

function searchNameStart(text: string, from: number, end: number): { index: number; length: number } | null {
  NAME_START.lastIndex = from;
  const m = NAME_START.exec(text);
  return m && m.index < end ? { index: m.index, length: m[0].length } : null;
}
