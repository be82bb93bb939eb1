/**
 * @module agencies/recognize
 * Gazetteer-driven recognition of agency mentions: where a name starts (a head noun, optionally
 * after a role or "các"), where it ends (a verb or discourse word of the genre, punctuation, or
 * "và" outside a compound sector name), and how a list of them splits ("các sở, ban, ngành" is one
 * collective mention; "Các đảng ủy Công an tỉnh, Quân sự tỉnh" distributes its head).
 */
import type { AdminLevel, AgencyKind, AgencyMention } from "../document/record.js";
import { foldChars, lowerChars } from "../text/fold.js";
import { ABBREVIATIONS, COMPOUND_NAMES, CONTINUATIONS, HEADS, ORGANISATION_NOUN, ROLES, STOP_EXCEPTIONS, STOPS } from "./gazetteer.js";

/** The text a recognizer reads: original and lower-cased, same offsets. */
export interface Source {
  text: string;
  lower: string;
  /** Diacritic-folded, for names OCR garbled ("Trướng Ban Chi đạo"). */
  folded: string;
}

export function toSource(text: string): Source {
  return { text, lower: lowerChars(text), folded: foldChars(text) };
}

const WORD_CHAR = /[\p{L}\p{N}&]/u;
const sortedHeads = [...HEADS].sort((a, b) => b[0].length - a[0].length);
const sortedRoles = [...ROLES].sort((a, b) => b.length - a.length);
const foldedRoles = sortedRoles.map((r) => foldChars(r));
const foldedMultiHeads = sortedHeads.filter(([h]) => h.includes(" ")).map(([h, k]) => [foldChars(h), k] as const);
const sortedCompounds = [...COMPOUND_NAMES, "có liên quan", "liên quan", "hữu quan", "trực thuộc", "cùng cấp", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "ở người", "thuộc chính phủ", "ngang bộ", "tư nhân", "dân phòng", "thanh niên", "trung ương", "xung kích"].sort((a, b) => b.length - a.length);
const stopSet = new Map<string, string[]>();
for (const s of STOPS) {
  const first = s.split(" ")[0]!;
  stopSet.set(first, [...(stopSet.get(first) ?? []), s].sort((a, b) => b.length - a.length));
}
const continuationSet = [...CONTINUATIONS].sort((a, b) => b.length - a.length);

function isBoundary(lower: string, at: number): boolean {
  return at <= 0 || at >= lower.length || !WORD_CHAR.test(lower[at]!) || !WORD_CHAR.test(lower[at - 1]!);
}

/** The longest entry of `list` that stands as whole words at `at`. */
function wordsAt(lower: string, at: number, list: readonly string[]): string | null {
  for (const w of list) {
    if (lower.startsWith(w, at) && isBoundary(lower, at + w.length)) return w;
  }
  return null;
}

function wordsAt2(folded: string, at: number, list: readonly (readonly [string, AgencyKind])[]): readonly [string, AgencyKind] | null {
  for (const h of list) if (folded.startsWith(h[0], at) && isBoundary(folded, at + h[0].length)) return h;
  return null;
}

export function headAt(lower: string, at: number): readonly [string, AgencyKind] | null {
  for (const h of sortedHeads) {
    if (lower.startsWith(h[0], at) && isBoundary(lower, at + h[0].length)) return h;
  }
  return null;
}

function stopAt(src: Source, at: number, from: number): boolean {
  const m = /^[\p{L}]+/u.exec(src.lower.slice(at, at + 20));
  if (!m) return false;
  const candidates = stopSet.get(m[0]);
  if (!candidates) return false;
  const stop = wordsAt(src.lower, at, candidates);
  if (!stop) return false;
  const before = src.lower.slice(from, at);
  for (const [s, re] of STOP_EXCEPTIONS) if (s === stop && re.test(before)) return false;
  if (stop === "tổ chức" && ORGANISATION_NOUN.test(src.lower.slice(at, at + 40))) return false;
  return true;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && (text[at] === " " || text[at] === "\t")) at++;
  return at;
}

interface Raw {
  start: number;
  end: number;
  head: readonly [string, AgencyKind] | null;
  role: string | null;
  plural: boolean;
}

