/**
 * @module parser/closing
 * The end of a directive: "Nơi nhận" (distribution list) and the signature block (authority
 * prefixes TM./KT./TL./TUQ./Q. and Party T/M, K/T, T/L; the signer's title; the name). Printed
 * side by side, they reach us as tab cells, as one OCR line holding both ("- Như trên; THỨ TRƯỞNG"),
 * or one after the other, so lines are split into a distribution stream and a signature stream.
 */
import type { Span } from "../errors.js";
import type { AuthorityPrefix, Signer } from "../document/record.js";
import { collapseSpaces, foldChars, isSpaceUnit } from "../text/fold.js";
import { execAll, guarded } from "../text/scan.js";
import { cells, isBlank, type Doc, type Line } from "./lines.js";
import { isAllCaps, isPersonName, personCase, titleCase } from "./names.js";
import { memoize } from "../memo.js";

export interface Closing {
  distribution: { value: string; span: Span }[];
  signer: Signer;
  /** First line of the closing zone (where the body ends). */
  start: number;
  /** First line after the main document (an appendix may follow). */
  end: number;
}

const NOI_NHAN_RE = /^[^\p{L}\d]{0,4}n[oơ0ô]i\s*nh[aâậ]n\s*[:;.]?/iu;
/**
 * NOI_NHAN_RE, tried only when an "n" followed by one of its "o" letters stands within its first
 * five code points (nine units): "n" is common, "no"/"nô"/"nơ"/"n0" near the start is not.
 */
const NOI_NHAN = guarded(NOI_NHAN_RE, noNearStart);

