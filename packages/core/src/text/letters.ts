/**
 * @module text/letters
 * Vietnamese letters as (base letter, tone) pairs, shared by the legacy codecs, the syllable
 * validator and tone canonicalization. Tones are numbered in the order every Vietnamese
 * keyboard uses (VNI keys 1–5): 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
 */

export const SAC = 1;
export const NANG = 5;

/** Combining marks for tones 1–5 (index 0 unused). */
export const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;

/** The twelve vowel letters without tone, lower then upper case. */
export const VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";

export interface LetterInfo {
  /** Lower-case base letter without tone ("ệ" → "ê", "Đ" → "đ"). */
  base: string;
  tone: number;
  upper: boolean;
}

const INFO = new Map<string, LetterInfo>();
const TONED = new Map<string, string>();

for (const v of VOWELS) {
  const upper = v !== v.toLowerCase();
  for (let t = 0; t < 6; t++) {
    const ch = (v + TONE_MARKS[t]!).normalize("NFC");
    INFO.set(ch, { base: v.toLowerCase(), tone: t, upper });
    TONED.set(v + t, ch);
  }
}
for (const c of "bcdđghklmnpqrstvx") {
  INFO.set(c, { base: c, tone: 0, upper: false });
  INFO.set(c.toUpperCase(), { base: c, tone: 0, upper: true });
}

/** Case of Vietnamese letters by code unit (below U+1F00): 0 not a letter, 1 lower, 2 upper. */
const CASE = new Uint8Array(0x1f00);
for (const [ch, info] of INFO) CASE[ch.charCodeAt(0)] = info.upper ? 2 : 1;

export const LOWER = 1;
export const UPPER = 2;

/** Case of a Vietnamese letter given its code unit: 0 (not one), LOWER or UPPER. */
export function letterCase(code: number): number {
  return code < 0x1f00 ? CASE[code]! : 0;
}

/** White space, as \s sees it, by code unit. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Base letter, tone and case of a Vietnamese letter; undefined for anything else (f, j, w, z too). */
export function letterInfo(ch: string): LetterInfo | undefined {
  return INFO.get(ch);
}

/** The NFC letter for a toneless vowel (either case) with a tone: toned("ê", 5) = "ệ". */
export function toned(vowel: string, tone: number): string {
  return TONED.get(vowel + tone) ?? vowel;
}

/** Toneless form of a vowel, keeping case and shape: "Ệ" → "Ê". Other characters unchanged. */
export function untoned(ch: string): string {
  const info = INFO.get(ch);
  if (!info || info.tone === 0) return ch;
  return info.upper ? info.base.toUpperCase() : info.base;
}