/** Reads one mention at `at` (no list handling); null when no agency starts there. */
function readMention(src: Source, at: number, end: number, allowHeadless: boolean): Raw | null {
  const start = skipSpaces(src.text, at, end);
  let pos = start;
  const role = wordsAt(src.lower, pos, sortedRoles) ?? wordsAt(src.folded, pos, foldedRoles);
  if (role) pos = skipSpaces(src.text, pos + role.length, end);
  const plural = /^(?:các|những|toàn thể|mỗi)\s/u.exec(src.lower.slice(pos, pos + 12));
  if (plural) pos += plural[0].length;
  let head = headAt(src.lower, pos) ?? wordsAt2(src.folded, pos, foldedMultiHeads);
  if (head && head[0] === "ban" && /^ban\s+hành/u.test(src.lower.slice(pos, pos + 10))) head = null;
  if (!head && role && !/^\s*\p{L}/u.test(src.text.slice(pos, pos + 2))) return { start, end: trimEnd(src.text, start, pos), head: null, role, plural: Boolean(plural) };
  if (!head && !role && !allowHeadless) return null;
  if (head?.[0] === "tổ chức" && !ORGANISATION_NOUN.test(src.lower.slice(pos, pos + 40)) && !plural) return null;
  if (!head && stopAt(src, pos, pos)) return null;
  if (!head && !/^[\p{L}]/u.test(src.text[pos] ?? "")) return null;
  pos = head ? pos + head[0].length : pos;
  const stop = extend(src, pos, end, start);
  if (stop <= start) return null;
  return { start, end: stop, head, role, plural: Boolean(plural) };
}

/** Extends a mention over its name words; returns its end. */
function extend(src: Source, pos: number, end: number, from: number): number {
  let last = pos;
  for (let words = 0; pos < end && words < 18; words++) {
    pos = skipSpaces(src.text, pos, end);
    if (pos >= end) break;
    const compound = wordsAt(src.lower, pos, sortedCompounds);
    if (compound) {
      last = pos = pos + compound.length;
      continue;
    }
    const ch = src.text[pos]!;
    if (ch === "(") {
      const close = src.text.indexOf(")", pos);
      if (close > 0 && close < end && close - pos < 90 && !src.text.slice(pos, close).includes("\n")) last = pos = close + 1;
      break;
    }
    if (!WORD_CHAR.test(ch) && !/[-–"“”'’/.]/.test(ch)) break;
    if (ch === "." && !/^\.\p{L}/u.test(src.text.slice(pos, pos + 2))) break;
    if (src.lower.startsWith("và ", pos) || stopAt(src, pos, from)) break;
    const word = /^[^\s,;:()]+/u.exec(src.text.slice(pos, end));
    if (!word) break;
    last = pos = pos + word[0].replace(/[.]+$/, "").length;
    if (word[0].endsWith(".")) break;
  }
  return trimEnd(src.text, from, last);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s\-–"“”'’,]/.test(text[end - 1]!)) end--;
  return end;
}

const SEPARATOR = /^\s*(?:,|;)?\s*(?:và\s+|cùng\s+|với\s+)?/u;

/**
 * Reads a list of agencies starting at `at` (a subject or object phrase), e.g.
 * "Sở Công thương", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ và UBND các tỉnh, thành phố".
 */
export function readAgencyList(src: Source, at: number, end: number): { mentions: AgencyMention[]; end: number } {
  const mentions: AgencyMention[] = [];
  let pos = at;
  let listEnd = at;
  while (pos < end) {
    const prev = mentions[mentions.length - 1];
    const raw = readMention(src, pos, end, Boolean(prev));
    if (!raw) break;
    if (prev && !raw.head && !raw.role && !joinsPrevious(src, raw, prev) && !distributes(src, raw, prev)) break;
    if (prev && joinsPrevious(src, raw, prev)) raw.head = null;
    addMention(src, mentions, raw);
    listEnd = raw.end;
    const sep = SEPARATOR.exec(src.text.slice(raw.end, Math.min(end, raw.end + 12)));
    if (!sep || sep[0].length === 0) break;
    if (!/[,;]|và|cùng|với/u.test(sep[0])) break;
    pos = raw.end + sep[0].length;
  }
  return { mentions, end: listEnd };
}

function joinsPrevious(src: Source, raw: Raw, prev: AgencyMention): boolean {
  return (prev.collective || /^\p{Ll}/u.test(prev.text)) && wordsAt(src.lower, raw.start, continuationSet) !== null && !/^\p{Lu}/u.test(src.text[raw.start]!);
}

function distributes(src: Source, raw: Raw, prev: AgencyMention): boolean {
  return /^các\s/u.test(lowerChars(prev.text)) && /^\p{Lu}/u.test(src.text[raw.start]!);
}

function addMention(src: Source, mentions: AgencyMention[], raw: Raw): void {
  const prev = mentions[mentions.length - 1];
  const text = src.text.slice(raw.start, raw.end);
  if (prev && !raw.head && !raw.role) {
    if (joinsPrevious(src, raw, prev)) {
      prev.text = src.text.slice(prev.span.start, raw.end);
      prev.span = { start: prev.span.start, end: raw.end };
      prev.expanded = expandAbbreviations(prev.text);
      return;
    }
    const head = /^các\s+([\p{Ll}\s]+?)\s+\p{Lu}/u.exec(prev.text);
    if (head) {
      const name = `${head[1]} ${text}`;
      mentions.push(makeMention(name, expandAbbreviations(name), raw.start, raw.end, prev.kind, false));
      return;
    }
  }
  const kind = raw.head?.[1] ?? "other";
  const collective = raw.plural || /\bcác\b|\bnhững\b/u.test(src.lower.slice(raw.start, raw.end)) || /,/.test(text);
  mentions.push(makeMention(text, expandAbbreviations(text), raw.start, raw.end, kind, collective, raw.role));
}

function makeMention(text: string, expanded: string, start: number, end: number, kind: AgencyKind, collective: boolean, role?: string | null): AgencyMention {
  const m: AgencyMention = { text, expanded, span: { start, end }, kind, level: levelOf(expanded), collective };
  if (role) m.role = role;
  return m;
}

export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [re, long] of ABBREVIATIONS) out = out.replace(re, long);
  return out;
}

