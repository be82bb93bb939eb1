/**
 * @module text/legacy
 * Single-byte tables for Windows-1252 (the carrier of VNI and of mojibake), Windows-1258 and
 * TCVN3 (ABC), built once from iconv-lite, and the TCVN3 decoders.
 */
import iconv from "iconv-lite";
import { isSpaceCode, letterCase, LOWER, UPPER } from "./letters.js";
import { unitsToString } from "./units.js";

/** 256 code units: the character each byte stands for. */
export type ByteTable = Uint16Array;

function iconvTable(name: "windows1252" | "windows1258" | "tcvn"): ByteTable {
  const bytes = new Uint8Array(256).map((_, i) => i);
  const chars = iconv.decode(bytes, name);
  // Undefined bytes decode as C1 controls (as WHATWG does), so decoding never loses a byte.
  return Uint16Array.from({ length: 256 }, (_, i) => (chars[i] === "\ufffd" ? i : chars.charCodeAt(i)));
}

export const CP1252 = iconvTable("windows1252");
export const CP1258 = iconvTable("windows1258");

/**
 * TCVN3 as the ABC fonts use it: iconv-lite's TCVN 5712 table for 0xA0–0xFF, but control codes
 * stay control codes and 0x80–0x9F keep their Windows-1252 punctuation (the fonts are Windows
 * fonts; TCVN 5712's extra capitals there and in 0x01–0x17 are not used by .VnTime text).
 */
export const TCVN3 = (() => {
  const table = iconvTable("tcvn");
  for (let i = 0; i < 0x20; i++) table[i] = i;
  for (let i = 0x80; i < 0xa0; i++) table[i] = CP1252[i]!;
  return table;
})();

/** Bytes → string through a table. */
export function decodeWith(bytes: Uint8Array, table: ByteTable): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = table[bytes[i]!]!;
  return unitsToString(units, units.length);
}

/** Character → byte, for encoders. `keep` filters which table entries are encodable. */
export function reverseTable(table: ByteTable, keep: (ch: string) => boolean = () => true): Map<string, number> {
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = String.fromCharCode(table[b]!);
    if (!map.has(ch) && keep(ch)) map.set(ch, b);
  }
  return map;
}

const CP1252_BYTES = reverseTable(CP1252);

/** CP1252 characters → bytes; null when a character has no byte. */
export function cp1252Bytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = CP1252_BYTES.get(text[i]!);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

// Character kinds for the capitals pass, one table lookup per character.
const OTHER = 0;
const SPACE = 1;
const ASCII_LOWER = 2;
const KIND_LOWER = 3; // a Vietnamese lower-case letter that is not a–z
const KIND_UPPER = 4; // any capital, A–Z included
const KIND = Uint8Array.from({ length: 0x2000 }, (_, c) => {
  if (isSpaceCode(c)) return SPACE;
  if (c >= 0x61 && c <= 0x7a) return ASCII_LOWER;
  if (letterCase(c) === LOWER) return KIND_LOWER;
  return letterCase(c) === UPPER || (c >= 0x41 && c <= 0x5a) ? KIND_UPPER : OTHER;
});

function kindOf(c: number): number {
  return c < 0x2000 ? KIND[c]! : isSpaceCode(c) ? SPACE : OTHER;
}

/** Upper case of each Vietnamese lower-case letter below U+2000 (identity elsewhere). */
const UPPER_OF = Uint16Array.from({ length: 0x2000 }, (_, c) => {
  if (KIND[c] !== KIND_LOWER) return c;
  const up = String.fromCharCode(c).toUpperCase();
  return up.length === 1 ? up.charCodeAt(0) : c;
});

/** TCVN3 bytes → Unicode, capitals restored. */
export function decodeTcvn3(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = TCVN3[bytes[i]!]!;
  restoreCapitals(units);
  return unitsToString(units, units.length);
}

/** TCVN3 shown as Latin-1/Windows-1252 ("ChÊp") → Unicode ("Chấp"), capitals restored. */
export function tcvn3FromLatin1(text: string): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c < 0x100 ? TCVN3[c]! : c;
  }
  restoreCapitals(units);
  return unitsToString(units, units.length);
}

/**
 * TCVN3 has no code for toned capitals: text typed in the .VnTimeH capitals font stores them as
 * lower-case codes and decodes as lower case. Words that are visibly capitals ("CHấP" → "CHẤP",
 * "ủY" → "ỦY") are upper-cased in place; a lone capital before toned letters ("Uỷ", "Số") is
 * left alone, so title-case words and two-letter capitals ("HỒ") stay lower case.
 */
function restoreCapitals(units: Uint16Array): void {
  let start = 0;
  // Per word: capitals before any lower case, lower case seen, a capital after it, a–z seen.
  let caps = 0;
  let lower = false;
  let capAfterLower = false;
  let asciiLower = false;
  for (let i = 0; i <= units.length; i++) {
    const kind = i < units.length ? kindOf(units[i]!) : SPACE;
    if (kind === KIND_LOWER) lower = true;
    else if (kind === KIND_UPPER) lower ? (capAfterLower = true) : caps++;
    else if (kind === ASCII_LOWER) asciiLower = true;
    else if (kind === SPACE) {
      if (lower && !asciiLower && (capAfterLower || caps >= 2)) {
        for (let j = start; j < i; j++) units[j] = units[j]! < 0x2000 ? UPPER_OF[units[j]!]! : units[j]!;
      }
      start = i + 1;
      caps = 0;
      lower = capAfterLower = asciiLower = false;
    }
  }
}
