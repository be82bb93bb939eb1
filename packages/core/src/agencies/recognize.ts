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
const listIndexes = new Map<readonly string[], Map<string, string[]>>();

function indexOf(list: readonly string[]): Map<string, string[]> {
  let index = listIndexes.get(list);
  if (!index) listIndexes.set(list, (index = byFirstWord(list, (w) => w)));
  return index;
}

/** Entries grouped by their first word, so a lookup tries only the few that can match. */
function byFirstWord<T>(entries: readonly T[], key: (e: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const e of entries) {
    const first = /^[^\s,]+/u.exec(key(e))?.[0] ?? "";
    map.set(first, [...(map.get(first) ?? []), e]);
  }
  return map;
}

/** The word at `at` (up to a space, comma or line end), without allocating a regex match. */
function firstWord(s: string, at: number): string {
  let end = at;
  const max = Math.min(s.length, at + 24);
  while (end < max) {
    const c = s.charCodeAt(end);
    if (c === 32 || c === 44 || c === 10 || c === 9) break;
    end++;
  }
  return s.slice(at, end);
}

function isBoundary(lower: string, at: number): boolean {
  return at <= 0 || at >= lower.length || !WORD_CHAR.test(lower[at]!) || !WORD_CHAR.test(lower[at - 1]!);
}

/** The longest entry of `list` that stands as whole words at `at`. */
function wordsAt(lower: string, at: number, list: readonly string[]): string | null {
  const index = indexOf(list);
  const w = firstWord(lower, at);
  const candidates = index.get(w) ?? (/[.,;:)]$/.test(w) ? index.get(w.replace(/[.,;:)]+$/, "")) : undefined) ?? [];
  for (const w of candidates) {
    if (lower.startsWith(w, at) && isBoundary(lower, at + w.length)) return w;
  }
  return null;
}

const foldedHeadIndex = new Map<readonly (readonly [string, AgencyKind])[], Map<string, (readonly [string, AgencyKind])[]>>();

function wordsAt2(folded: string, at: number, list: readonly (readonly [string, AgencyKind])[]): readonly [string, AgencyKind] | null {
  let index = foldedHeadIndex.get(list);
  if (!index) foldedHeadIndex.set(list, (index = byFirstWord(list, (h) => h[0])));
  for (const h of index.get(firstWord(folded, at)) ?? []) if (folded.startsWith(h[0], at) && isBoundary(folded, at + h[0].length)) return h;
  return null;
}

const headIndex = byFirstWord(sortedHeads, (h) => h[0]);

export function headAt(lower: string, at: number): readonly [string, AgencyKind] | null {
  const w = firstWord(lower, at);
  for (const h of headIndex.get(w) ?? headIndex.get(w.replace(/[.,;:)]+$/, "")) ?? []) {
    if (lower.startsWith(h[0], at) && isBoundary(lower, at + h[0].length)) return h;
  }
  return null;
}

function stopAt(src: Source, at: number, from: number): boolean {
  const candidates = stopSet.get(firstWord(src.lower, at).replace(/[.,;:)]+$/, ""));
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
  const plural = pluralAt(src.lower, pos);
  if (plural) pos += plural.length;
  let head = headAt(src.lower, pos) ?? wordsAt2(src.folded, pos, foldedMultiHeads);
  if (head && head[0] === "ban" && src.lower.startsWith("ban hành", pos)) head = null;
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
const PLURALS = ["các ", "những ", "toàn thể ", "mỗi "];

function pluralAt(lower: string, at: number): string | null {
  const c = lower.charCodeAt(at);
  if (c !== 99 && c !== 110 && c !== 116 && c !== 109) return null;
  for (const p of PLURALS) if (lower.startsWith(p, at)) return p;
  return null;
}

/** End of the word at `pos` (stops at white space, , ; : ( )). */
function wordEnd(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 44 || c === 59 || c === 58 || c === 40 || c === 41) break;
    i++;
  }
  return i;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 38 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

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
    if (!isWordChar(ch.charCodeAt(0)) && !'-–"“”\'’/.'.includes(ch)) break;
    if (ch === "." && !isWordChar(src.text.charCodeAt(pos + 1))) break;
    if (src.lower.startsWith("và ", pos) || stopAt(src, pos, from)) break;
    let stop = wordEnd(src.text, pos, end);
    if (stop === pos) break;
    const dotted = src.text.charCodeAt(stop - 1) === 46;
    while (stop > pos && src.text.charCodeAt(stop - 1) === 46) stop--;
    last = pos = stop;
    if (dotted) break;
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

const expandCache = new Map<string, string>();

export function expandAbbreviations(text: string): string {
  if (!/[A-ZĐƯ]{2}|&|TP/u.test(text)) return text;
  const hit = expandCache.get(text);
  if (hit !== undefined) return hit;
  const out = expandUncached(text);
  if (expandCache.size < 20_000) expandCache.set(text, out);
  return out;
}

function expandUncached(text: string): string {
  let out = text;
  for (const [re, long] of ABBREVIATIONS) out = out.replace(re, long);
  return out;
}

const word = (words: string): RegExp => new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, "u");
const COMMUNE = word("xã|phường|thị trấn|cấp xã|thôn|tổ dân phố|khu dân cư");
const DISTRICT = word("huyện|quận|thị xã|cấp huyện|huyện ủy|huyện uỷ|quận ủy|thị ủy");
const PROVINCE = word("tỉnh|sở|tỉnh ủy|tỉnh uỷ|cấp tỉnh|tỉnh đoàn");
const CENTRAL = word("bộ|trung ương|tw|tư|chính phủ|quốc hội|thủ tướng|quốc gia|toàn quốc|ban bí thư|bộ chính trị");

/** The administrative level the words of a mention name, if any. */
const levelCache = new Map<string, AdminLevel | null>();

export function levelOf(name: string): AdminLevel | null {
  const hit = levelCache.get(name);
  if (hit !== undefined) return hit;
  const level = levelUncached(name);
  if (levelCache.size < 20_000) levelCache.set(name, level);
  return level;
}

function levelUncached(name: string): AdminLevel | null {
  const l = lowerChars(name).replace(/xã hội/gu, "");
  if (COMMUNE.test(l.replace(/thị xã/gu, ""))) return "commune";
  if (DISTRICT.test(l)) return "district";
  if (PROVINCE.test(l) || l.includes("thành phố trực thuộc")) return "province";
  if (CENTRAL.test(l)) return "central";
  return null;
}

/** Where an agency name can start: a capitalised word, or "các"/"những" before a head noun. */
const NAME_START = /(?<![\p{L}\p{N}])(?:\p{Lu}|[cC]ác\s+(?=\p{L})|[nN]hững\s+(?=\p{L}))/gu;

/** Every agency mention in a stretch of text (names written with a capital, or after "các"). */
export function findAgencies(src: Source, start = 0, end = src.text.length): AgencyMention[] {
  const out: AgencyMention[] = [];
  NAME_START.lastIndex = start;
  for (let m = NAME_START.exec(src.text); m && m.index < end; m = NAME_START.exec(src.text)) {
    const plural = m[0].length > 1;
    const headPos = m.index + m[0].length - (plural ? 0 : 1);
    if (!headAt(src.lower, headPos) && !wordsAt(src.lower, headPos, sortedRoles)) continue;
    const found = readAgencyList(src, m.index, Math.min(end, m.index + 300));
    for (const mention of found.mentions) out.push(mention);
    NAME_START.lastIndex = Math.max(found.end, m.index + m[0].length);
  }
  return out;
}
