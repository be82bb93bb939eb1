/**
 * @module parser/header
 * The header of a directive (Decree 30/2020 boxes 1–5, HD 36-HD/VPTW components 1–5): national
 * or Party heading, issuing body and its parent, number and symbol, place and date, type name and
 * summary (trích yếu), urgency and secrecy marks. Two-column layouts arrive in many shapes (tab
 * cells, one line holding both columns, columns one after the other), so each element is looked
 * for on its own, on folded text, within the header zone.
 */
import type { Span } from "../errors.js";
import type { DocumentSystem, Secrecy, Urgency } from "../document/record.js";
import { typeByCode, typeByName, type DocumentTypeInfo } from "../document/types.js";
import { findDates, firstWordDate, ocrNumber } from "./dates.js";
import { cells, isBlank, type Doc, type Line } from "./lines.js";
import { agencyCase, isAllCaps } from "./names.js";
import { OPEN_ENDING } from "../text/normalize.js";
import { nearestProvince, restoreProvinceTail } from "../agencies/places.js";
import { restoreAgencyName } from "../agencies/known.js";
import { execAll, guarded, unitInHead } from "../text/scan.js";
import { memoize } from "../memo.js";
import { collapseSpaces, collapseTrimmed, isSpaceUnit } from "../text/fold.js";

export interface Located<T> {
  value: T;
  span: Span;
  line: number;
}

export interface Header {
  system: DocumentSystem | null;
  issuer: { name: string; parent: string | null; span: Span; parentSpan?: Span; line: number } | null;
  code: Located<string> | null;
  codeType: DocumentTypeInfo | null;
  title: Located<DocumentTypeInfo> | null;
  place: Located<string> | null;
  date: Located<string | null> | null;
  subject: Located<string> | null;
  urgency: Located<Urgency> | null;
  secrecy: Located<Secrecy> | null;
  /** Index of the last line that belongs to the header. */
  lastLine: number;
}

