/**
 * @module agencies/name-start
 * Where an agency name can start in a text: a capitalised word, or "các"/"những" before a word.
 * findAgencies scans the whole body for these, so the scan reads a typed copy of the code units
 * with one table read per unit and leaves the regex to the rare cases.
 */
import { isLetterOrDigitUnit, isSpaceUnit, isUpperUnit } from "../text/fold.js";

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
 * word-initial capitals (a match of one unit) and the word-initial "các"/"những" followed by white
 * space and a letter; the sticky regex is tried only at word-initial units from U+2000. At a
 * surrogate (an astral character, which the regex reads as one code point) the plain regex search
 * takes over from there. `units` are the code units of `text`.
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
      // "các" or "những" at a word start: what the regex matches there is the word and the
      // white space after it when a letter follows (its first alternative, \p{Lu}, fails).
      const word = kind === C_START ? 3 : 5;
      const spaces = spacesBeforeLetter(text, units, i + word);
      if (spaces > 0) return { index: i, length: word + spaces };
      continue;
    } else if (isSurrogate(c)) return searchNameStart(text, i, end);
    else if (i > 0 && isLetterOrDigitUnit(text.charCodeAt(i - 1))) continue;
    NAME_START_AT.lastIndex = i;
    const m = NAME_START_AT.exec(text);
    if (m) return { index: i, length: m[0].length };
  }
  return null;
}

/** `/\p{L}/u` on each code unit below U+2000. */
const LETTER = new Uint8Array(0x2000);
for (let c = 0; c < 0x2000; c++) LETTER[c] = /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * What `/\s+(?=\p{L})/uy` matches at `at` of `text`: the length of the white-space run there when
 * a letter follows it, else 0. Backtracking into the run cannot help (a shorter run is followed
 * by white space, never a letter), so the maximal run decides. Replaces the sticky NAME_START
 * regex after "các"/"những" (25 runs a document, each allocating a match). `units` are `text`'s.
 */
export function spacesBeforeLetter(text: string, units: Uint16Array, at: number): number {
  let j = at;
  while (j < units.length && isSpaceUnit(units[j]!)) j++;
  if (j === at || j >= units.length) return 0;
  const c = units[j]!;
  const letter = c < 0x2000 ? LETTER[c] === 1 : LETTER_AT.test(text.slice(j, j + 2));
  return letter ? j - at : 0;
}

/**
 * `/^[\p{L}]/u.test(text[i] ?? "")` for `c = text.charCodeAt(i)`: one unit (a lone surrogate is no
 * letter, and past the end charCodeAt is NaN, no letter either), by table below U+2000.
 */
export function isLetterUnit(c: number): boolean {
  return c < 0x2000 ? LETTER[c] === 1 : c >= 0x2000 && LETTER_AT.test(String.fromCharCode(c));
}

/** A letter (one code point, so a surrogate pair) at the start of a string. */
const LETTER_AT = /^\p{L}/u;

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
