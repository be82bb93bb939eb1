/**
 * @module agencies/recognize
 * Gazetteer-driven recognition of agency mentions: where a name starts (a head noun, optionally
 * after a role or "các"), where it ends (a verb or discourse word of the genre, punctuation, or
 * "và" outside a compound sector name), and how a list of them splits ("các sở, ban, ngành" is one
 * collective mention; "Các đảng ủy Công an tỉnh, Quân sự tỉnh" distributes its head).
 */
import type { AdminLevel, AgencyKind, AgencyMention } from "../document/record.js";
import { foldChars, isSpaceUnit, isUpperUnit, lowerChars, startsLower } from "../text/fold.js";
import { WordIndex, WordKey } from "./word-index.js";
import { ABBREVIATIONS, CONTINUATIONS, HEADS, ORGANISATION_NOUN, ROLES } from "./gazetteer.js";
import { standsAt } from "./stands-at.js";
import { NameWordsAt, type Stop } from "./name-words.js";
import { memoize } from "../memo.js";
import { codeUnits } from "../text/codeunits.js";
import { isLetterUnit, nextNameStart } from "./name-start.js";
import { FirstPairs } from "./first-pairs.js";

/** The text a recognizer reads: original and lower-cased, same offsets. */
export interface Source {
  text: string;
  lower: string;
  /** Diacritic-folded, for names OCR garbled ("Trướng Ban Chi đạo"). */
  folded: string;
  /** readAgencyList's results by start offset (see Bound). */
  lists: Map<number, Reading[]>;
}

/**
 * The end a list reading is bounded by, and what the reading learnt about it: the largest
 * position it found before the end and the smallest it found at or past it. The end is used
 * only through `before`, so a reading from the same start returns the same list for any end in
 * (maxIn, minOut]. findAgencies reads every name of the body; tasks and citations then ask for
 * many of the same lists with other ends, and get the remembered one.
 */
interface Bound {
  end: number;
  maxIn: number;
  minOut: number;
}

interface Reading {
  maxIn: number;
  minOut: number;
  list: { mentions: AgencyMention[]; end: number };
}

function before(b: Bound, x: number): boolean {
  if (x < b.end) {
    if (x > b.maxIn) b.maxIn = x;
    return true;
  }
  if (x < b.minOut) b.minOut = x;
  return false;
}

/** `folded` and `lower` may be passed when the caller has them already (Doc.folded, Doc.lower). */
export function toSource(text: string, folded: string = foldChars(text), lower: string = lowerChars(text)): Source {
  return { text, lower, folded, lists: new Map() };
}

const sortedHeads = [...HEADS].sort((a, b) => b[0].length - a[0].length);
const sortedRoles = [...ROLES].sort((a, b) => b.length - a.length);
const foldedRoles = sortedRoles.map((r) => foldChars(r));
const foldedMultiHeads = sortedHeads.filter(([h]) => h.includes(" ")).map(([h, k]) => [foldChars(h), k] as const);
const continuationSet = [...CONTINUATIONS].sort((a, b) => b.length - a.length);


/** The first (longest) entry under the word at `at` that stands there as whole words. */
function wordsAt(s: string, at: number, index: WordIndex<string>): string | null {
  return wholeAt(s, at, index.at(s, at));
}

function wholeAt(s: string, at: number, candidates: string[] | undefined): string | null {
  if (candidates) for (const w of candidates) if (standsAt(s, at, w)) return w;
  return null;
}

const plainIndex = (list: readonly string[]): WordIndex<string> => new WordIndex(list, (w) => w);
const roleIndex = plainIndex(sortedRoles);
const foldedRoleIndex = plainIndex(foldedRoles);

const continuationIndex = plainIndex(continuationSet);
const headIndex = new WordIndex(sortedHeads, (h) => h[0]);
/** Necessary tests for a head, a role, and either, standing at an offset of the lower-cased text. */
const headStarts = new FirstPairs(sortedHeads.map(([h]) => h));
const roleStarts = new FirstPairs(sortedRoles);
const leadStarts = new FirstPairs([...sortedHeads.map(([h]) => h), ...sortedRoles]);
/** The same, on the folded text, for the OCR-garbled roles and multi-word heads. */
const foldedRoleStarts = new FirstPairs(foldedRoles);
const foldedHeadStarts = new FirstPairs(foldedMultiHeads.map(([h]) => h));
const foldedHeadIndex = new WordIndex(foldedMultiHeads, (h) => h[0]);

