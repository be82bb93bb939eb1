/**
 * @module text/vni
 * VNI-Windows: a Windows-1252 font where a Vietnamese letter is a base letter followed by a
 * modifier byte ("aø" = à, "aä" = ậ, "aë" = ặ). A few letters are one byte: ô = ơ, ö = ư,
 * ñ = đ, and the i-vowels í ì æ(ỉ) ó(ĩ) ò(ị), î = ỵ. No npm converter exists (STACK.md), so
 * the table is ours; it was checked against the VNI table of lamdao/xvnkb (vni.h).
 * Here VNI text is a string of Windows-1252 characters (bytes already decoded as CP1252).
 */
import { CP1252 } from "./legacy.js";
import { TONE_MARKS } from "./letters.js";
import { unitsToString } from "./units.js";

// Modifiers by tone 0–5 (none, sắc, huyền, hỏi, ngã, nặng); index 0 of CIRCUMFLEX/BREVE is the
// bare shape mark. Upper-case letters take the upper-case modifier.
const TONE = ["", "ù", "ø", "û", "õ", "ï"];
const CIRCUMFLEX = ["â", "á", "à", "å", "ã", "ä"];
const BREVE = ["ê", "é", "è", "ú", "ü", "ë"];
const I_LETTERS = ["i", "í", "ì", "æ", "ó", "ò"];
const Y_LETTERS = ["y", "yù", "yø", "yû", "yõ", "î"];

/** VNI spelling of a lower-case toneless vowel with a tone. */
function lowerVni(base: string, tone: number): string {
  switch (base) {
    case "a": case "e": case "o": case "u": return base + TONE[tone]!;
    case "ă": return "a" + BREVE[tone]!;
    case "â": case "ê": case "ô": return untonedAscii(base) + CIRCUMFLEX[tone]!;
    case "ơ": return "ô" + TONE[tone]!;
    case "ư": return "ö" + TONE[tone]!;
    case "i": return I_LETTERS[tone]!;
    default: return Y_LETTERS[tone]!;
  }
}

function untonedAscii(base: string): string {
  return base === "â" ? "a" : base === "ê" ? "e" : "o";
}

const ENCODE = new Map<string, string>([["đ", "ñ"], ["Đ", "Ñ"]]);
/** Decoding tables: one character (by code) or a pair (c1 << 8 | c2) → letter code; 0 = none. */
const DECODE_ONE = new Uint16Array(0x100);
const DECODE_PAIR = new Uint16Array(0x10000);

function addDecoding(vni: string, letter: string): void {
  if (vni.length === 1) DECODE_ONE[vni.charCodeAt(0)] = letter.charCodeAt(0);
  else DECODE_PAIR[(vni.charCodeAt(0) << 8) | vni.charCodeAt(1)] = letter.charCodeAt(0);
}

function buildTables(): void {
  for (const base of "aăâeêioôơuưy") {
    for (let t = 0; t < 6; t++) {
      const lower = lowerVni(base, t);
      const upper = lower.toUpperCase();
      const letter = (base + TONE_MARKS[t]!).normalize("NFC");
      ENCODE.set(letter, lower);
      ENCODE.set(letter.toUpperCase(), upper);
      addDecoding(lower, letter);
      addDecoding(upper, letter.toUpperCase());
      // Mixed case ("Aù", "aÙ") turns up when fonts were switched mid-word: the base decides.
      if (lower.length === 2) {
        addDecoding(upper[0]! + lower[1]!, letter.toUpperCase());
        addDecoding(lower[0]! + upper[1]!, letter);
      }
    }
  }
  addDecoding("ñ", "đ");
  addDecoding("Ñ", "Đ");
  addDecoding("yï", "ỵ"); // some converters write ỵ as y + nặng like the other vowels
  addDecoding("YÏ", "Ỵ");
}
buildTables();

/** Unicode → VNI (CP1252 characters); non-Vietnamese characters pass through. */
export function toVniString(text: string): string {
  const nfc = text.normalize("NFC");
  const out = new Uint16Array(nfc.length * 2);
  let n = 0;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    const vni = code < 0x80 ? undefined : ENCODE.get(nfc[i]!);
    if (vni === undefined) out[n++] = code;
    else for (let k = 0; k < vni.length; k++) out[n++] = vni.charCodeAt(k);
  }
  return unitsToString(out, n);
}

/**
 * VNI (as CP1252 characters) → Unicode NFC letters. C1 controls (VNI read as ISO-8859-1) become
 * their CP1252 punctuation; everything else passes through.
 */
export function fromVniString(text: string): string {
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41 || c > 0xff) {
      out[n++] = c;
      continue;
    }
    if (c >= 0x80 && c < 0xa0) {
      out[n++] = CP1252[c]!;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const pair = next >= 0xc0 && next <= 0xff ? DECODE_PAIR[(c << 8) | next]! : 0;
    if (pair !== 0) {
      out[n++] = pair;
      i++;
    } else {
      out[n++] = DECODE_ONE[c] || c;
    }
  }
  return unitsToString(out, n);
}
