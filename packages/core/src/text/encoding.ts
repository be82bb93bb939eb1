/**
 * @module text/encoding
 * Bytes → Unicode NFC text for Vietnamese documents: UTF-8, UTF-16 (with or without BOM) and
 * the legacy encodings still met in older files (DOMAIN.md §7) — Windows-1258, TCVN3 (ABC) and
 * VNI-Windows — plus repair of legacy text that was already decoded wrongly (TCVN3/VNI shown as
 * Windows-1252, UTF-8 read as Windows-1252, VIQR). Candidates are compared by how Vietnamese
 * the result looks (share of valid syllables), never guessed from a single character.
 *
 * @example
 * decodeBytes(encodeTcvn3("Ban Chấp hành")).text; // "Ban Chấp hành", encoding "tcvn3"
 * repairMojibake("Uû ban nh©n d©n").text;         // "Uỷ ban nhân dân"
 */
import { CP1252, CP1258, TCVN3, cp1252Bytes, decodeTcvn3, decodeWith, reverseTable, tcvn3FromLatin1 } from "./legacy.js";
import { letterInfo, TONE_MARKS, untoned } from "./letters.js";
import { vietnameseScore } from "./syllable.js";
import { fromViqr } from "./viqr.js";
import { MARKER_CLASS, MARKER_UNIT, NFC_UNSTABLE, PDF_OI_UNIT, unitClasses, VIQR_UNIT } from "./unitscan.js";
import { fromVniString, toVniString } from "./vni.js";

export { toViqr } from "./viqr.js";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni-windows" | "viqr";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Legacy encoding detected and converted (or mojibake repaired). */
  converted: boolean;
}

const MARKER = new RegExp(`[${MARKER_CLASS}]`);
/** VIQR marks that Unicode Vietnamese text practically never has after a vowel. */
const VIQR_STRONG = /[aeoAEO]\^|[aA]\(|[oOuU]\+|[aeiouyAEIOUY][`~]|\\[\^(+'`?~.dD\\]/;
const VIQR_ANY = /[aeiouyAEIOUY][\^(+'`?~.]|[dD][dD]|\\[\^(+'`?~.dD\\]/;
/** A UTF-8 lead byte followed by a continuation byte, both shown as Windows-1252. */
const DOUBLE_UTF8 = /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;
/** Text with neither of these takes the fast path (char-class tests: ~1 µs per KB). */
const QUICK_MARKER = new RegExp(`[${MARKER_CLASS}\u01a2\u01a3]`);
const VIQR_CHAR = /[\^+`~]/;
const PDF_OI = /[\u01a2\u01a3]/g;

// ---------------------------------------------------------------------------------------------
// decodeBytes

/** Decodes a file's bytes to NFC text. Never throws. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  try {
    const unicode = decodeUnicode(bytes);
    return unicode ? finishUnicode(unicode.text, unicode.encoding) : decodeLegacy(bytes);
  } catch {
    return { text: new TextDecoder().decode(bytes), encoding: "utf-8", converted: false };
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function decodeUnicode(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  const utf16 = bomEncoding(bytes) ?? sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: "utf-8" };
  } catch {
    return null;
  }
}

function bomEncoding(b: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16 without BOM: ASCII and Latin letters leave a NUL in every other byte. */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.25 && evenNul <= pairs * 0.05) return "utf-16le";
  if (evenNul >= pairs * 0.25 && oddNul <= pairs * 0.05) return "utf-16be";
  return null;
}

function finishUnicode(text: string, encoding: TextEncodingName): DecodedText {
  if (!isSuspect(text)) return { text: text.normalize("NFC"), encoding, converted: false };
  const repaired = repairMojibake(text);
  return { text: repaired.text, encoding: repaired.encoding ?? encoding, converted: repaired.encoding !== null };
}

interface LegacyCodec {
  encoding: TextEncodingName;
  decode(bytes: Uint8Array): string;
}

const LENIENT_UTF8 = new TextDecoder("utf-8");

/**
 * In tie order: Windows-1258 first, as it reads plain Western text as it is; UTF-8 with a few
 * bad bytes (a damaged file) last, decoded with U+FFFD for them.
 */
