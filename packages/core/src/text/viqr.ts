/**
 * @module text/viqr
 * VIQR (RFC 1456): ASCII marks typed after the vowel — shape ^ ( + then tone ' ` ? ~ . —
 * and dd for đ: "Vie^.t Nam" = "Việt Nam". A backslash makes the next mark literal
 * ("Nam\." is a full stop). Writers rarely escape, so a mark after a vowel of a word that already
 * has its tone is read as punctuation ("Ha` No^.i." ends with a full stop).
 */
import { letterInfo, toned, VOWELS } from "./letters.js";
import { unitsToString } from "./units.js";

const SHAPES: Record<string, string> = {
  "a^": "â", "a(": "ă", "e^": "ê", "o^": "ô", "o+": "ơ", "u+": "ư",
  "A^": "Â", "A(": "Ă", "E^": "Ê", "O^": "Ô", "O+": "Ơ", "U+": "Ư",
};
const TONE_KEYS = ["", "'", "`", "?", "~", "."];
const MARKS = "^(+'`?~.";
const ESCAPABLE = MARKS + "dD\\";
/** Base letter + shape mark for each toneless Vietnamese vowel. */
const SPELLING: Record<string, string> = { ă: "a(", â: "a^", ê: "e^", ô: "o^", ơ: "o+", ư: "u+" };

// Code-unit tables for the decoder (it runs over whole documents).
const SHAPE_CODE = new Uint16Array(0x80 * 0x80); // ASCII vowel * 128 + mark → shaped vowel
const TONE_CODE = new Int8Array(0x80); // mark → tone 1–5
const ESCAPE_CODE = new Uint8Array(0x80);
const VOWEL_CODE = new Uint8Array(0x80);
const TONED_CODE = new Uint16Array(0x200 * 6); // vowel code * 6 + tone → toned vowel

for (const [key, shaped] of Object.entries(SHAPES)) SHAPE_CODE[key.charCodeAt(0) * 0x80 + key.charCodeAt(1)] = shaped.charCodeAt(0);
for (let t = 1; t < 6; t++) TONE_CODE[TONE_KEYS[t]!.charCodeAt(0)] = t;
for (const ch of ESCAPABLE) ESCAPE_CODE[ch.charCodeAt(0)] = 1;
for (const ch of "aeiouyAEIOUY") VOWEL_CODE[ch.charCodeAt(0)] = 1;
for (const v of VOWELS) for (let t = 0; t < 6; t++) TONED_CODE[v.charCodeAt(0) * 6 + t] = toned(v, t).charCodeAt(0);

const BACKSLASH = 0x5c;
const d = 0x64;
const D = 0x44;

/** VIQR → Unicode (NFC letters). */
export function fromViqr(text: string): string {
  const out = new Uint16Array(text.length);
  let n = 0;
  let toneSeen = false; // one tone per word: a later mark is punctuation
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (c === BACKSLASH && next < 0x80 && ESCAPE_CODE[next]) {
      out[n++] = next;
      if (!isAsciiLetter(next)) toneSeen = false;
      i += 2;
    } else if ((c === d || c === D) && (next === d || next === D) && !(c === d && next === D)) {
      out[n++] = c === d ? 0x111 : 0x110;
      i += 2;
    } else if (c < 0x80 && VOWEL_CODE[c]) {
      const shaped = next < 0x80 ? SHAPE_CODE[c * 0x80 + next]! : 0;
      let j = shaped ? i + 2 : i + 1;
      const mark = j < text.length ? text.charCodeAt(j) : 0;
      const tone = !toneSeen && mark < 0x80 ? TONE_CODE[mark]! : 0;
      out[n++] = TONED_CODE[(shaped || c) * 6 + tone]!;
      if (tone > 0) {
        toneSeen = true;
        j++;
      }
      i = j;
    } else {
      out[n++] = c;
      if (!isAsciiLetter(c)) toneSeen = false;
      i++;
    }
  }
  return unitsToString(out, n);
}

function isAsciiLetter(code: number): boolean {
  const c = code | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** Unicode → VIQR, escaping literal marks after vowels (and a d before d/đ) so it decodes back. */
export function toViqr(text: string): string {
  const nfc = text.normalize("NFC");
  const out = new Uint16Array(nfc.length * 3);
  let n = 0;
  const put = (s: string): void => {
    for (let k = 0; k < s.length; k++) out[n++] = s.charCodeAt(k);
  };
  for (let i = 0; i < nfc.length; i++) {
    const ch = nfc[i]!;
    const info = letterInfo(ch);
    if (ch === "đ" || ch === "Đ") put(ch === "đ" ? "dd" : "DD");
    else if (info && VOWELS.includes(info.base)) put(viqrVowel(info.base, info.tone, info.upper));
    else if (ch === "\\" || needsEscape(ch, nfc[i - 1], nfc[i + 1])) put("\\" + ch);
    else out[n++] = nfc.charCodeAt(i);
  }
  return unitsToString(out, n);
}

function viqrVowel(base: string, tone: number, upper: boolean): string {
  const spelled = SPELLING[base] ?? base;
  return (upper ? spelled.toUpperCase() : spelled) + TONE_KEYS[tone]!;
}

/** A literal mark after a vowel, or a d before d/đ, would be read as part of the letter. */
function needsEscape(ch: string, prev: string | undefined, next: string | undefined): boolean {
  if (MARKS.includes(ch)) return prev !== undefined && isVowel(prev);
  return (ch === "d" || ch === "D") && next !== undefined && "dDđĐ".includes(next);
}

function isVowel(ch: string): boolean {
  const info = letterInfo(ch);
  return info !== undefined && VOWELS.includes(info.base);
}
