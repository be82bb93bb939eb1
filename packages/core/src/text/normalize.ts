/**
 * @module text/normalize
 * Repairs extraction noise and produces the normalized text that every span points into:
 * markdown emphasis and escapes, YAML front matter, page breaks, page numbers and running
 * headers, column gaps (tabs, runs of spaces from `pdftotext -layout`) and hard-wrapped lines
 * (including wraps separated by blank lines, and words or codes split at a line end).
 */
import { repairMojibake } from "./encoding.js";
import { HELD_BACKSLASH, HELD_BAR, HELD_CARET, HELD_FORMFEED, HELD_HASH, HELD_STAR, HELD_UNDERSCORE, LAYOUT_UNIT, LINE_DIRTY, scanUnits, unitClasses } from "./unitscan.js";
import { mayBeListMarker, mayBePageNumber, maySectionStart, opensLetterParen } from "./lineguards.js";
import { caseCount, isSpaceUnit, shareOf, startsLower, startsUpper, type CaseCount } from "./fold.js";

/** Column separator in normalized text: a two-column line keeps its cells apart with a tab. */
export const COLUMN = "\t";

const LIST_MARKER = /^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*\)|[IVXLC]{1,6}\s*[.)]|[-–—+•*·●▪○]\s|[-–—+•]\S|Điều\s+\d+|Điều\s+[IVX]+)/u;
const PARAGRAPH_OPENER = /^(?:Thực hiện|Căn cứ|Triển khai|Theo đề nghị|Xét đề nghị|Nhằm|Trên cơ sở|Tiếp theo|Ngày \d|Sáng ngày|Chiều ngày|Nhận được|Trân trọng|Hưởng ứng|Liên quan)/u;
/** A line ending on one of these words has not finished its phrase. */
const OPEN_WORDS = ["của", "về", "số", "và", "với", "tại", "cho", "các", "ngày", "theo", "đối với", "trong", "trên", "thuộc", "kèm theo"];
export const OPEN_ENDING = new RegExp(`(?:^|\\s)(?:${OPEN_WORDS.join("|")})\\s*$`, "iu");
const SECTION_START = /^(?:n[ơo]i\s*nh[aậ]n|k[íi]nh\s*g[ửu]i|căn\s*cứ|quyết\s*định\s*:|t[\/.]?\s*[mlM]\b|kt\b|tl\b|tm\b|\W{0,2}v\s*\/\s*v|s[ốoóôơ6]\s*[:;]|\$6|thông báo|quyết định|chỉ thị|công điện)/iu;
/** A header line: a place-date line or the national/Party heading (the two alternatives of the original pattern). */
const HEADER_DATE = /(?:ngày|ngay|tháng|thang)[^\n]{0,20}(?:năm|nam)\s*\d{4}\s*$/iu;
const HEADER_PHRASES = ["độc lập", "hạnh phúc", "xã hội chủ nghĩa", "đảng cộng sản"];
const HEADER_WORDS = new RegExp(HEADER_PHRASES.join("|"), "iu");
/** A HEADER_WORDS match is as long as its phrase (case folding maps one character to one). */
const HEADER_WORD_MAX = Math.max(...HEADER_PHRASES.map((p) => p.length));

/** Normalize a document's raw text (any extractor's output) for parsing. */
export function normalizeText(raw: string): string {
  const scan = scanUnits(raw);
  let text = repairMojibake(raw, scan.classes).text;
  // The raw text's scan answers for the text as long as nothing has changed it; else it is scanned again.
  if (((text === raw ? scan.classes : unitClasses(text)) & LAYOUT_UNIT) !== 0) {
    text = text.replace(/\r\n?/g, "\n").replace(/[\u00a0\u2007\u202f]/g, " ").replace(/[\u200b-\u200d\ufeff]/g, "").replace(/Ð/g, "Đ").replace(/ð/g, "đ");
  }
  const body = stripFrontMatter(text);
  const lineScan = body === raw ? scan : scanUnits(body);
  let lines = body.split("\n").map((line, k) => ((lineScan.lines[k]! & LINE_DIRTY) !== 0 ? cleanLine(line, lineScan.lines[k]!) : line.trim()));
  lines = dropPageArtifacts(lines);
  lines = joinWrappedLines(lines);
  return collapseBlankLines(lines).join("\n").trim();
}

