/**
 * @module text/unitscan
 * One JS pass over a document's raw text that answers every whole-text character-class question
 * normalizeText and repairMojibake ask before they change anything: may NFC change it, has it
 * Ƣ/ƣ, VIQR marks, mojibake markers, layout characters, and which lines need cleaning. A table
 * lookup per UTF-16 unit (~1.8 ns) is slower than one native class scan (~0.7 ns) but replaces
 * six of them (and a per-line match walk).
 */
import { UnitScratch } from "./codeunits.js";

/**
 * Code units that `String.prototype.normalize("NFC")` can never change, wherever they stand: each
 * has NFC_Quick_Check = Yes and canonical combining class 0, so a string made only of them is
 * already NFC (UAX #15, quick check). Latin (with the Vietnamese precomposed letters), general
 * punctuation but U+2000/U+2001 (singletons), currency signs. nfc-stable.test.ts checks them
 * against `normalize`.
 */
export const NFC_STABLE_RANGES: readonly (readonly [first: number, last: number])[] = [
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2002, 0x206f],
  [0x20a0, 0x20c0],
];

/** Latin-1 characters that are not Vietnamese letters: TCVN3/VNI/UTF-8 mojibake shows them. */
export const MARKER_CLASS =
  "\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df" +
  "\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff";

/** A unit outside NFC_STABLE_RANGES: `normalize("NFC")` may change text that holds one. */
export const NFC_UNSTABLE = 1;
/** /[\u01a2\u01a3]/ (the PDF artefact Ƣ/ƣ). */
export const PDF_OI_UNIT = 2;
/** /[\^+`~]/ (a VIQR mark). */
export const VIQR_UNIT = 4;
/** /[MARKER_CLASS]/ */
export const MARKER_UNIT = 8;
/** /[\r\u00a0\u2007\u202f\u200b-\u200d\ufeffÐð]/ (what normalizeText's layout replaces change). */
export const LAYOUT_UNIT = 16;
/** /[*#\\^|_\t\f]/: a line holding one needs cleaning (as does one holding two spaces in a row). */
const CLEAN_UNIT = 32;
const SPACE_UNIT = 64;
const NEWLINE_UNIT = 128;

/** The bits of UnitScan.classes (the others are scanUnits' own). */
const CLASS_BITS = NFC_UNSTABLE | PDF_OI_UNIT | VIQR_UNIT | MARKER_UNIT | LAYOUT_UNIT;

const BITS = buildTable();

/** Per-line bits of UnitScan.held: which markdown cleanup characters a line holds. */
export const HELD_FORMFEED = 1;
export const HELD_HASH = 2;
export const HELD_BACKSLASH = 4;
export const HELD_STAR = 8;
export const HELD_UNDERSCORE = 16;
export const HELD_CARET = 32;
export const HELD_BAR = 64;

/** The HELD_* bit of each CLEAN_UNIT character (all ASCII; the tab has none). */
const HELD_BIT = buildHeldBits();

function buildHeldBits(): Uint8Array {
  const bits = new Uint8Array(128);
  const pairs: [string, number][] = [["\f", HELD_FORMFEED], ["#", HELD_HASH], ["\\", HELD_BACKSLASH], ["*", HELD_STAR], ["_", HELD_UNDERSCORE], ["^", HELD_CARET], ["|", HELD_BAR]];
  for (const [ch, bit] of pairs) bits[ch.charCodeAt(0)] = bit;
  return bits;
}

function buildTable(): Uint8Array {
  const bits = new Uint8Array(0x10000).fill(NFC_UNSTABLE);
  for (const [first, last] of NFC_STABLE_RANGES) bits.fill(0, first, last + 1);
  const mark = (bit: number, units: string): void => {
    for (let k = 0; k < units.length; k++) bits[units.charCodeAt(k)]! |= bit;
  };
  const marker = new RegExp(`[${MARKER_CLASS}]`);
  for (let c = 0; c < 0x100; c++) if (marker.test(String.fromCharCode(c))) bits[c]! |= MARKER_UNIT;
  mark(PDF_OI_UNIT, "\u01a2\u01a3");
  mark(VIQR_UNIT, "^+`~");
  mark(LAYOUT_UNIT, "\r\u00a0\u2007\u202f\u200b\u200c\u200d\ufeffÐð");
  mark(CLEAN_UNIT, "*#\\^|_\t\f");
  mark(SPACE_UNIT, " ");
  mark(NEWLINE_UNIT, "\n");
  return bits;
}

/** UnitScan.lines: the line needs normalizeText's cleaning (the other bits are HELD_*). */
export const LINE_DIRTY = 128;

export interface UnitScan {
  /** The *_UNIT bits (NFC_UNSTABLE … LAYOUT_UNIT) that some unit of the text has. */
  classes: number;
  /**
   * Per line of `text.split("\n")`: the HELD_* bits of the cleanup characters it holds, and
   * LINE_DIRTY when /[*#\\^|_\t\f]| {2}/ matches in it (the line needs normalizeText's cleaning).
   * One array for both: a typed array of over 64 bytes costs ~0.2 µs to allocate.
   */
  lines: Uint8Array;
}

/** The typed copy scanUnits and unitClasses read (neither keeps it, nor calls the other). */
const scanScratch = new UnitScratch();

/** One pass: the unit classes of `text` and which of its lines need cleaning. */
export function scanUnits(text: string): UnitScan {
  let lineCount = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCount++;
  const lines = new Uint8Array(lineCount);
  const units = scanScratch.copy(text);
  let classes = 0;
  let line = 0;
  for (let i = 0; i < units.length; i++) {
    const b = BITS[units[i]!]!;
    if (b === 0) continue;
    if (b === SPACE_UNIT) {
      // " {2}": a space followed by a space.
      if (i + 1 < units.length && units[i + 1] === 32) lines[line]! |= LINE_DIRTY;
      continue;
    }
    classes |= b;
    if (b & NEWLINE_UNIT) line++;
    else if (b & CLEAN_UNIT) lines[line]! |= LINE_DIRTY | HELD_BIT[units[i]!]!;
  }
  return { classes: classes & CLASS_BITS, lines };
}

/** The *_UNIT bits (NFC_UNSTABLE … LAYOUT_UNIT) that some unit of `text` has: scanUnits without the lines. */
export function unitClasses(text: string): number {
  const units = scanScratch.copy(text);
  let classes = 0;
  for (let i = 0; i < units.length; i++) classes |= BITS[units[i]!]!;
  return classes & CLASS_BITS;
}