const has = (l: string, words: string): boolean => new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, "u").test(l);

/** The administrative level the words of a mention name, if any. */
export function levelOf(name: string): AdminLevel | null {
  const l = lowerChars(name).replace(/xã hội/gu, "");
  if (has(l.replace(/thị xã/gu, ""), "xã|phường|thị trấn|cấp xã|thôn|tổ dân phố|khu dân cư")) return "commune";
  if (has(l, "huyện|quận|thị xã|cấp huyện|huyện ủy|huyện uỷ|quận ủy|thị ủy")) return "district";
  if (has(l, "tỉnh|sở|tỉnh ủy|tỉnh uỷ|cấp tỉnh|tỉnh đoàn") || l.includes("thành phố trực thuộc")) return "province";
  if (has(l, "bộ|trung ương|tw|tư|chính phủ|quốc hội|thủ tướng|quốc gia|toàn quốc|ban bí thư|bộ chính trị")) return "central";
  return null;
}

const HEAD_SCAN = new RegExp(
  `(?<![\\p{L}])(?:${sortedHeads.filter(([h]) => h.length > 3 || /^(?:sở|bộ|ban|cục|hội|ubnd|hđnd|bcđ|bch|mttq)$/.test(h)).map(([h]) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}])`,
  "gu",
);

/** Every agency mention in a stretch of text (names written with a capital, or after "các"). */
export function findAgencies(src: Source, start = 0, end = src.text.length): AgencyMention[] {
  const out: AgencyMention[] = [];
  HEAD_SCAN.lastIndex = start;
  let last = start;
  for (let m = HEAD_SCAN.exec(src.lower); m && m.index < end; m = HEAD_SCAN.exec(src.lower)) {
    if (m.index < last) continue;
    const capital = /\p{Lu}/u.test(src.text[m.index]!);
    const after = /(?:các|những)\s+$/u.test(src.lower.slice(Math.max(0, m.index - 6), m.index));
    if (!capital && !after) continue;
    const from = after ? src.lower.lastIndexOf(" ", m.index - 2) + 1 : m.index;
    const found = readAgencyList(src, from, Math.min(end, from + 300));
    for (const mention of found.mentions) out.push(mention);
    last = Math.max(found.end, m.index + m[0].length);
    HEAD_SCAN.lastIndex = last;
  }
  return out;
}