/** A multi-word head on folded text (the exact word only: no trailing punctuation stripped). */
function foldedHeadAt(folded: string, at: number): readonly [string, AgencyKind] | null {
  if (!foldedHeadStarts.mayStartAt(folded, at)) return null;
  for (const h of foldedHeadIndex.at(folded, at, true) ?? []) if (standsAt(folded, at, h[0])) return h;
  return null;
}

/** `key`, when given, is the WordKey of `lower` at `at` (already computed by the caller). */
export function headAt(lower: string, at: number, key?: WordKey): readonly [string, AgencyKind] | null {
  if (!headStarts.mayStartAt(lower, at)) return null;
  const candidates = key ? headIndex.get(key) : headIndex.at(lower, at);
  if (candidates) for (const h of candidates) if (standsAt(lower, at, h[0])) return h;
  return null;
}

/** The word key of the word being read in `extend`, and its compounds and stops. */
const extendKey = new WordKey();
const extendWords = new NameWordsAt();
/** The key and words `stopAt` looks up when its caller has none (used and dropped at once). */
const stopKey = new WordKey();
const stopWords = new NameWordsAt();

/** `words` are the NameWordsAt of the word of `src.lower` at `at`, when the caller has them. */
function stopAt(src: Source, at: number, from: number, words: NameWordsAt = stopWords.set(stopKey.set(src.lower, at))): boolean {
  const stop = wholeStopAt(src.lower, at, words.stops);
  if (!stop) return false;
  if (stop.exceptions) {
    const before = src.lower.slice(from, at);
    for (const re of stop.exceptions) if (re.test(before)) return false;
  }
  if (stop.text === "tổ chức" && ORGANISATION_NOUN.test(src.lower.slice(at, at + 40))) return false;
  return true;
}

/** wholeAt for stops. */
function wholeStopAt(s: string, at: number, candidates: Stop[] | undefined): Stop | null {
  if (candidates) for (const w of candidates) if (standsAt(s, at, w.text)) return w;
  return null;
}

function skipSpaces(text: string, at: number, b: Bound): number {
  for (let c = text.charCodeAt(at); before(b, at) && (c === 32 || c === 9); c = text.charCodeAt(++at));
  return at;
}

interface Raw {
  start: number;
  end: number;
  head: readonly [string, AgencyKind] | null;
  role: string | null;
  plural: boolean;
}

type Head = readonly [string, AgencyKind];

/**
 * The role and head the word at an offset of a source starts, each found on first request.
 * findAgencies asks them of every name candidate and readMention asks them again at the same
 * offset when it reads the candidate's list, so the answers for the last offset are kept (keyed
 * by the Source object, whose strings never change, and the offset).
 */
class LeadWord {
  readonly key = new WordKey();
  private src: Source | null = null;
  private at = -1;
  private headKnown = false;
  private headFound: Head | null = null;
  private roleKnown = false;
  private roleFound: string | null = null;

  moveTo(src: Source, at: number): this {
    if (src === this.src && at === this.at) return this;
    this.src = src;
    this.at = at;
    this.key.set(src.lower, at);
    this.headKnown = this.roleKnown = false;
    return this;
  }

  /** headAt(src.lower, at). */
  head(): Head | null {
    if (!this.headKnown) {
      this.headFound = headAt(this.key.s, this.at, this.key);
      this.headKnown = true;
    }
    return this.headFound;
  }

  /** The role of `roleIndex` standing at `at` as whole words. */
  role(): string | null {
    if (!this.roleKnown) {
      this.roleFound = roleStarts.mayStartAt(this.key.s, this.at) ? wholeAt(this.key.s, this.at, roleIndex.get(this.key)) : null;
      this.roleKnown = true;
    }
    return this.roleFound;
  }
}

const leadWord = new LeadWord();
/** The word after a plural ("các", "những"), where findAgencies and readMention both ask for a head. */
const afterPlural = new LeadWord();