export function noNearStart(s: string): boolean {
  for (let i = 0; i < 9 && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 110 || c === 78) && isNoiO(s.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** [oơ0ô] under /iu: o O ơ Ơ 0 ô Ô (no other unit case-folds to one of them). */
function isNoiO(c: number): boolean {
  return c === 111 || c === 79 || c === 0x1a1 || c === 0x1a0 || c === 48 || c === 0xf4 || c === 0xd4;
}
const AUTHORITY_RE = /^\s*(?:(TM|KT|TL|TUQ|Q)\s*[.:,]|(T\s*\/\s*M|K\s*\/\s*T|T\s*\/\s*L)\s)\s*/u;
/** AUTHORITY_RE, tried only when the first non-space character is T, K or Q. */
const AUTHORITY = guarded(AUTHORITY_RE, authorityLetter);

function authorityLetter(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  const c = s.charCodeAt(i);
  return c === 84 || c === 75 || c === 81;
}
const SIGNER_TITLE_FOLDED = /(?:^|[^a-z]\s*)((?:pho\s+)?(?:chu tich|bo truong|thu truong|giam doc|chanh van phong|bi thu|truong ban|thu tuong|cuc truong|tong cuc truong|vu truong|hieu truong|vien truong|chu nhiem|truong phong|chi cuc truong|tong giam doc|tong thu ky|chi huy truong|chinh uy|tu lenh|chanh thanh tra|truong doan|nguoi ky|ke toan truong|tong bien tap)(?:\s[a-z ]*)?)$/;
const SIGNER_TITLES = { test: (s: string): boolean => titleIn(s) !== null };

/** The title words of a signature line, without OCR junk before them ("<==—x CHỦ TỊCH" → "CHỦ TỊCH"). */
function titleIn(s: string): string | null {
  const t = s.trim();
  const m = SIGNER_TITLE_FOLDED.exec(foldChars(t));
  return m ? t.slice(t.length - m[1]!.length) : null;
}
const SIGNED_NOTE = /^\(?\s*(?:đã\s*ký|da\s*ky|ký|signed)\s*\)?\.?$/iu;
const COPY_MARK = /SAO LỤC|SAO Y BẢN CHÍNH|SAO Y|TRÍCH SAO/u;
const APPENDIX = /^(?:PHỤ LỤC|HƯỚNG DẪN|QUY ĐỊNH|QUY CHẾ|DANH SÁCH|DANH MỤC|BIỂU MẪU|Mẫu\s|MẪU\s|KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|\(Kèm theo|\(Ban hành kèm theo)/u;
/** /^\s*[-–—+•·~*]\s*\/u, by bulletEnd (most list lines match, so a guard alone saves little). */
const BULLET = {
  test: (s: string): boolean => bulletEnd(s) >= 0,
  strip: (s: string): string => {
    const end = bulletEnd(s);
    return end < 0 ? s : s.slice(end);
  },
};

/**
 * Where the match of /^\s*[-–—+•·~*]\s*\/u in `s` ends, or -1 when there is none. By hand: the
 * bullet is no white space, so the greedy \s* runs never backtrack, and every unit \s matches
 * is a whole code point (isSpaceUnit is /\s/ on one unit).
 */
export function bulletEnd(s: string): number {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  if (i === s.length || !isBulletUnit(s.charCodeAt(i))) return -1;
  i++;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  return i;
}

/** One of "-–—+•·~*". */
function isBulletUnit(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 43 || c === 0x2022 || c === 0xb7 || c === 126 || c === 42;
}

/** Finds the closing zone after `bodyStart` and reads it. */
export function parseClosing(doc: Doc, bodyStart: number): Closing {
  const start = closingStart(doc, bodyStart);
  const end = mainEnd(doc, start);
  const stream = splitStreams(doc, start, end);
  return { distribution: readDistribution(stream.distribution), signer: readSigner(stream.signature, doc, start, end), start, end };
}

function closingStart(doc: Doc, from: number): number {
  for (let i = from; i < doc.lines.length; i++) {
    const t = doc.lines[i]!.text;
    if (NOI_NHAN.test(t) || cells(doc.lines[i]!).some((c) => NOI_NHAN.test(c.text))) return signatureAbove(doc, i, from);
    if (AUTHORITY.test(t) && isAllCaps(t.replace(AUTHORITY_RE, ""))) return i;
  }
  return lastNameLine(doc, from) ?? doc.lines.length;
}

/** A signature block printed just above "Nơi nhận" belongs to the closing zone too. */
function signatureAbove(doc: Doc, i: number, from: number): number {
  let j = i - 1;
  let first = i;
  while (j >= from && i - j <= 8) {
    const t = doc.lines[j]!.text.trim();
    if (t === "") {
      j--;
      continue;
    }
    if (AUTHORITY.test(t) || (isAllCaps(t) && SIGNER_TITLES.test(t)) || (isPersonName(t) && first - j <= 5) || SIGNED_NOTE.test(t)) first = j;
    else break;
    j--;
  }
  return first;
}

/**
 * Both patterns of stripSigned need "ký"/"ky" or "signed" in some letter case (a /iu "k" also
 * matches the Kelvin sign, an "s" the long s): without one, only the trim is left to do.
 */
const MAY_BE_SIGNED = /[kK\u212A][ýÝyY]|[sS\u017F][iI][gG][nN][eE][dD]/;

/** "Phan Văn Anh (đã ký)" → "Phan Văn Anh". */
export function stripSigned(s: string): string {
  if (!MAY_BE_SIGNED.test(s)) return s.trim();
  return s.replace(/\(?\s*(?:đã\s*ký|da\s*ky|ký|signed)\s*\)?\s*$/iu, "").replace(/^\(?\s*(?:đã\s*ký|da\s*ky)\s*\)?\s*/iu, "").trim();
}

function lastNameLine(doc: Doc, from: number): number | null {
  for (let i = doc.lines.length - 1; i >= from && i >= doc.lines.length - 6; i--) {
    const t = doc.lines[i]!.text.trim();
    if (t && isPersonName(t)) return i;
  }
  return null;
}

/** The main document ends where an appendix starts after the signature. */
function mainEnd(doc: Doc, start: number): number {
  let sawName = false;
  const limit = Math.min(doc.lines.length, start + MAX_CLOSING_LINES);
  for (let i = start; i < limit; i++) {
    const t = doc.lines[i]!.text.trim();
    if (sawName && COPY_MARK.test(t) && isAllCaps(t)) return i;
    if (sawName && APPENDIX.test(t.replace(/^\S\s+/, "")) && (isAllCaps(t.split(/\s+/).slice(0, 2).join(" ")) || t.startsWith("("))) return i;
    if (t.length < 200 && isPersonName(stripSigned(t))) sawName = true;
    if (t.includes(";") && /;\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(t)) sawName = true;
  }
  return limit;
}

/** A distribution list and signature block never run longer than this. */
const MAX_CLOSING_LINES = 150;

interface Piece {
  text: string;
  start: number;
  line: number;
}

interface Streams {
  distribution: Piece[];
  signature: Piece[];
}

/** Splits the closing zone into what belongs to "Nơi nhận" and what to the signature. */
function splitStreams(doc: Doc, start: number, end: number): Streams {
  const out: Streams = { distribution: [], signature: [] };
  let inList = false;
  for (let i = start; i < end; i++) {
    const line = doc.lines[i]!;
    if (isBlank(line)) continue;
    const cs = cells(line).filter((c) => c.text.trim() !== "");
    cs.forEach((c, k) => {
      const piece = { text: c.text, start: c.start, line: i };
      const nn = NOI_NHAN.exec(c.text);
      if (nn) {
        inList = true;
        const rest = c.text.slice(nn[0].length);
        if (rest.trim()) routeRest({ text: rest, start: c.start + nn[0].length, line: i }, out);
        return;
      }
      if (k > 0 && cs.length > 1) return void out.signature.push(piece);
      if (inList && isSignaturePiece(c.text) && !BULLET.test(c.text)) return void out.signature.push(piece);
      if (inList) return void splitListLine(piece, out);
      out.signature.push(piece);
    });
  }
  return out;
}

function routeRest(piece: Piece, out: Streams): void {
  const t = piece.text.trim();
  if (/^\(.*\)$/.test(t)) return;
  if (BULLET.test(t)) splitListLine(piece, out);
  else out.signature.push(piece);
}

/** isSignaturePiece's answers by text: it is pure, and asked of each tail of a list line. */
const isSignaturePiece = memoize(isSignaturePieceUncached, 20_000);

function isSignaturePieceUncached(t: string): boolean {
  const s = t.trim();
  return AUTHORITY.test(s) || (isAllCaps(s) && SIGNER_TITLES.test(s)) || isPersonName(stripSigned(s)) || SIGNED_NOTE.test(s);
}

const LIST_CUT = /[;,.)]\s+(?=\S)/gu;

/** "- Như trên; THỨ TRƯỞNG" → item "Như trên", signature "THỨ TRƯỞNG"; "- Như trên; h" drops "h". */
function splitListLine(piece: Piece, out: Streams): void {
  for (const cut of execAll(LIST_CUT, piece.text)) {
    const tail = piece.text.slice(cut.index + cut[0].length).trim();
    if (!isSignaturePiece(tail)) continue;
    const at = cut.index + cut[0].length;
    out.distribution.push({ ...piece, text: piece.text.slice(0, cut.index + 1) });
    out.signature.push({ text: piece.text.slice(at), start: piece.start + at, line: piece.line });
    return;
  }
  const m = lastPunctSplit(piece.text);
  if (m) {
    const tail = m[2]!.trim();
    const tailPiece = { text: m[2]!, start: piece.start + m[1]!.length + (piece.text.length - m[1]!.length - m[2]!.length), line: piece.line };
    if (isSignaturePiece(tail)) {
      out.distribution.push({ ...piece, text: m[1]! });
      out.signature.push(tailPiece);
      return;
    }
    if (isJunk(tail)) {
      out.distribution.push({ ...piece, text: m[1]! });
      return;
    }
  }
  out.distribution.push(piece);
}

/**
 * `/^(.*[;,.)])\s+(\S.*)$/u.exec(s)` as [whole, head, tail]: the head ends at the last ";,.)"
 * followed by white space and then more text, neither part holding a line terminator. By hand
 * because the regex backtracks from the end of the line through every shorter head.
 */
function lastPunctSplit(s: string): [string, string, string] | null {
  const firstBreak = firstLineBreak(s);
  for (let k = Math.min(s.length - 2, firstBreak - 1); k >= 0; k--) {
    const c = s.charCodeAt(k);
    if (!(c === 59 || c === 44 || c === 46 || c === 41) || !isSpaceUnit(s.charCodeAt(k + 1))) continue;
    let j = k + 2;
    while (j < s.length && isSpaceUnit(s.charCodeAt(j))) j++;
    if (j < s.length && lastLineBreak(s) < j) return [s, s.slice(0, k + 1), s.slice(j)];
  }
  return null;
}

/** Line terminators (what `.` does not match): \n, \r, U+2028, U+2029. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function firstLineBreak(s: string): number {
  for (let i = 0; i < s.length; i++) if (isLineBreak(s.charCodeAt(i))) return i;
  return s.length;
}

function lastLineBreak(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (isLineBreak(s.charCodeAt(i))) return i;
  return -1;
}

function isJunk(s: string): boolean {
  return s.length <= 3 && !/^\(/.test(s);
}

function readDistribution(pieces: Piece[]): { value: string; span: Span }[] {
  const bulleted = pieces.filter((p) => BULLET.test(p.text)).length >= Math.max(1, pieces.length / 2);
  const items: { parts: string[]; start: number; end: number }[] = [];
  for (const p of pieces) {
    const text = p.text.trim();
    const end = p.start + p.text.trimEnd().length;
    const cur = items[items.length - 1];
    const opens = bulleted ? BULLET.test(text) : !cur || /[;.]\s*$/.test(cur.parts[cur.parts.length - 1]!);
    if (opens || !cur) items.push({ parts: [BULLET.strip(text)], start: p.start + (p.text.length - p.text.trimStart().length), end });
    else {
      cur.parts.push(text);
      cur.end = end;
    }
  }
  return items
    .map((it) => ({ value: cleanItem(it.parts.join(" ")), span: { start: it.start, end: it.end } }))
    .filter((it) => it.value.length > 1);
}

function cleanItem(s: string): string {
  return trimSeparators(collapseSpaces(BULLET.strip(s)));
}

/**
 * `s.replace(/[\s,;.]+$/u, "").replace(/^[\s,;.]+/u, "").trim()`: the regexes would try every
 * position of the item for a run reaching its end; the edges are read directly instead (trim has
 * nothing left to do, white space being among the separators).
 */
export function trimSeparators(s: string): string {
  let end = s.length;
  while (end > 0 && isSeparator(s.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isSeparator(s.charCodeAt(start))) start++;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** [\s,;.] on one code unit. */
function isSeparator(unit: number): boolean {
  return unit === 0x2c || unit === 0x3b || unit === 0x2e || isSpaceUnit(unit);
}

const PREFIX_CODE: Readonly<Record<string, AuthorityPrefix>> = { TM: "TM", KT: "KT", TL: "TL", TUQ: "TUQ", Q: "Q", "T/M": "TM", "K/T": "KT", "T/L": "TL" };

/** Authority prefixes, the signer's own title (the last title line) and the name. */
function readSigner(pieces: Piece[], doc: Doc, start: number, end: number): Signer {
  const authority: AuthorityPrefix[] = [];
  let onBehalfOf: string | null = null;
  let title: string | null = null;
  let rawTitle: string | null = null;
  let name: string | null = null;
  let span: Span | undefined;
  for (const p of pieces) {
    const t = stripSigned(p.text.trim().replace(/[*]+/g, ""));
    const a = AUTHORITY.exec(t);
    if (a) {
      const code = PREFIX_CODE[(a[1] ?? a[2]!).replace(/\s+/g, "").toUpperCase()];
      if (code && !authority.includes(code)) authority.push(code);
      if (code === "TM") onBehalfOf = t.slice(a[0].length).trim();
      title = null;
      continue;
    }
    if (name === null && isAllCaps(t) && SIGNER_TITLES.test(t)) {
      rawTitle = titleIn(t) ?? t;
      title = titleCase(rawTitle);
      continue;
    }
    if (name === null && title !== null && rawTitle && isAllCaps(t) && t.length <= 20 && !isPersonName(t)) {
      rawTitle = `${rawTitle} ${t}`;
      title = titleCase(rawTitle);
      continue;
    }
    if (name === null && !SIGNER_TITLES.test(t) && (isPersonName(t) || (isPersonName(t, false) && (title !== null || authority.length > 0)))) {
      name = personCase(t);
      span = { start: p.start + (p.text.length - p.text.trimStart().length), end: p.start + p.text.trimEnd().length };
    }
  }
  if (name === null) {
    const last = lastNameLine(doc, start);
    if (last !== null && last < end + 1) {
      const l = doc.lines[last]!;
      name = personCase(l.text.trim());
      span = { start: l.start, end: l.end };
    }
  }
  const signer: Signer = { name, title, authority, onBehalfOf };
  if (span) signer.span = span;
  return signer;
}