const LEGACY: readonly LegacyCodec[] = [
  { encoding: "windows-1258", decode: (b) => decodeWith(b, CP1258) },
  { encoding: "tcvn3", decode: decodeTcvn3 },
  { encoding: "vni-windows", decode: (b) => fromVniString(decodeWith(b, CP1252)) },
  { encoding: "utf-8", decode: (b) => LENIENT_UTF8.decode(b) },
];

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const samples = sampleOf(bytes);
  let best = LEGACY[0]!;
  let bestScore = -Infinity;
  for (const codec of LEGACY) {
    let score = 0;
    for (const part of samples) score += vietnameseScore(codec.decode(part).normalize("NFC"));
    if (score > bestScore) [best, bestScore] = [codec, score];
  }
  // Nothing reads as Vietnamese (Western text, binary): the plain code page, without heuristics.
  if (bestScore <= 0) best = LEGACY[0]!;
  const text = best.decode(bytes).normalize("NFC");
  return { text, encoding: best.encoding, converted: best.encoding !== "utf-8" };
}

/** The whole input when small, else 8 slices of 8 KB spread over it (keeps 10 MB fast). */
function sampleOf(bytes: Uint8Array): Uint8Array[] {
  const size = 8192;
  if (bytes.length <= 8 * size) return [bytes];
  const step = Math.floor((bytes.length - size) / 7);
  return Array.from({ length: 8 }, (_, i) => bytes.subarray(i * step, i * step + size));
}

// ---------------------------------------------------------------------------------------------
// repairMojibake

interface Repair {
  encoding: TextEncodingName;
  /** A sign of this form; the text must show it somewhere for the form to be tried. */
  evidence: RegExp;
  /** Cheap test that a line may be in this form. */
  applies: RegExp;
  convert(line: string): string | null;
}

/** A line with any Latin-1 character may be TCVN3/VNI ("Sè 820" is "Số 820" in TCVN3). */
const LATIN1 = /[\u0080-\u009f\u00a1-\u00ff]/;

/** The forms legacy text takes inside decoded text. */
const REPAIRS: readonly Repair[] = [
  { encoding: "tcvn3", evidence: MARKER, applies: LATIN1, convert: tcvn3FromLatin1 },
  { encoding: "vni-windows", evidence: MARKER, applies: LATIN1, convert: fromVniString },
  { encoding: "utf-8", evidence: DOUBLE_UTF8, applies: DOUBLE_UTF8, convert: undoDoubleUtf8 },
  { encoding: "viqr", evidence: VIQR_STRONG, applies: VIQR_ANY, convert: fromViqr },
];

interface Option {
  encoding: TextEncodingName;
  text: string;
  /** Score of the converted line minus score of the line as it is. */
  gain: number;
}

/**
 * Repairs legacy text inside decoded text. The document's main form is found on a sample of
 * lines; a document wholly in that form is converted at once, otherwise line by line: a line
 * follows the main form unless it has Unicode-only Vietnamese letters or reads worse for it, and
 * another form needs its own evidence in the line and a clear gain. Genuine Unicode Vietnamese
 * stays as it is. Also NFD → NFC and the PDF font artefact Ƣ/ƣ (U+01A2/3) → Ư/ư ("BỘ TRƢỞNG").
 */
export function repairMojibake(text: string, classes = unitClasses(text)): { text: string; encoding: TextEncodingName | null } {
  try {
    return repair(text, classes);
  } catch {
    return { text, encoding: null };
  }
}

/** `classes`: unitClasses(text) (normalizeText passes its scanUnits result). */
function repair(text: string, classes: number): { text: string; encoding: TextEncodingName | null } {
  const nfc = nfcWithoutOi(text, classes);
  const repairs = nfc.suspect ? REPAIRS.filter((r) => r.evidence.test(nfc.text)) : [];
  if (repairs.length === 0) return { text: nfc.text, encoding: null };
  return repairForms(nfc.text, repairs);
}

/** Repairs the legacy forms in `nfc` (NFC text, suspect), trying those whose evidence it shows. */
function repairForms(nfc: string, repairs: readonly Repair[]): { text: string; encoding: TextEncodingName | null } {
  const sample = sampleLines(nfc);
  const found = mainRepair(sample, repairs);
  if (isGarbage(sample, found)) return { text: nfc, encoding: null };
  const main = found?.repair ?? null;
  // A document wholly in one form converts in one pass (fast on 10 MB).
  if (main && found?.pure && !UNICODE_ONLY_LETTER.test(nfc)) {
    const whole = main.convert(nfc);
    if (whole !== null) return { text: whole.normalize("NFC"), encoding: main.encoding };
  }
  const lines = nfc.split("\n");
  const mainLines = main ? convertLines(main, nfc, lines) : [];
  const used = new Map<TextEncodingName, number>();
  const out = lines.map((line, i) => {
    const pick = repairLine(line, repairs, main && { repair: main, line: mainLines[i] ?? null });
    if (!pick) return line;
    used.set(pick.encoding, (used.get(pick.encoding) ?? 0) + 1);
    return pick.text;
  });
  if (used.size === 0) return { text: nfc, encoding: null };
  const encoding = [...used].sort((a, b) => b[1] - a[1])[0]![0];
  return { text: out.join("\n").normalize("NFC"), encoding };
}