/** Reads one mention at `at` (no list handling); null when no agency starts there. */
function readMention(src: Source, at: number, b: Bound, allowHeadless: boolean): Raw | null {
  const start = skipSpaces(src.text, at, b);
  let pos = start;
  const lead = leadWord.moveTo(src, pos);
  const role = lead.role() ?? (foldedRoleStarts.mayStartAt(src.folded, pos) ? wordsAt(src.folded, pos, foldedRoleIndex) : null);
  if (role) pos = skipSpaces(src.text, pos + role.length, b);
  const plural = pluralAt(src.lower, pos);
  if (plural) pos += plural.length;
  let head = (pos === start ? lead : afterPlural.moveTo(src, pos)).head() ?? foldedHeadAt(src.folded, pos);
  if (head && head[0] === "ban" && src.lower.startsWith("ban hành", pos)) head = null;
  if (!head && role && !/^\s*\p{L}/u.test(src.text.slice(pos, pos + 2))) return { start, end: trimEnd(src.text, start, pos), head: null, role, plural: Boolean(plural) };
  if (!head && !role && !allowHeadless) return null;
  if (head?.[0] === "tổ chức" && !ORGANISATION_NOUN.test(src.lower.slice(pos, pos + 40)) && !plural) return null;
  if (!head && stopAt(src, pos, pos)) return null;
  if (!head && !isLetterUnit(src.text.charCodeAt(pos))) return null;
  pos = head ? pos + head[0].length : pos;
  const stop = extend(src, pos, b, start);
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
function wordEnd(text: string, pos: number, b: Bound): number {
  let i = pos;
  while (i < b.end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 44 || c === 59 || c === 58 || c === 40 || c === 41) break;
    i++;
  }
  // Equivalent to asking before(b, ·) of every offset pos..i (the loop `while (before(b, i))`):
  // it keeps only the largest offset inside the bound and the smallest outside, which among
  // contiguous offsets are i - 1 or i, and i. Asked per unit it cost a call per letter.
  if (i > pos) before(b, i - 1);
  before(b, i);
  return i;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 38 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/** -–"“”'’/. */
function isNamePunct(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 34 || c === 0x201c || c === 0x201d || c === 39 || c === 0x2019 || c === 47 || c === 46;
}

/** The administrative unit words a place name follows ("thành phố Phan Thiết"). */
const UNIT_WORDS = ["tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn"];

/**
 * /(?:^|\s)(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s*$/u.test(lower.slice(lo, end)),
 * by hand (it runs for every capitalised word of a name): `\s*$` leaves only white space after the
 * word, so it ends at the last other unit; it must start at `lo` (^) or after white space (\s).
 */
export function endsWithUnitWord(lower: string, lo: number, end: number): boolean {
  let last = end - 1;
  while (last >= lo && isSpaceUnit(lower.charCodeAt(last))) last--;
  if (last < lo) return false;
  const c = lower.charCodeAt(last);
  for (const w of UNIT_WORDS) {
    const start = last + 1 - w.length;
    if (c === w.charCodeAt(w.length - 1) && start >= lo && lower.startsWith(w, start) && (start === lo || isSpaceUnit(lower.charCodeAt(start - 1)))) return true;
  }
  return false;
}

function extend(src: Source, pos: number, b: Bound, from: number): number {
  let last = pos;
  let placeNamed = false;
  for (let words = 0; before(b, pos) && words < 18; words++) {
    pos = skipSpaces(src.text, pos, b);
    if (!before(b, pos)) break;
    const words = extendWords.set(extendKey.set(src.lower, pos));
    const compound = wholeAt(src.lower, pos, words.compounds);
    if (compound) {
      last = pos = pos + compound.length;
      continue;
    }
    const c = src.text.charCodeAt(pos);
    if (c === 40) {
      const close = src.text.indexOf(")", pos);
      if (close > 0 && before(b, close) && close - pos < 90 && !src.text.slice(pos, close).includes("\n")) last = pos = close + 1;
      break;
    }
    if (!isWordChar(c) && !isNamePunct(c)) break;
    if (c === 46 && !isWordChar(src.text.charCodeAt(pos + 1))) break;
    if ((src.lower.charCodeAt(pos) === 118 && src.lower.startsWith("và ", pos)) || stopAt(src, pos, from, words)) break;
    const upper = isUpperUnit(c);
    // "… thành phố Phan Thiết truy vết": after a place's name a lower-case word is the verb.
    if (placeNamed && !upper) break;
    if (upper && endsWithUnitWord(src.lower, Math.max(from, pos - 12), pos)) placeNamed = true;
    let stop = wordEnd(src.text, pos, b);
    if (stop === pos) break;
    const dotted = src.text.charCodeAt(stop - 1) === 46;
    while (stop > pos && src.text.charCodeAt(stop - 1) === 46) stop--;
    last = pos = stop;
    if (dotted) break;
  }
  return trimEnd(src.text, from, last);
}

/** [\s\-–"“”'’,] */
function isTrailing(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 34 || c === 0x201c || c === 0x201d || c === 39 || c === 0x2019 || c === 44 || isSpaceUnit(c);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
  return end;
}

const CONJUNCTIONS = ["và", "cùng", "với"];

/**
 * Where the next list member starts after a separator in text[at, min(cap, b.end)): the end of
 * what /^\s*(?:,|;)?\s*(?:và\s+|cùng\s+|với\s+)?/ matches there, or -1 unless it holds "," ";"
 * or a conjunction. Hand-written: it runs after every mention.
 */
function afterSeparator(text: string, at: number, cap: number, b: Bound): number {
  let i = skipWhite(text, at, cap, b);
  const c = text.charCodeAt(i);
  const punct = inside(i, cap, b) && (c === 44 || c === 59);
  if (punct) i = skipWhite(text, i + 1, cap, b);
  const first = text.charCodeAt(i);
  for (const w of CONJUNCTIONS) {
    const after = i + w.length;
    // The first-unit test spares a startsWith call that would fail; `inside` still runs first (it
    // records the offset in the bound, as before).
    if (inside(after, cap, b) && first === w.charCodeAt(0) && text.startsWith(w, i) && isSpaceUnit(text.charCodeAt(after))) return skipWhite(text, after, cap, b);
  }
  return punct ? i : -1;
}

function inside(x: number, cap: number, b: Bound): boolean {
  return x < cap && before(b, x);
}

function skipWhite(text: string, at: number, cap: number, b: Bound): number {
  while (inside(at, cap, b) && isSpaceUnit(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Reads a list of agencies starting at `at` (a subject or object phrase), e.g.
 * "Sở Công thương", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ và UBND các tỉnh, thành phố".
 */
export function readAgencyList(src: Source, at: number, end: number): { mentions: AgencyMention[]; end: number } {
  const known = src.lists.get(at);
  if (known) for (const r of known) if (r.maxIn < end && end <= r.minOut) return r.list;
  const b: Bound = { end, maxIn: -Infinity, minOut: Infinity };
  const list = readList(src, at, b);
  const reading = { maxIn: b.maxIn, minOut: b.minOut, list };
  if (known) known.push(reading);
  else src.lists.set(at, [reading]);
  return list;
}

function readList(src: Source, at: number, b: Bound): { mentions: AgencyMention[]; end: number } {
  const mentions: AgencyMention[] = [];
  let pos = at;
  let listEnd = at;
  while (before(b, pos)) {
    const prev = lastOf(mentions);
    const raw = readMention(src, pos, b, Boolean(prev));
    if (!raw) break;
    // Asked once: it is pure, and was asked up to three times of the same mention.
    const joins = prev !== undefined && joinsPrevious(src, raw, prev);
    if (prev && !raw.head && !raw.role && !joins && !distributes(src, raw, prev)) break;
    if (joins) raw.head = null;
    addMention(src, mentions, raw, joins);
    listEnd = raw.end;
    const next = afterSeparator(src.text, raw.end, raw.end + 12, b);
    if (next < 0) break;
    pos = next;
  }
  return { mentions, end: listEnd };
}

/**
 * The last mention, or undefined. `a[a.length - 1]` on an empty array reads the key -1, which is
 * no array index: V8 looks it up as a named property (~25 ns more, once per list read).
 */
function lastOf(mentions: AgencyMention[]): AgencyMention | undefined {
  return mentions.length > 0 ? mentions[mentions.length - 1] : undefined;
}

/** The cheap tests first (all are pure). */
function joinsPrevious(src: Source, raw: Raw, prev: AgencyMention): boolean {
  return !isUpperUnit(src.text.charCodeAt(raw.start)) && (prev.collective || startsLower(prev.text)) && wordsAt(src.lower, raw.start, continuationIndex) !== null;
}

/** Heads that name a body of their own, so they never take a preceding plural head ("Các đảng ủy X, Y"). */
const OWN_BODY = new Set(["ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "sở", "bộ", "ban", "cục", "tổng cục", "văn phòng", "trung tâm", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "thành ủy", "ủy ban", "uỷ ban", "bệnh viện", "báo", "đài"]);

function distributes(src: Source, raw: Raw, prev: AgencyMention): boolean {
  const base = prev.distributedFrom ?? prev.text;
  // The regex last: the three tests are pure, and most mentions asked fail the cheap ones.
  return isUpperUnit(src.text.charCodeAt(raw.start)) && (!raw.head || !OWN_BODY.has(raw.head[0])) && /^[cC]ác\s+\p{Ll}/u.test(base);
}

/** `joins`: joinsPrevious(src, raw, the last of `mentions`). */
function addMention(src: Source, mentions: AgencyMention[], raw: Raw, joins: boolean): void {
  const prev = lastOf(mentions);
  const text = src.text.slice(raw.start, raw.end);
  if (prev && !raw.role && (!raw.head || distributes(src, raw, prev))) {
    if (!raw.head && joins) {
      prev.text = src.text.slice(prev.span.start, raw.end);
      prev.span = { start: prev.span.start, end: raw.end };
      prev.expanded = expandAbbreviations(prev.text);
      return;
    }
    const base = prev.distributedFrom ?? prev.text;
    const head = /^[cC]ác\s+([\p{Ll}\s]+?)\s+\p{Lu}/u.exec(base);
    if (head) {
      const name = `${head[1]} ${text}`;
      const m = makeMention(name, raw.start, raw.end, prev.kind, false);
      m.distributedFrom = base;
      mentions.push(m);
      return;
    }
  }
  const kind = raw.head?.[1] ?? "other";
  const facts = nameFacts(text);
  const collective = raw.plural || facts.plural || text.includes(",");
  mentions.push(makeMention(text, raw.start, raw.end, kind, collective, raw.role, facts));
}

/**
 * /\bcác\b|\bnhững\b/u on the lower-cased name, asked of the name itself: the letters in either
 * case, and for \b the units whose lower case is an ASCII word character ([A-Za-z0-9_] and the
 * Kelvin sign, which lower-cases to "k").
 */
const PLURAL_WORD = /(?<![A-Za-z0-9_\u212A])(?:[cC][áÁ][cC]|[nN][hH][ữỮ][nN][gG])(?![A-Za-z0-9_\u212A])/u;

export function hasPluralWord(name: string): boolean {
  return PLURAL_WORD.test(name);
}

interface NameFacts {
  expanded: string;
  level: AdminLevel | null;
  /** The name holds the word "các" or "những" (a collective mention). */
  plural: boolean;
}

/** What a name's text alone decides: asked again for every repeat of a name, so memoized. */
const nameFacts = memoize((text: string): NameFacts => {
  const expanded = expandAbbreviations(text);
  return { expanded, level: levelOf(expanded), plural: hasPluralWord(text) };
}, 20_000);

function makeMention(text: string, start: number, end: number, kind: AgencyKind, collective: boolean, role?: string | null, facts = nameFacts(text)): AgencyMention {
  const m: AgencyMention = { text, expanded: facts.expanded, span: { start, end }, kind, level: facts.level, collective };
  if (role) m.role = role;
  return m;
}

const expandMemo = memoize(expandUncached, 20_000);

export function expandAbbreviations(text: string): string {
  return /[A-ZĐƯ]{2}|&|TP/u.test(text) ? expandMemo(text) : text;
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
export const levelOf: (name: string) => AdminLevel | null = memoize(levelUncached, 20_000);

function levelUncached(name: string): AdminLevel | null {
  const l = lowerChars(name).replace(/xã hội/gu, "");
  if (COMMUNE.test(l.replace(/thị xã/gu, ""))) return "commune";
  if (DISTRICT.test(l)) return "district";
  if (PROVINCE.test(l) || l.includes("thành phố trực thuộc")) return "province";
  if (CENTRAL.test(l)) return "central";
  return null;
}

/** Every agency mention in a stretch of text (names written with a capital, or after "các"). */
export function findAgencies(src: Source, start = 0, end = src.text.length): AgencyMention[] {
  const out: AgencyMention[] = [];
  let from = start;
  // A typed copy of the text: the scan reads every unit of the body, and reading a typed array
  // costs about half a `charCodeAt` in the pipeline.
  const units = codeUnits(src.text);
  for (let m = nextNameStart(src.text, units, from, end); m; m = nextNameStart(src.text, units, from, end)) {
    const plural = m.length > 1;
    const headPos = m.index + m.length - (plural ? 0 : 1);
    from = m.index + m.length;
    // The lead-word test below, for the many capitalised words that start no head or role.
    if (!leadStarts.mayStartAt(src.lower, headPos)) continue;
    const lead = (plural ? afterPlural : leadWord).moveTo(src, headPos);
    if (!lead.head() && !lead.role()) continue;
    const found = readAgencyList(src, m.index, Math.min(end, m.index + 300));
    for (const mention of found.mentions) out.push(mention);
    from = Math.max(found.end, from);
  }
  return out;
}
