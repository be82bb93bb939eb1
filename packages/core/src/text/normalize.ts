/**
 * @module text/normalize
 * Repairs extraction noise and produces the normalized text that every span points into:
 * markdown emphasis and escapes, YAML front matter, page breaks, page numbers and running
 * headers, column gaps (tabs, runs of spaces from `pdftotext -layout`) and hard-wrapped lines
 * (including wraps separated by blank lines, and words or codes split at a line end).
 */
import { repairMojibake } from "./encoding.js";
import { upperShare } from "./fold.js";

/** Column separator in normalized text: a two-column line keeps its cells apart with a tab. */
export const COLUMN = "\t";

const LIST_MARKER = /^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*\)|[IVXLC]{1,6}\s*[.)]|[-–—+•*·●▪○]\s|[-–—+•]\S|Điều\s+\d+|Điều\s+[IVX]+)/u;
const PARAGRAPH_OPENER = /^(?:Thực hiện|Căn cứ|Triển khai|Theo đề nghị|Xét đề nghị|Nhằm|Trên cơ sở|Tiếp theo|Ngày \d|Sáng ngày|Chiều ngày|Nhận được|Trân trọng|Hưởng ứng|Liên quan)/u;
/** A line ending on one of these words has not finished its phrase. */
export const OPEN_ENDING = /(?:^|\s)(?:của|về|số|và|với|tại|cho|các|ngày|theo|đối với|trong|trên|thuộc|kèm theo)\s*$/iu;
const SENTENCE_END = /(?:[.:;!?]|\.\/\.)\s*$/u;
const SECTION_START = /^(?:n[ơo]i\s*nh[aậ]n|k[íi]nh\s*g[ửu]i|căn\s*cứ|quyết\s*định\s*:|t[\/.]?\s*[mlM]\b|kt\b|tl\b|tm\b|\W{0,2}v\s*\/\s*v|s[ốoóôơ6]\s*[:;]|\$6|thông báo|quyết định|chỉ thị|công điện)/iu;
const HEADER_LINE = /(?:ngày|ngay|tháng|thang)[^\n]{0,20}(?:năm|nam)\s*\d{4}\s*$|độc lập|hạnh phúc|xã hội chủ nghĩa|đảng cộng sản/iu;

/** Normalize a document's raw text (any extractor's output) for parsing. */
export function normalizeText(raw: string): string {
  let text = repairMojibake(raw).text;
  text = text.replace(/\r\n?/g, "\n").replace(/[\u00a0\u2007\u202f]/g, " ").replace(/[\u200b-\u200d\ufeff]/g, "").replace(/Ð/g, "Đ").replace(/ð/g, "đ");
  text = stripFrontMatter(text);
  let lines = text.split("\n").map(cleanLine);
  lines = dropPageArtifacts(lines);
  lines = joinWrappedLines(lines);
  return collapseBlankLines(lines).join("\n").trim();
}

function stripFrontMatter(text: string): string {
  const m = /^\s*---\n[\s\S]{0,4000}?\n---\n/.exec(text);
  return m && /^\s*---\n(?:[\w-]+:.*\n)+---\n/.test(m[0]) ? text.slice(m[0].length) : text;
}