function stripFrontMatter(text: string): string {
  const m = /^\s*---\n[\s\S]{0,4000}?\n---\n/.exec(text);
  return m && /^\s*---\n(?:[\w-]+:.*\n)+---\n/.test(m[0]) ? text.slice(m[0].length) : text;
}

/** A table row written with bars between cells ("1 | Nội dung | Sở Y tế | …"): at least three cells. */
const TABLE_ROW = /^[^|\n]*\S\s+\|\s+\S[^|\n]*\|\s+\S/;

/**
 * Markdown and layout cleanup inside a line that needs it; column gaps become one tab. Each
 * pattern needs a character the `includes` guard looks for, so a line skips what cannot match.
 * `held` (HELD_* bits from scanUnits' lines) says which markdown characters the line holds: the
 * replacements only remove those (or turn "|" into a tab), so one the line lacks is never
 * found by a later guard either, and its `includes` need not run.
 */
function cleanLine(line: string, held: number): string {
  let s = (held & HELD_FORMFEED) !== 0 && line.includes("\f") ? line.replace(/\f/g, "") : line;
  if ((held & HELD_HASH) !== 0 && s.includes("#")) s = s.replace(/^\s{0,3}#{1,6}\s+/, "");
  if ((held & HELD_BACKSLASH) !== 0 && s.includes("\\")) s = s.replace(/\\([*_\-.#()[\]`>+!|])/g, "$1");
  if ((held & (HELD_STAR | HELD_UNDERSCORE)) !== 0 && (s.includes("**") || s.includes("__"))) s = s.replace(/\*\*|__/g, "");
  if ((held & HELD_STAR) !== 0 && s.includes("*")) s = s.replace(/(^|[\s(“"])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:)”"])/g, "$1$2");
  if ((held & HELD_CARET) !== 0 && s.includes("^(")) s = s.replace(/\^\(([^)]{0,20})\)/g, "");
  if ((held & HELD_BAR) !== 0 && s.includes("|") && (/^\s*\|.*\|\s*$/.test(s) || TABLE_ROW.test(s))) s = s.replace(/^\s*\||\|\s*$/g, "").replace(/\s*\|\s*/g, COLUMN);
  if (s.includes("\t") || s.includes("   ")) s = s.replace(/[ ]{3,}|\s*\t[\s\t]*/g, (gap, offset: number) => (offset === 0 ? "" : COLUMN));
  if (s.includes("  ")) s = s.replace(/[ ]{2}/g, " ");
  return trimTabsAndSpaces(s);
}

/** s.replace(/^[\t ]+|[\t ]+$/g, "") */
function trimTabsAndSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  const gap = (c: number): boolean => c === 32 || c === 9;
  while (start < end && gap(s.charCodeAt(start))) start++;
  while (end > start && gap(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const PAGE_NUMBER = /^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;
const PAGE_BREAK = /^-{2,}\s*page\s*break\s*-{2,}$/i;

const WATERMARK = /www\.|https?:|\btel\b|\bfax\b|thuvienphapluat/i;

/** Page breaks, lone page numbers and watermark lines repeated across pages. */
function dropPageArtifacts(lines: string[]): string[] {
  const repeated = repeatedWatermarks(lines);
  return lines.map((l, i) => {
    if (l.startsWith("--") && PAGE_BREAK.test(l)) return "";
    if (mayBePageNumber(l) && PAGE_NUMBER.test(l) && isIsolated(lines, i)) return "";
    if (repeated.size > 0 && repeated.has(l)) return "";
    return l;
  });
}

/** Buckets of lineShape (a power of two). */
const SHAPE_BUCKETS = 1024;

/** Equal lines have equal shapes: a bucket of length and edge units (collisions only cost a test). */
function lineShape(l: string): number {
  return (l.length * 31 + l.charCodeAt(0) * 7 + l.charCodeAt(l.length - 1)) & (SHAPE_BUCKETS - 1);
}

/**
 * repeatedWatermarks' counts per shape (0, 1, 2 = twice or more), reused from call to call: a typed
 * array of over 64 bytes is allocated outside V8's heap (~0.4 µs, plus GC work), a fill costs ~30 ns.
 */
const SHAPE_COUNTS = new Uint8Array(SHAPE_BUCKETS);

/**
 * The lines longer than 12 that match WATERMARK and occur at least twice: what dropPageArtifacts
 * drops as repeated watermarks. A line that occurs twice shares its shape with another, so
 * WATERMARK (~100 ns a line) runs only on lines whose shape is shared; a line of a shape seen
 * once has a count of one either way.
 */
export function repeatedWatermarks(lines: string[]): Set<string> {
  const shapes = SHAPE_COUNTS.fill(0);
  for (const l of lines) if (l.length > 12 && shapes[lineShape(l)]! < 2) shapes[lineShape(l)]!++;
  const counts = new Map<string, number>();
  const repeated = new Set<string>();
  for (const l of lines) {
    if (l.length <= 12 || shapes[lineShape(l)]! < 2 || !WATERMARK.test(l)) continue;
    const seen = counts.get(l) ?? 0;
    counts.set(l, seen + 1);
    if (seen === 1) repeated.add(l);
  }
  return repeated;
}

function isIsolated(lines: string[], i: number): boolean {
  return (lines[i - 1] ?? "") === "" || (lines[i + 1] ?? "") === "" || i === 0;
}

function collapseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l !== "" || (out.length > 0 && out[out.length - 1] !== "")) out.push(l);
  return out;
}

interface WrapStats {
  width: number;
  blankSeparated: boolean;
}

/** wrapStats' line lengths, reused from call to call (as SHAPE_COUNTS); grown when a text has more lines. */
let lengthScratch = new Int32Array(256);

function wrapStats(lines: string[]): WrapStats {
  let count = 0;
  for (const l of lines) if (l.length > 0) count++;
  if (lengthScratch.length < count) lengthScratch = new Int32Array(count * 2);
  const lengths = lengthScratch.subarray(0, count);
  let k = 0;
  for (const l of lines) if (l.length > 0) lengths[k++] = l.length;
  lengths.sort();
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  let followedByBlank = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i] === "") continue;
    nonEmpty++;
    if (lines[i + 1] === "") followedByBlank++;
  }
  return { width, blankSeparated: nonEmpty > 10 && followedByBlank / nonEmpty > 0.6 };
}

/**
 * What joinGlue tests on whole lines, computed once per line: a line is tested as the next line,
 * then again as the current one.
 */
class LineFacts {
  private readonly column: (boolean | undefined)[] = [];
  private readonly header: (boolean | undefined)[] = [];
  private readonly cases: (CaseCount | undefined)[] = [];

  constructor(readonly lines: string[]) {}

  hasColumn(k: number): boolean {
    return (this.column[k] ??= this.lines[k]!.includes(COLUMN));
  }

  isHeader(k: number): boolean {
    return (this.header[k] ??= isHeaderLine(this.lines[k]!));
  }

  caseOf(k: number): CaseCount {
    return (this.cases[k] ??= caseCount(this.lines[k]!));
  }
}

/**
 * The line (`line` ≥ 0) or joined paragraph (`line` = -1) joinWrappedLines is extending; one
 * object per call, reset for each paragraph. A paragraph's facts come from its parts, not from
 * rescanning it at every join (which is quadratic in a hard-wrapped paragraph): a join happens
 * only when joinGlue found neither part to hold a column gap or a header phrase, and the glue is
 * " " or "". WHY the parts: `text` is built by concatenation (a rope); reading its units would
 * flatten (copy) the whole paragraph at every join, so edge tests read the last line instead.
 */
class Paragraph implements CaseCount {
  text = "";
  line = 0;
  /** The line joined last (the paragraph's tail); the text and tail before that join. */
  last = "";
  before = "";
  lastBefore = "";
  /** Paragraph: letter counts and white space (sums over its lines). */
  upper = 0;
  lower = 0;
  spaced = false;
  /** Paragraph: the glue put at the last join. */
  glue = "";

  start(line: number, text: string): void {
    this.text = text;
    this.last = text;
    this.line = line;
  }

  join(glue: string, line: string, a: CaseCount, b: CaseCount): void {
    this.upper = a.upper + b.upper;
    this.lower = a.lower + b.lower;
    this.spaced = a.spaced || glue !== "" || b.spaced;
    this.before = this.text;
    this.lastBefore = this.last;
    this.glue = glue;
    this.last = line;
    this.text = this.text + glue + line;
    this.line = -1;
  }
}

function currentCases(a: Paragraph, f: LineFacts): CaseCount {
  return a.line >= 0 ? f.caseOf(a.line) : a;
}

function hasColumn(a: Paragraph, f: LineFacts): boolean {
  return a.line >= 0 && f.hasColumn(a.line);
}

/** lastNonSpace(a.text), from the last line when it has a non-space unit. */
function tailUnit(a: Paragraph): number {
  const c = lastNonSpace(a.last);
  return c >= 0 || a.line >= 0 ? c : lastNonSpace(a.text);
}

/** endsHyphenated(a.text): its last two units are the last line's when that has two. */
function paragraphEndsHyphenated(a: Paragraph): boolean {
  return endsHyphenated(a.last.length >= 2 ? a.last : a.text);
}

/** isOpenEnding(a.text): the tail it tests lies in the last line when that line is long enough. */
function paragraphOpenEnding(a: Paragraph): boolean {
  if (a.line >= 0) return isOpenEnding(a.text);
  return isOpenEnding(trimmedEnd(a.last) > OPEN_TAIL ? a.last : a.text);
}

/** The units of a.text around the last seam that a header phrase across it could span. */
function seamWindow(a: Paragraph): string {
  const reach = HEADER_WORD_MAX - 1;
  // Sliced from the line before the seam when it reaches back far enough (no rope flattening).
  const from = a.lastBefore.length >= reach ? a.lastBefore : a.before;
  const head = from.slice(Math.max(0, from.length - reach));
  return head + a.glue + a.last.slice(0, reach);
}

/** A paragraph's parts hold no header phrase, so one can only straddle the last seam. */
function isHeader(a: Paragraph, f: LineFacts): boolean {
  if (a.line >= 0) return f.isHeader(a.line);
  const last = tailUnit(a);
  if (last >= 48 && last <= 57 && HEADER_DATE.test(a.text)) return true;
  return mayHoldHeaderWord(seamWindow(a));
}

function isCapsPhrase(c: CaseCount): boolean {
  return shareOf(c, 4) > 0.7 && c.spaced;
}

/** Joins lines that a PDF export or OCR wrapped inside a sentence. */
function joinWrappedLines(lines: string[]): string[] {
  const stats = wrapStats(lines);
  const facts = new LineFacts(lines);
  const out: string[] = [];
  const cur = new Paragraph();
  let i = 0;
  while (i < lines.length) {
    cur.start(i, lines[i]!);
    let j = i + 1;
    while (cur.text !== "") {
      const next = nextContent(lines, j, stats, cur);
      if (next === null) break;
      const glue = joinGlue(cur, next, facts, stats, next > j);
      if (glue === null) break;
      cur.join(glue, lines[next]!, currentCases(cur, facts), facts.caseOf(next));
      j = next + 1;
    }
    out.push(cur.text);
    if (j > i + 1) out.push("");
    i = j;
  }
  return out;
}

function nextContent(lines: string[], j: number, stats: WrapStats, cur: Paragraph): number | null {
  if (j >= lines.length) return null;
  if (lines[j] !== "") return j;
  const after = lines[j + 1] ?? "";
  if (after === "") return null;
  const continues = () =>
    startsLower(after) || paragraphOpenEnding(cur) || (paragraphEndsHyphenated(cur) && startsUpper(after)) || (opensWithDigit(after) && !endsSentenceUnit(tailUnit(cur)));
  return stats.blankSeparated || continues() ? j + 1 : null;
}

/** The text to put between two lines when they are one wrapped sentence, or null. */
function joinGlue(cur: Paragraph, bi: number, f: LineFacts, stats: WrapStats, acrossBlank: boolean): string | null {
  const b = f.lines[bi]!;
  // First the cheapest test that settles most pairs: a line ending a sentence is never joined
  // (none of the rules below can return glue for it; only null-returning tests come before them).
  const tail = tailUnit(cur);
  if (endsSentenceUnit(tail)) return null;
  if (hasColumn(cur, f) || f.hasColumn(bi)) return null;
  if ((mayBeListMarker(b) && LIST_MARKER.test(b)) || (maySectionStart(b) && SECTION_START.test(b))) return null;
  if (isHeader(cur, f) || f.isHeader(bi)) return null;
  if (startsUpper(b) && (/^\s*[-–]?\s*k[íi]nh\s*g[ửu]i/iu.test(cur.text) || (PARAGRAPH_OPENER.test(b) && tail !== 44))) return null;
  const glue = wrapGlue(cur, b, stats, acrossBlank, tail);
  // A line in capitals (a heading) is never joined; counted only for a pair that would join.
  if (glue === null || isCapsPhrase(currentCases(cur, f)) || isCapsPhrase(f.caseOf(bi))) return null;
  return glue;
}

/** The glue a wrapped sentence takes between `a` and `b` by their edges, or null (`tail`: tailUnit(a)). */
function wrapGlue(a: Paragraph, b: string, stats: WrapStats, acrossBlank: boolean, tail: number): string | null {
  if (paragraphEndsHyphenated(a) && /^[\p{Lu}\d]/u.test(b) && !/\s/.test(b.slice(0, 1))) return /^[\p{Lu}\d]{1,8}\b/u.test(b) ? "" : null;
  if (opensContinuation(b) && !opensLetterParen(b)) return " ";
  if (tail === 44 && !acrossBlank) return " ";
  const long = stats.width >= 40 && a.text.length >= stats.width * 0.6;
  return long && (!acrossBlank || stats.blankSeparated) ? " " : null;
}

/** /^\d/.test(s) */
function opensWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** /^[\p{Ll}(“"]/u.test(s): startsLower is /^\p{Ll}/u. */
export function opensContinuation(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 40 || c === 0x201c || c === 34 || startsLower(s);
}

/** HEADER_DATE can only match a line whose last non-space character is a digit. */
function isHeaderLine(s: string): boolean {
  const last = lastNonSpace(s);
  return (last >= 48 && last <= 57 && HEADER_DATE.test(s)) || mayHoldHeaderWord(s);
}

/**
 * HEADER_WORDS.test(s), run only when `s` has a letter every phrase has: ộ or ạ (either case; no
 * other letter case-folds to them), which ordinary lines mostly lack.
 */
function mayHoldHeaderWord(s: string): boolean {
  return (s.includes("ộ") || s.includes("ạ") || s.includes("Ộ") || s.includes("Ạ")) && HEADER_WORDS.test(s);
}

/** The last character of `s` that is not white space, as a code unit; -1 when there is none. */
function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
  return i < 0 ? -1 : s.charCodeAt(i);
}

/** /(?:[.:;!?]|\.\/\.)\s*$/ on a line whose lastNonSpace is `c` ("./." ends with "." too). */
function endsSentenceUnit(c: number): boolean {
  return c === 46 || c === 58 || c === 59 || c === 33 || c === 63;
}

/** /\S-$/ */
function endsHyphenated(s: string): boolean {
  const n = s.length;
  return n >= 2 && s.charCodeAt(n - 1) === 45 && !isSpaceUnit(s.charCodeAt(n - 2));
}

/** Longest OPEN_ENDING word plus the space before it. */
const OPEN_TAIL = 1 + Math.max(...OPEN_WORDS.map((w) => w.length));

/**
 * OPEN_ENDING.test(s) run on the tail that can hold the match: the word ends at the last
 * non-space character, so the regex need not be tried at every position of a long line.
 */
export function isOpenEnding(s: string): boolean {
  const end = trimmedEnd(s);
  return OPEN_ENDING.test(end > OPEN_TAIL ? s.slice(end - OPEN_TAIL) : s);
}

/** The length of `s` without its trailing white space. */
function trimmedEnd(s: string): number {
  let end = s.length;
  while (end > 0 && isSpaceUnit(s.charCodeAt(end - 1))) end--;
  return end;
}