/** Headings and marks that are never part of the issuer's name (folded, as regex sources). */
const STATE_HEADING = /c[o0]ng\s*h[o0]a\s*x[a4]\s*h[o0]i\s*ch[u]\s*ngh[i1l]a\s*v[i1l][e]t\s*nam/g;
const MOTTO = /d[o0]c\s*l[a4]p\s*[-–—~]*\s*t[uy]\s*d[o0]\s*[-–—~]*\s*h[a4]nh\s*ph[a-z]{0,2}c?/g;
const PARTY_HEADING = /dang\s*cong\s*san\s*viet\s*nam/g;
const UNION_HEADING = /^\s*doan\s*(?:tncs|thanh\s*nien\s*cong\s*san)\s*ho\s*chi\s*minh\s*$/;
const NOISE_LINE = /^\s*(?:van ban dien tu|cv den|den|so\s*:?\s*\d+\s*ngay.*|[*\-–—_=~.]+|cong van den.*)\s*$/;
const CODE_PREFIX = /(?<![a-z])(?:so|s6|\$6|\$o|s0|sô)\s*[:;.]?\s*(?=[0-9lI{|§#])/g;

export const TITLE_NAMES = ["thong bao", "quyet dinh", "chi thi", "ke hoach", "cong dien", "nghi quyet", "bao cao", "huong dan", "to trinh", "ket luan", "quy dinh", "quy che", "chuong trinh", "giay moi", "thong tri", "phuong an", "de an", "bien ban", "thong cao", "nghi dinh", "thong tu", "thong tu lien tich", "luat", "phap lenh", "lenh", "quyet nghi"];

interface Ctx {
  doc: Doc;
  /** Folded header lines with headings blanked out. */
  work: string[];
  limit: number;
}

export function parseHeader(doc: Doc): Header {
  const limit = headerLimit(doc);
  const ctx: Ctx = { doc, limit, work: [] };
  const system = blankHeadings(ctx);
  const code = findCode(ctx);
  const date = findPlaceDate(ctx, code);
  const title = findTitle(ctx);
  const subject = findSubject(ctx, code, title, date);
  const issuer = findIssuer(ctx, code, date);
  const marks = findMarks(ctx);
  const codeType = code ? typeFromCode(code.value) : null;
  const lastLine = Math.max(code?.line ?? 0, date?.line ?? 0, title?.line ?? 0, subject ? lineOf(doc, subject.span.end) : 0, issuer?.line ?? 0);
  return { system, issuer, code, codeType, title, place: date?.place ?? null, date: date?.date ?? null, subject, urgency: marks.urgency, secrecy: marks.secrecy, lastLine };
}

export function lineOf(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const BODY_START = /^(?:can cu|thuc hien|trien khai|huong ung|lien quan|theo de nghi|sang ngay|chieu ngay|ngay \d|tai hoi nghi|tai cuoc|trong thoi gian|de |qua |tren co so|nham |tiep theo|vua qua|hien nay|xet |sau khi|thuc hien|ban thuong vu|thuong truc)/;

/** The header zone ends at the first prose line or numbered item after the place-date line (at most 45 lines). */
function headerLimit(doc: Doc): number {
  // Both tests are pure: the rare word date is looked for first, the opening words only then.
  const dateLine = doc.lines.slice(0, 40).find((l) => wordDateBefore(l.folded, 60) && !/^\s*(?:thuc hien|can cu|theo)/.test(l.folded));
  const floor = dateLine ? dateLine.index + 1 : 0;
  let seen = 0;
  for (const line of doc.lines) {
    if (line.index >= 60 || seen >= 45) return Math.max(line.index, floor);
    if (isBlank(line)) continue;
    seen++;
    if (line.index < floor) continue;
    const f = line.folded;
    if (seen > 3 && /^(?:\d{1,2}\.\s|[ivx]+\.\s|dieu\s+1\b)/.test(f)) return line.index;
    if (seen > 3 && line.text.length > 100 && BODY_START.test(f)) return line.index;
    if (line.text.length > 160 && !line.text.includes("\t") && findDates(f).every((d) => d.index > 40)) return line.index;
  }
  return doc.lines.length;
}

/** A word date starts before `n` in folded `f`. */
function wordDateBefore(f: string, n: number): boolean {
  const at = firstWordDate(f);
  return at >= 0 && at < n;
}

function blankHeadings(ctx: Ctx): DocumentSystem | null {
  let system: DocumentSystem | null = null;
  for (let i = 0; i < ctx.limit; i++) {
    let f = ctx.doc.lines[i]!.folded;
    const before = f;
    // The includes guards name a literal each pattern needs.
    if (f.includes("nam")) f = f.replace(STATE_HEADING, (m) => " ".repeat(m.length));
    if (f !== before) system ??= "state";
    const beforeParty = f;
    if (f.includes("nam")) f = f.replace(PARTY_HEADING, (m) => " ".repeat(m.length));
    if (f !== beforeParty) system = system === "state" ? "state" : "party";
    if (f.includes("ph")) f = f.replace(MOTTO, (m) => " ".repeat(m.length));
    if (f.includes("doan") && UNION_HEADING.test(f)) f = " ".repeat(f.length);
    ctx.work.push(f);
  }
  return system;
}

interface CodeFound extends Located<string> {
  end: number;
}

/** "Số: 115/UBND-KGVX", "Số 820 -CV/TU", OCR "Só:43l¿LĐTBXH-ATLĐ", "$6:245/TLD", "Số: 1 0 9 4 3 /BYT-MT". */
function isOwnNumberPrefix(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  return /(?:^|\t|\s{2}|[*#>\-–]\s*)$/u.test(before) || /^[S$]/.test(text.slice(at, at + 1)) && !/\p{Ll}\s+$/u.test(before);
}

function findCode(ctx: Ctx): CodeFound | null {
  let fallback: CodeFound | null = null;
  for (let i = 0; i < ctx.limit; i++) {
    const f = ctx.work[i]!;
    for (const m of execAll(CODE_PREFIX, f)) {
      const line = ctx.doc.lines[i]!;
      // The document's own "Số:" opens a line or cell; "… công văn số 4039/STC-HCSN" mid-sentence is a citation.
      if (!isOwnNumberPrefix(line.text, m.index)) continue;
      const at = line.start + m.index + m[0].length;
      const found = readCode(ctx.doc.text, at, line.end, i);
      if (found && /[/]/.test(found.value) && /\p{L}{2}/u.test(found.value)) return found;
      if (found && !fallback && /\p{Lu}/u.test(found.value)) fallback = found;
    }
  }
  return fallback;
}

const CODE_BODY = /^([0-9lI{|§#$][0-9lI{|§. ]{0,12}?)?\s*(\/\s?\d{4}\s?\/|\/|¿|\s?J(?=[A-ZĐ])|-|\s)?\s*([A-ZĐ][\p{L}0-9&]*(?:\s?[-/]\s?[\p{L}0-9&]+)*)/u;

function readCode(text: string, at: number, end: number, line: number): CodeFound | null {
  const slice = text.slice(at, Math.min(end, at + 60));
  const m = CODE_BODY.exec(slice);
  if (!m || !m[3]) return null;
  const rawNumber = (m[1] ?? "").replace(/\s+/g, "");
  const number = rawNumber === "" || /^[#$]$/.test(rawNumber) ? "" : /^[\d.]+$/.test(rawNumber) ? rawNumber : String(ocrNumber(rawNumber.replace(/\./g, "")) ?? "");
  const sep = m[2] === undefined ? "" : /\d{4}/.test(m[2]) ? m[2].replace(/\s+/g, "") : /[¿J/]/.test(m[2]) ? "/" : m[2].trim() === "-" ? "-" : m[2].trim() === "" ? " " : m[2].trim();
  const symbol = m[3].replace(/\s+/g, "");
  if (!number) return null;
  if (/^(?:Ngày|Ngay|ngày|V)$/u.test(symbol)) return null;
  const value = (number + (sep === " " ? "" : sep) + symbol).replace(/\s+/g, "");
  return { value, span: { start: at, end: at + m[0].length }, end: at + m[0].length, line };
}

/** The type a number/symbol states: "16/CT-TTg" → CT, "07-KL/TW" → KL, "115/UBND-KGVX" → none (a công văn). */
export function typeFromCode(code: string): DocumentTypeInfo | null {
  const party = /^[\d.]+-?([A-Za-zĐđ]+)\//u.exec(code);
  // party[0] runs to the first "/": the same as /-/.test(code.split("/")[0]).
  if (party && party[0].includes("-")) return typeByCode(party[1]!) ?? null;
  const state = /^[\d.]+\/(?:\d{4}\/)?([A-Za-zĐđ]+)-/u.exec(code);
  if (state) {
    const t = typeByCode(state[1]!);
    return t && t.code === state[1] ? t : t && /^(?:QD|ND|TT|CD|HD)$/.test(state[1]!.toUpperCase()) ? t : null;
  }
  return null;
}

interface DateFound {
  place: Located<string> | null;
  date: Located<string | null>;
  line: number;
}

const PLACE_DATE = /(?:^|[\s\t*])\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s*,\s*(?=ng[aà]y|ngai|ngầy)/u;

function findPlaceDate(ctx: Ctx, code: CodeFound | null): DateFound | null {
  for (let i = 0; i < ctx.limit; i++) {
    const line = ctx.doc.lines[i]!;
    const anchor = line.text.includes(",") ? PLACE_DATE.exec(line.text) : null;
    if (!anchor) continue;
    const at = anchor.index + anchor[0].length;
    const d = findDates(ctx.work[i]!.slice(at)).find((x) => x.words && x.index === 0);
    const span = { start: line.start + at, end: line.start + at + (d ? d.length : Math.min(30, line.text.length - at)) };
    return { date: { value: d?.iso ?? null, span, line: i }, place: readPlace(ctx.doc, line, at, code), line: i };
  }
  for (let i = 0; i < ctx.limit; i++) {
    const f = ctx.work[i]!;
    const d = wordDateBefore(f, 50) ? findDates(f).find((x) => x.words && x.index < 50) : undefined;
    if (!d || /^\s*(?:ngay|thuc hien|can cu)/.test(f)) continue;
    const line = ctx.doc.lines[i]!;
    const start = line.start + d.index;
    const date: Located<string | null> = { value: d.iso, span: { start, end: start + d.length }, line: i };
    return { date, place: readPlace(ctx.doc, line, d.index, code), line: i };
  }
  return null;
}

/** The place stands right before ", ngày": take the capitalised words there. */
function readPlace(doc: Doc, line: Line, dateIndex: number, code: CodeFound | null): Located<string> | null {
  let from = line.text.lastIndexOf("\t", dateIndex) + 1;
  if (code && code.end > line.start + from && code.end <= line.start + dateIndex) from = code.end - line.start;
  const before = line.text.slice(from, dateIndex).replace(/[,\s]+$/, "");
  const m = /((?:(?:Thành phố|TP\.?|Tp\.?)\s+)?(?:[\p{Lu}][\p{L}.]*\s*){1,4})$/u.exec(before);
  if (!m) return null;
  const value = m[1]!.replace(/^[*\s\-–]+/, "").replace(/^(?:[A-ZĐ0-9&]{2,}[\s/-]+)+(?=\p{Lu}\p{Ll})/u, "").trim();
  if (!value || /^(?:Số|Ngày)$/u.test(value)) return null;
  const start = line.start + from + before.length - value.length;
  const clean = collapseSpaces(value);
  const known = nearestProvince(clean);
  return { value: known && known !== clean && !/thành phố|tp/iu.test(clean) ? known : clean, span: { start, end: line.start + from + before.length }, line: line.index };
}

/** "HƯỚNG DẪN TẠM THỜI", "HƯỚNG DẪN LIÊN NGÀNH": the type name with a qualifier. */
const QUALIFIER = /\s+(?:tam thoi|lien tich|lien nganh)$/;

function findTitle(ctx: Ctx): Located<DocumentTypeInfo> | null {
  for (let i = 0; i < ctx.limit; i++) {
    const line = ctx.doc.lines[i]!;
    for (const c of cells(line)) {
      if (!isAllCaps(c.text)) continue;
      const f = c.folded.trim().replace(/[:.]$/, "").replace(/^[^a-z]{1,3}(?=[a-z])/, "").replace(QUALIFIER, "");
      if (!TITLE_NAMES.includes(f)) continue;
      const type = typeByName(c.text.trim().replace(/[:.]$/, "").replace(/^[^\p{L}]{1,3}/u, "").replace(/\s+(?:TẠM THỜI|LIÊN TỊCH|LIÊN NGÀNH)$/u, ""));
      if (type) return { value: type, span: { start: c.start + (c.text.length - c.text.trimStart().length), end: c.end }, line: i };
    }
  }
  return null;
}

const VV_RE = /^\W{0,3}v\s*(?:\/\s*v|\/|w)\s*[:.]?\s+/;
/** VV_RE, tried only when a "v" stands within its first four units (at most three \W before it). */
const VV = guarded(VV_RE, (s) => unitInHead(s, 4, 118));
const SUBJECT_STOP = /^(?:can cu|kinh gui|thuc hien|xet de nghi|theo de nghi|-{3,}|_{3,}|\*+$)/;

function findSubject(ctx: Ctx, code: CodeFound | null, title: Located<DocumentTypeInfo> | null, date: DateFound | null): Located<string> | null {
  for (let i = 0; i < ctx.limit; i++) {
    for (const c of cells(ctx.doc.lines[i]!)) {
      const m = VV.exec(c.folded);
      if (m) return collectSubject(ctx, i, c.start + m[0].length, date);
    }
  }
  if (title) return collectSubject(ctx, nextContentLine(ctx.doc, title.line), -1, date);
  if (code && /-CV\/|^\d+\/[A-ZĐ]/u.test(code.value)) return subjectAfterCode(ctx, code, date);
  return null;
}

function nextContentLine(doc: Doc, i: number): number {
  let j = i + 1;
  while (j < doc.lines.length && isBlank(doc.lines[j])) j++;
  return j;
}

/** A Party công văn has no "V/v": its trích yếu sits under the number. */
function subjectAfterCode(ctx: Ctx, code: CodeFound, date: DateFound | null): Located<string> | null {
  const line = ctx.doc.lines[code.line]!;
  const rest = ctx.doc.text.slice(code.end, line.end).split("\t")[0]!.replace(/^\s+/, "");
  if (rest.length > 8 && /^\p{Lu}\p{Ll}/u.test(rest) && !rest.includes("\t")) return collectSubject(ctx, code.line, line.end - rest.length, date);
  const next = nextContentLine(ctx.doc, code.line);
  const l = ctx.doc.lines[next];
  if (!l || next >= ctx.limit || isAllCaps(l.text) || firstWordDate(l.folded) >= 0 || !/^\p{Lu}\p{Ll}/u.test(l.text)) return null;
  return collectSubject(ctx, next, -1, date);
}

/** Subject lines from `first` on, until a blank line, a rule, a heading or another header element. */
function collectSubject(ctx: Ctx, first: number, startOffset: number, date: DateFound | null): Located<string> | null {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  for (let i = first; i < Math.min(ctx.doc.lines.length, first + 8); i++) {
    const line = ctx.doc.lines[i]!;
    if (isBlank(line)) {
      const next = ctx.doc.lines[i + 1];
      const prev = parts[parts.length - 1] ?? "";
      if (parts.length && !(next && (/^[\p{Ll}\d]/u.test(next.text.trimStart()) || OPEN_ENDING.test(prev)) && !/[.]$/.test(prev))) break;
      continue;
    }
    const c = i === first && startOffset >= 0 ? { start: startOffset, text: ctx.doc.text.slice(startOffset, line.end).split("\t")[0]! } : subjectCell(line);
    if (!c) break;
    const f = ctx.doc.folded.slice(c.start, c.start + c.text.length);
    if (parts.length && (SUBJECT_STOP.test(f.trim()) || (date && date.line === i) || isHeaderNoise(f) || (isAllCaps(c.text) && !isAllCaps(parts[0]!)))) break;
    if (!parts.length && SUBJECT_STOP.test(f.trim())) return null;
    if (parts.length && /^\s*(?:\d{1,2}\.|[ivx]+\.)\s/.test(f)) break;
    parts.push(c.text.trim());
    if (start < 0) start = c.start + (c.text.length - c.text.trimStart().length);
    end = c.start + c.text.trimEnd().length;
    if (/[.]$/.test(c.text.trim()) && !/\b(?:TP|Tp)\.$/.test(c.text.trim())) break;
  }
  if (!parts.length) return null;
  const value = collapseTrimmed(parts.reduce((acc, p) => (acc === "" ? p : endsWithWordDash(acc) && /^[\p{Lu}\d]/u.test(p) ? acc + p : `${acc} ${p}`), "").replace(/^[“"'‘]+|[”"'’]+$/g, "").replace(/[.;,]+$/, ""));
  return value ? { value, span: { start, end }, line: first } : null;
}

/** /\S-$/ (a word broken at a hyphen), read at the end instead of tried along the whole text. */
export function endsWithWordDash(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(s.length - 1) === 0x2d && !isSpaceUnit(s.charCodeAt(s.length - 2));
}

function subjectCell(line: Line): { start: number; text: string } | null {
  const cs = cells(line);
  const c = cs.find((x) => !/^\s*$/.test(x.text) && !isHeaderNoise(x.folded)) ?? null;
  return c ? { start: c.start, text: c.text } : null;
}

function isHeaderNoise(folded: string): boolean {
  const f = folded.trim();
  STATE_HEADING.lastIndex = 0;
  PARTY_HEADING.lastIndex = 0;
  MOTTO.lastIndex = 0;
  const nam = f.includes("nam");
  return f === "" || /^[-*_=~.]+$/.test(f) || (nam && STATE_HEADING.test(f)) || (nam && PARTY_HEADING.test(f)) || (f.includes("ph") && MOTTO.test(f)) || (f.includes("doan") && UNION_HEADING.test(f)) || wordDateBefore(f, 40);
}

const ISSUER_EXCLUDE = /^(?:van ban dien tu|cv den|den|sao y|ban sao|du thao|hoa toc|thuong khan|khan|mat|toi mat|tuyet mat|so\s*[:;.]?\s*[\d$#{l].*|ky boi.*|co quan:.*|thoi gian ky.*)$/;
const CONTINUES = /^(?:tinh|huyen|thanh pho|tp\.?|xa|phuong|thi xa|thi tran|quan|va|viet nam|nam|xa hoi|thuong binh|trung uong|tw)\b(?!\s+uy\b)/;
const STARTS_AGENCY = /^(?:ban|so|bo|cuc|tong cuc|chi cuc|van phong|uy ban|ubnd|hoi dong|hdnd|tinh uy|huyen uy|thanh uy|thi uy|dang uy|trung tam|vien|vu|phong|cong an|bo chi huy|doan|hoi|tong lien doan|lien doan|thu tuong|chinh phu|bao hiem|kho bac|thanh tra|truong|benh vien|tong cong ty|cong ty|dang bo|chi bo)\b/;

/** The issuing body: the capitalised left-column lines above the number (parent above issuer). */
function findIssuer(ctx: Ctx, code: CodeFound | null, date: DateFound | null): Header["issuer"] {
  const stop = code?.line ?? date?.line ?? Math.min(ctx.limit, 8);
  const picked: Segment[] = [];
  for (let i = 0; i <= Math.min(stop, ctx.limit - 1); i++) {
    const line = ctx.doc.lines[i]!;
    const w = ctx.work[i]!;
    for (const part of segments(line, w, i)) {
      if (i === code?.line && part.start >= code.span.start - 8) continue;
      const f = ctx.doc.folded.slice(part.start, part.end).trim();
      if (!f || ISSUER_EXCLUDE.test(f) || NOISE_LINE.test(f) || TITLE_NAMES.includes(f.replace(QUALIFIER, "")) || /^(?:[ivx]+|\d+)\.\s/.test(f)) {
        if (/^[*]+$/.test(f) && picked.length) return issuerFrom(picked, ctx);
        continue;
      }
      if (!isAllCaps(part.text) || part.text.length < 3 || /\d{3,}/.test(part.text)) {
        if (picked.length && i > picked[picked.length - 1]!.line + 1) return issuerFrom(picked, ctx);
        continue;
      }
      picked.push(part);
      break;
    }
  }
  return picked.length ? issuerFrom(picked, ctx) : null;
}

const SEGMENT = /[^\t]*?\S[^\t]*?(?=\s{2,}|\t|$)/g;

interface Segment {
  text: string;
  start: number;
  end: number;
  /** Index of the header line it is on. */
  line: number;
}

/** Non-blank stretches of header line `index` once headings are blanked (two columns on one line). */
function segments(line: Line, work: string, index: number): Segment[] {
  const out: Segment[] = [];
  for (const m of execAll(SEGMENT, work)) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push({ text: line.text.slice(s, e), start: line.start + s, end: line.start + e, line: index });
  }
  return out;
}

/** Rules drawn under a name ("BỘ TÀI CHÍNH --------") are not part of it. */
function stripRule(s: string): string {
  return s.replace(/[\s\-–—_=*.~]+$/u, "").replace(/^[\s\-–—_=*~"“]+/u, "");
}

/** A header body's name, cleaned and restored: a pure function of its text, so memoized. */
const bodyName = memoize((text) => restoreAgencyName(restoreProvinceTail(agencyCase(stripRule(text)))), 5_000);

function issuerFrom(parts: { text: string; start: number; end: number; line: number }[], ctx: Ctx): Header["issuer"] {
  const bodies: { text: string; start: number; end: number; line: number }[] = [];
  for (const p of parts.slice(-3)) {
    const f = ctx.doc.folded.slice(p.start, p.end).trim();
    const prev = bodies[bodies.length - 1];
    if (prev && (CONTINUES.test(f) || /[-–]$|\bva$/.test(ctx.doc.folded.slice(prev.start, prev.end).trim()) || !STARTS_AGENCY.test(f))) {
      prev.text = `${prev.text} ${p.text}`;
      prev.end = p.end;
    } else bodies.push({ ...p });
  }
  const issuer = bodies[bodies.length - 1]!;
  const parent = bodies.length > 1 ? bodies[bodies.length - 2]! : null;
  let name = bodyName(issuer.text);
  const parentName = parent ? bodyName(parent.text) : null;
  if (parentName && /^Ban Chấp hành Trung ương$/u.test(parentName) && /^(?:Ban|Văn phòng|Ủy ban Kiểm tra)\s/u.test(name) && !/Trung ương/u.test(name)) name = `${name} Trung ương`;
  const out: NonNullable<Header["issuer"]> = { name, parent: parentName, span: { start: issuer.start, end: issuer.end }, line: issuer.line };
  if (parent) out.parentSpan = { start: parent.start, end: parent.end };
  return out;
}

const URGENCY: readonly [RegExp, Urgency][] = [
  [/(?<![a-z])(?:hoa|hoả|hỏa)\s*toc(?![a-z])/, "Hỏa tốc"],
  [/(?<![a-z])thuong\s*khan(?![a-z])/, "Thượng khẩn"],
  [/(?<![a-z])khan(?![a-z])(?!\s*(?:truong|cap|thiet))/, "Khẩn"],
];
const SECRECY: readonly [RegExp, Secrecy][] = [
  [/(?<![a-z])tuyet\s*mat(?![a-z])/, "Tuyệt mật"],
  [/(?<![a-z])toi\s*mat(?![a-z])/, "Tối mật"],
  [/^\s*mat\s*$/, "Mật"],
];

/** Urgency and secrecy stamps: capitalised words standing alone in the header. */
function findMarks(ctx: Ctx): { urgency: Located<Urgency> | null; secrecy: Located<Secrecy> | null } {
  let urgency: Located<Urgency> | null = null;
  let secrecy: Located<Secrecy> | null = null;
  for (let i = 0; i < ctx.limit; i++) {
    for (const c of cells(ctx.doc.lines[i]!)) {
      // Every urgency pattern needs "toc" or "khan", every secrecy one "mat": a cell with none of
      // them is skipped before isAllCaps counts its letters (the tests are pure, so order is free).
      const mayBeUrgent = c.folded.includes("toc") || c.folded.includes("khan");
      const mayBeSecret = c.folded.includes("mat");
      if ((!mayBeUrgent && !mayBeSecret) || !isAllCaps(c.text) || c.text.trim().length > 30) continue;
      const span = { start: c.start, end: c.end };
      if (mayBeUrgent) urgency ??= firstMatch(URGENCY, c.folded, span, i);
      if (mayBeSecret) secrecy ??= firstMatch(SECRECY, c.folded, span, i);
    }
  }
  return { urgency, secrecy };
}

function firstMatch<T>(table: readonly [RegExp, T][], folded: string, span: Span, line: number): Located<T> | null {
  for (const [re, value] of table) if (re.test(folded.trim())) return { value, span, line };
  return null;
}