/**
 * `text.normalize("NFC")` with the PDF artefact Ƣ/ƣ made Ư/ư, and whether the result is suspect
 * (isSuspect). The usual text has no unit that either step could change (`classes` says so):
 * then it is its own result, and its markers settle suspicion without another scan.
 */
function nfcWithoutOi(text: string, classes: number): { text: string; suspect: boolean } {
  if ((classes & (NFC_UNSTABLE | PDF_OI_UNIT)) === 0) {
    return { text, suspect: (classes & MARKER_UNIT) !== 0 || ((classes & VIQR_UNIT) !== 0 && VIQR_STRONG.test(text)) };
  }
  const nfc = text.normalize("NFC").replace(PDF_OI, (c) => (c === "\u01a2" ? "\u01af" : "\u01b0"));
  return { text: nfc, suspect: isSuspect(nfc) };
}

function isSuspect(text: string): boolean {
  return QUICK_MARKER.test(text) || (VIQR_CHAR.test(text) && VIQR_STRONG.test(text));
}

/** About 2,000 lines (at most 4,000 characters each) spread over the text. */
function sampleLines(text: string): string[] {
  const probes = 2000;
  if (text.length <= probes * 200) {
    const lines = text.split("\n");
    const step = Math.max(1, lines.length / probes);
    const sample: string[] = [];
    for (let i = 0; i < lines.length; i += step) sample.push(lines[Math.floor(i)]!.slice(0, 4000));
    return sample;
  }
  // Large text: read the line that starts after each probe offset, without splitting it all.
  const sample: string[] = [];
  for (let k = 0; k < probes; k++) {
    const at = Math.floor((k * text.length) / probes);
    const window = text.slice(at, at + 8000);
    const from = window.indexOf("\n") + 1;
    const to = window.indexOf("\n", from);
    sample.push(window.slice(from, to < 0 ? from + 4000 : Math.min(to, from + 4000)));
  }
  return sample;
}

interface MainRepair {
  repair: Repair;
  /** Every sampled line with its evidence gains, and none has Unicode-only letters. */
  pure: boolean;
}

/**
 * The form most of the document is in. Over the sampled lines that show a form's evidence, the
 * conversion must gain overall (≥ 2), gain on at least half of them, and leave them looking
 * Vietnamese (score > 0): a wrong form or garbage gains here and there but stays garbled.
 */
function mainRepair(sample: string[], repairs: readonly Repair[]): MainRepair | null {
  let best: MainRepair | null = null;
  let bestGain = 1;
  const unicodeLines = sample.some((line) => UNICODE_ONLY_LETTER.test(line));
  for (const repair of repairs) {
    let gain = 0;
    let score = 0;
    let lines = 0;
    let gaining = 0;
    let losing = 0;
    for (const line of sample) {
      if (!repair.evidence.test(line)) continue;
      const base = vietnameseScore(line);
      const lineGain = convert(repair, line, base)?.gain ?? 0;
      lines++;
      gain += lineGain;
      score += base + lineGain;
      if (lineGain > 0) gaining++;
      if (lineGain < 0) losing++;
    }
    if (gain > bestGain && score > 0 && gaining * 2 >= lines) {
      best = { repair, pure: losing === 0 && !unicodeLines };
      bestGain = gain;
    }
  }
  return best;
}

/** Most sampled lines garbled and no form fits: not text in any form we know (random bytes). */
function isGarbage(sample: string[], main: MainRepair | null): boolean {
  if (main !== null || sample.length < 20) return false;
  return sample.filter((line) => MARKER.test(line)).length > sample.length / 2;
}

/** Letters outside Latin-1 that legacy text shown as CP1252, or VIQR, cannot contain. */
const UNICODE_ONLY_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/**
 * The main form's conversion of every line. One pass over the whole text is much faster than one
 * per line; the conversions keep line breaks, except UTF-8 repair, which must fail line by line.
 */
function convertLines(main: Repair, text: string, lines: string[]): (string | null)[] {
  if (main.encoding === "utf-8") return lines.map((line) => main.convert(line));
  return main.convert(text)?.split("\n") ?? [];
}

interface MainForm {
  repair: Repair;
  /** This line converted to the main form. */
  line: string | null;
}