const NEEDS_CLEANING = /[*#\\^|_\t\f]| {2}/;

/** Markdown and layout cleanup inside one line; column gaps become one tab. */
function cleanLine(line: string): string {
  if (!NEEDS_CLEANING.test(line)) return line.trim();
  let s = line.replace(/\f/g, "");
  s = s.replace(/^\s{0,3}#{1,6}\s+/, "");
  s = s.replace(/\\([*_\-.#()[\]`>+!|])/g, "$1");
  s = s.replace(/\*\*|__/g, "");
  s = s.replace(/(^|[\s(“"])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:)”"])/g, "$1$2");
  s = s.replace(/\^\(([^)]{0,20})\)/g, "");
  if (/^\s*\|.*\|\s*$/.test(s)) s = s.replace(/^\s*\||\|\s*$/g, "").replace(/\s*\|\s*/g, COLUMN);
  s = s.replace(/[ ]{3,}|\s*\t[\s\t]*/g, (gap, offset: number) => (offset === 0 ? "" : COLUMN));
  s = s.replace(/[ ]{2}/g, " ");
  return s.replace(/^[\t ]+|[\t ]+$/g, "");
}

const PAGE_NUMBER = /^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;
const PAGE_BREAK = /^-{2,}\s*page\s*break\s*-{2,}$/i;

/** Page breaks, lone page numbers and watermark lines repeated across pages. */
function dropPageArtifacts(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.length > 12) counts.set(l, (counts.get(l) ?? 0) + 1);
  return lines.map((l, i) => {
    if (PAGE_BREAK.test(l)) return "";
    if (PAGE_NUMBER.test(l) && isIsolated(lines, i)) return "";
    if ((counts.get(l) ?? 0) >= 2 && /www\.|https?:|\btel\b|\bfax\b|thuvienphapluat/i.test(l)) return "";
    return l;
  });
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

function wrapStats(lines: string[]): WrapStats {
  const lengths = lines.filter((l) => l.length > 0).map((l) => l.length).sort((a, b) => a - b);
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

/** Joins lines that a PDF export or OCR wrapped inside a sentence. */
function joinWrappedLines(lines: string[]): string[] {
  const stats = wrapStats(lines);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let cur = lines[i]!;
    let j = i + 1;
    while (cur !== "") {
      const next = nextContent(lines, j, stats, cur);
      if (next === null) break;
      const glue = joinGlue(cur, lines[next]!, stats, next > j);
      if (glue === null) break;
      cur = cur + glue + lines[next]!;
      j = next + 1;
    }
    out.push(cur);
    if (j > i + 1) out.push("");
    i = j;
  }
  return out;
}

function nextContent(lines: string[], j: number, stats: WrapStats, cur: string): number | null {
  if (j >= lines.length) return null;
  if (lines[j] !== "") return j;
  const after = lines[j + 1] ?? "";
  const continues = /^\p{Ll}/u.test(after) || OPEN_ENDING.test(cur) || (/\S-$/.test(cur) && /^\p{Lu}/u.test(after)) || (/^\d/.test(after) && !SENTENCE_END.test(cur));
  if (after !== "" && (stats.blankSeparated || continues)) return j + 1;
  return null;
}

/** The text to put between two lines when they are one wrapped sentence, or null. */
function joinGlue(a: string, b: string, stats: WrapStats, acrossBlank: boolean): string | null {
  if (a.includes(COLUMN) || b.includes(COLUMN)) return null;
  if (LIST_MARKER.test(b) || SECTION_START.test(b)) return null;
  if (HEADER_LINE.test(a) || HEADER_LINE.test(b)) return null;
  if (/^\p{Lu}/u.test(b) && (/^\s*[-–]?\s*k[íi]nh\s*g[ửu]i/iu.test(a) || (PARAGRAPH_OPENER.test(b) && !/,\s*$/.test(a)))) return null;
  if ((isMostlyUpper(a) && /\s/.test(a)) || (isMostlyUpper(b) && /\s/.test(b))) return null;
  if (/\S-$/.test(a) && /^[\p{Lu}\d]/u.test(b) && !/\s/.test(b.slice(0, 1))) return /^[\p{Lu}\d]{1,8}\b/u.test(b) ? "" : null;
  if (SENTENCE_END.test(a) && !/,\s*$/.test(a)) return null;
  const startsLower = /^[\p{Ll}(“"]/u.test(b) && !/^[a-zđ]\s*\)/u.test(b);
  if (startsLower) return " ";
  if (/,\s*$/.test(a) && !acrossBlank) return " ";
  const long = stats.width >= 40 && a.length >= stats.width * 0.6;
  return long && (!acrossBlank || stats.blankSeparated) ? " " : null;
}

function isMostlyUpper(s: string): boolean {
  return upperShare(s, 4) > 0.7;
}
