/**
 * @module text/fold
 * Diacritic folding for matching. `foldChars` is length-preserving (one UTF-16 unit in, one
 * out), so a match found on folded text has the same span in the original NFC text: structure
 * is recognised on folded text (robust to OCR that loses or confuses diacritics) while values
 * are read from the original.
 */

const COMBINING = /[\u0300-\u036f]/g;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  if (ch === "đ" || ch === "Đ") out = "d";
  else if (ch.charCodeAt(0) < 0x80) out = ch.toLowerCase();
  else {
    const base = ch.normalize("NFD").replace(COMBINING, "").toLowerCase();
    out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  cache.set(ch, out);
  return out;
}

/** Lower-case, strip Vietnamese diacritics, map đ→d. Same length as the input (NFC input). */
export function foldChars(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) out += text[i];
    else if (c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (c < 0x80) out += text[i];
    else out += foldChar(text[i]!);
  }
  return out;
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
