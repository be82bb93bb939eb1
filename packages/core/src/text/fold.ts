/**
 * @module text/fold
 * Diacritic folding for matching. `foldChars` is length-preserving (one UTF-16 unit in, one
 * out), so a match found on folded text has the same span in the original NFC text: structure
 * is recognised on folded text (robust to OCR that loses or confuses diacritics) while values
 * are read from the original.
 */

const COMBINING = /[\u0300-\u036f]/g;
const TABLE_SIZE = 0x2000;
/** Folded code unit for every code unit below U+2000 (Vietnamese letters all are). */
const FOLD = new Uint16Array(TABLE_SIZE);
/** 1 for an upper-case letter, 2 for a lower-case one. */
const CASE = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  FOLD[c] = foldOne(ch).charCodeAt(0);
  CASE[c] = /\p{Lu}/u.test(ch) ? 1 : /\p{Ll}/u.test(ch) ? 2 : 0;
}

function foldOne(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  const lower = ch.toLowerCase();
  if (ch.charCodeAt(0) < 0x80) return lower;
  const base = ch.normalize("NFD").replace(COMBINING, "").toLowerCase();
  return base.length === 1 ? base : lower.length === 1 ? lower : ch;
}

const decoder = new TextDecoder("utf-16le");

/** Lower-case, strip Vietnamese diacritics, map đ→d. Same length as the input (NFC input). */
export function foldChars(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < TABLE_SIZE ? FOLD[c]! : c;
  }
  return decoder.decode(out);
}

/** Share of upper-case among the letters of `s` (0 when it has none), counted fast. */
export function upperShare(s: string, minLetters = 1): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < TABLE_SIZE ? CASE[c]! : 0;
    if (k === 1) upper++;
    else if (k === 2) lower++;
  }
  return upper + lower >= minLetters ? upper / (upper + lower) : 0;
}

/** Fold and collapse white space: a comparison key ("Khánh  Hoà" → "khanh hoa"). */
export function foldKey(text: string): string {
  return foldChars(text.normalize("NFC")).replace(/\s+/g, " ").trim();
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
