/**
 * @module text/lineguards
 * Exact first- and last-unit tests that settle, without a regex run, most of the lines that
 * normalizeText's line patterns would fail on. Each returns false only where its pattern cannot
 * match; a true answer still runs the pattern.
 */
import { isSpaceUnit } from "./fold.js";

function isDigitUnit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "-", "–" or "—". */
function isDashUnit(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/**
 * PAGE_NUMBER (/^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu) starts
 * with a dash, white space, a digit or "t"/"T" ("trang"), and ends with a digit, a dash or white
 * space (no other unit case-folds to one of these). Most lines fail the ends.
 */
export function mayBePageNumber(l: string): boolean {
  const first = l.charCodeAt(0);
  if (!(isDashUnit(first) || isDigitUnit(first) || first === 116 || first === 84 || isSpaceUnit(first))) return false;
  const last = l.charCodeAt(l.length - 1);
  return isDigitUnit(last) || isDashUnit(last) || isSpaceUnit(last);
}

/**
 * LIST_MARKER (normalize) opens with a digit, [a-zđ], one of [IVXLC], one of [-–—+•*·●▪○] or
 * "Điều": the regex has no /i flag, so its first unit must be one of these. After [a-zđ] only
 * [a-zđ]\s*\) can match, which opensLetterParen answers.
 */
export function mayBeListMarker(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 97 && c <= 122) || c === 0x111) return opensLetterParen(s);
  if (isDigitUnit(c) || c === 0x110) return true;
  if (c === 73 || c === 86 || c === 88 || c === 76 || c === 67) return true;
  return isDashUnit(c) || c === 43 || c === 0x2022 || c === 42 || c === 0xb7 || c === 0x25cf || c === 0x25aa || c === 0x25cb;
}

/**
 * /^[a-zđ]\s*\)/u.test(s) by hand ("a)", "b )"): \s matches whole code points that are each one
 * unit, and isSpaceUnit is /\s/ on one unit.
 */
export function opensLetterParen(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || c === 0x111)) return false;
  let i = 1;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 41;
}

/**
 * SECTION_START (normalize, /iu): every alternative but one opens with n, k, c, q, t, s or "$"
 * in some case (/iu folds the Kelvin sign to k and the long s to s); the other,
 * \W{0,2}v\s*\/\s*v, has a "v" within its first five units (two code points, each of at most
 * two units, before it).
 */
export function maySectionStart(s: string): boolean {
  const first = s.charCodeAt(0);
  // `| 0x20` lower-cases an ASCII letter (and maps no other unit onto one).
  const letter = first | 0x20;
  if (letter === 110 || letter === 107 || letter === 99 || letter === 113 || letter === 116 || letter === 115) return true;
  if (first === 36 || first === 0x212a || first === 0x17f) return true;
  for (let i = 0; i < 5 && i < s.length; i++) if ((s.charCodeAt(i) | 0x20) === 118) return true;
  return false;
}