function repairLine(line: string, repairs: readonly Repair[], main: MainForm | null): Option | null {
  if (!repairs.some((r) => r.applies.test(line))) return null;
  const unicode = UNICODE_ONLY_LETTER.test(line);
  let base: number | null = null;
  const score = (): number => (base ??= vietnameseScore(line));
  // Follow the document's form unless the line already has Unicode Vietnamese ("Như trên").
  const follows = main !== null && main.line !== null && !unicode && main.repair.applies.test(line);
  const followed = follows ? option(main.repair, line, main.line, score()) : null;
  if (followed && followed.gain >= 2) return followed;
  // Other forms need the line's own evidence and clear gain (VIQR's strong marks need less, but
  // no Unicode letters beside them: "lệnh `hoa`" is markdown, not VIQR).
  let best: Option | null = null;
  for (const r of repairs) {
    if ((follows && r === main.repair) || !r.evidence.test(line) || (unicode && r.encoding === "viqr")) continue;
    const candidate = convert(r, line, score());
    const required = r.encoding === "viqr" ? 1 : 2;
    if (candidate && candidate.gain >= required && (!best || candidate.gain > best.gain)) best = candidate;
  }
  // With the form's evidence a line must not lose by following; without it, it must read better
  // ("Sè 820" → "Số 820"), as a genuine line may read as well ("công" → "cụng").
  const needed = main?.repair.evidence.test(line) ? 0 : 1;
  if (followed && followed.gain >= needed && (!best || followed.gain >= best.gain - 1)) return followed;
  return best;
}

/** An option for `converted`, scored against the line's `base` score; null for no change. */
function option(repair: Repair, line: string, converted: string | null, base: number): Option | null {
  if (converted === null || converted === line) return null;
  return { encoding: repair.encoding, text: converted, gain: vietnameseScore(converted) - base };
}

function convert(repair: Repair, line: string, base: number): Option | null {
  return option(repair, line, repair.convert(line), base);
}

/** "Viá»‡t" → "Việt": UTF-8 bytes that were read as Windows-1252. Null unless valid UTF-8. */
function undoDoubleUtf8(line: string): string | null {
  const bytes = cp1252Bytes(line);
  if (!bytes) return null;
  const text = LENIENT_UTF8.decode(bytes); // no exceptions: costly on every line of a garbled file
  return text.includes("\ufffd") && !line.includes("\ufffd") ? null : text;
}

// ---------------------------------------------------------------------------------------------
// Encoders (test fixtures and round trips)

const QUESTION_MARK = 0x3f;

/** Encodes NFC text a code point at a time (at most two bytes each); "?" when there is no byte. */
function encodeChars(text: string, bytesOf: (ch: string) => readonly number[] | undefined): Uint8Array {
  const nfc = text.normalize("NFC");
  const out = new Uint8Array(nfc.length * 2);
  let n = 0;
  for (const ch of nfc) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    for (const b of bytesOf(ch) ?? [QUESTION_MARK]) out[n++] = b;
  }
  return out.slice(0, n);
}

function isTonedCapital(ch: string): boolean {
  const info = letterInfo(ch);
  return info !== undefined && info.upper && info.tone > 0;
}

const TCVN3_BYTES = reverseTable(TCVN3, (ch) => !isTonedCapital(ch));

/**
 * Unicode → TCVN3 bytes. Toned capitals have no TCVN3 code; like text typed in .VnTimeH they
 * get the lower-case code, so they decode as lower case unless the word is visibly capitals.
 */
export function encodeTcvn3(text: string): Uint8Array {
  return encodeChars(text, (ch) => {
    const b = TCVN3_BYTES.get(ch) ?? TCVN3_BYTES.get(ch.toLowerCase());
    return b === undefined ? undefined : [b];
  });
}

const CP1252_BYTES = reverseTable(CP1252);

/** Unicode → VNI-Windows bytes, as a Windows-1252 editor saves text typed in a VNI font. */
export function encodeVni(text: string): Uint8Array {
  return encodeChars(toVniString(text), (ch) => {
    const b = CP1252_BYTES.get(ch);
    return b === undefined ? undefined : [b];
  });
}

const CP1258_BYTES = reverseTable(CP1258);

/** Unicode → Windows-1258 bytes: precomposed where the code page has the letter, else base + tone mark. */
export function encodeWindows1258(text: string): Uint8Array {
  return encodeChars(text, (ch) => {
    const direct = CP1258_BYTES.get(ch);
    if (direct !== undefined) return [direct];
    const tone = letterInfo(ch)?.tone ?? 0;
    const base = CP1258_BYTES.get(untoned(ch));
    const mark = CP1258_BYTES.get(TONE_MARKS[tone]!);
    return tone > 0 && base !== undefined && mark !== undefined ? [base, mark] : undefined;
  });
}
