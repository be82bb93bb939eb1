/**
 * @module parser/citations
 * Other documents the text cites by number and symbol ("Công điện số 28/CĐ-TTg ngày 11/01/2022
 * của Thủ tướng Chính phủ", "Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị"), each once,
 * with the type, date and issuer gathered from any of its mentions.
 */
import { matchesNear } from "../text/scan.js";
import type { Citation } from "../document/record.js";
import { ISSUER_BY_SYMBOL } from "../agencies/gazetteer.js";
import { readAgencyList, type Source } from "../agencies/recognize.js";
import { DOCUMENT_TYPES, typeByCode } from "../document/types.js";
import { editDistance } from "../agencies/places.js";
import { collapseSpaces, isSpaceUnit } from "../text/fold.js";
import { dateAt, findDates } from "./dates.js";
import { typeFromCode } from "./header.js";
import type { Doc } from "./lines.js";
import { memoize } from "../memo.js";

/** State "16/CT-TTg", "28/2021/QĐ-TTg", "17/2022/UBTVQH15"; Party "07-KL/TW", "10-TB/VPTW". */
const CODE = /(?<![\p{L}\p{N}/.-])(\d{1,5})(?:\s?-\s?([A-ZĐ][A-Za-zĐđ]{0,4})\/|\/(?:(\d{4})\/)?)((?:[A-ZĐ][\p{L}0-9&]*)(?:-[\p{L}0-9&]+)*)/uy;
/**
 * Every CODE match has a "/" at most 13 units after its start (5 digits, " - ", a 5-letter
 * party symbol), so it is tried only at the digits just before each "/" (see matchesNear).
 */
const CODE_SLASH_REACH = 13;

function isAsciiDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/** Type names that introduce a cited document, folded (alternatives per type); nearest before the code wins. */
const TYPE_WORDS: readonly [readonly string[], string][] = [
  [["thong tu lien tich"], "TTLT"],
  [["nghi quyet lien tich"], "NQLT"],
  [["cong van", "van ban", "thu"], "CV"],
  [["chi thi"], "CT"],
  [["cong dien"], "CĐ"],
  [["nghi quyet"], "NQ"],
  [["thong bao", "thong bao ket luan"], "TB"],
  [["ket luan"], "KL"],
  [["quyet dinh"], "QĐ"],
  [["nghi dinh"], "NĐ"],
  [["thong tu"], "TT"],
  [["ke hoach"], "KH"],
  [["huong dan"], "HD"],
  [["bao cao"], "BC"],
  [["to trinh"], "TTr"],
  [["quy dinh"], "QĐi"],
  [["quy che"], "QC"],
  [["chuong trinh"], "CTr"],
  [["phap lenh"], "PL"],
  [["luat"], "Luật"],
  [["thong tri"], "TTri"],
];

/**
 * A code found in the text. Its date and issuer are read only when the citation still lacks them
 * (`detailsOf`), and the issuer its symbol implies only when none is written (`inferIssuer`):
 * a repeated or excluded mention would discard them.
 */
interface Mention {
  code: string;
  key: string;
  type: string | null;
  /** The code as first read (before OCR repair), which the issuer is inferred from. */
  inferFrom: string;
  start: number;
  end: number;
}

/** Codes of the document itself (its own number) and spans that restate it ("Kèm theo …"). */
export interface CitationContext {
  ownCode: string | null;
  /** The text came from OCR: symbols may carry one-letter slips ("28/CĐĐ-TTEg"). */
  ocr?: boolean;
  excluded: { start: number; end: number }[];
}

export function parseCitations(doc: Doc, src: Source, ctx: CitationContext): Citation[] {
  const own = ctx.ownCode ? codeKey(ctx.ownCode) : null;
  const byKey = new Map<string, Citation & { inferFrom: string }>();
  for (const m of matchesNear(CODE, doc.text, "/", CODE_SLASH_REACH, isAsciiDigit)) {
    const mention = readMention(doc, m);
    if (!mention) continue;
    if (ctx.ocr) {
      mention.code = repairSymbol(mention.code);
      mention.key = codeKey(mention.code);
    }
    if (own && (mention.key === own || sameNumber(mention.key, own))) continue;
    if (ctx.excluded.some((x) => mention.start >= x.start && mention.start < x.end)) continue;
    // Keys are pairwise no OCR twins (a twin joins the key it matches), so a key equal to this
    // one is the only key find() could return: the scan is needed only for a new key.
    const key = byKey.has(mention.key) ? mention.key : (findTwin(byKey.keys(), mention.key) ?? mention.key);
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { code: mention.code, type: mention.type, date: dateOf(doc, mention), issuer: issuerAfter(doc, src, mention.end), spans: [{ start: mention.start, end: mention.end }], inferFrom: mention.inferFrom });
      continue;
    }
    prev.type ??= mention.type;
    prev.date ??= dateOf(doc, mention);
    prev.issuer ??= issuerAfter(doc, src, mention.end);
    prev.spans.push({ start: mention.start, end: mention.end });
  }
  const merged = ctx.ocr ? mergeTruncated(byKey) : [...byKey.values()];
  return merged.map(({ inferFrom, ...c }) => ({ ...c, issuer: c.issuer ?? inferIssuer(inferFrom) }));
}

/** OCR cuts codes short ("1368/QĐ" for "1368/QĐ-UBND"): a code that begins another code is that code. */
function mergeTruncated<T extends Citation>(byKey: Map<string, T>): T[] {
  const keys = [...byKey.keys()];
  const out: T[] = [];
  for (const k of keys) {
    const longer = keys.find((o) => o !== k && o.length > k.length && o.startsWith(k) && /^[-/]/.test(o.slice(k.length)));
    if (!longer) {
      out.push(byKey.get(k)!);
      continue;
    }
    const target = byKey.get(longer)!;
    const short = byKey.get(k)!;
    target.date ??= short.date;
    target.spans.push(...short.spans);
  }
  return out;
}

function readMention(doc: Doc, m: RegExpMatchArray): Mention | null {
  const start = m.index!;
  let code = m[0].replace(/\s+/g, "");
  const symbol = m[4]!;
  if (!/\p{Lu}.*\p{L}|\p{Lu}{2}/u.test(symbol)) return null;
  const before = doc.folded.slice(Math.max(0, start - 70), start);
  const typeWord = nearestTypeWord(before);
  if (!m[2] && !m[3] && !symbol.includes("-") && !endsWithSo(before) && !typeWord) return null;
  code = fixOcrSymbol(code);
  const end = start + m[0].length;
  const type = typeWord ?? typeFromCode(code)?.code ?? (m[3] && /QH\d*$/.test(symbol) ? "NQ" : "CV");
  return { code, key: codeKey(code), type, inferFrom: code, start, end };
}

/** The date written after the code ("… ngày 11/01/2022"), or before it in a "… ban hành" sentence. */
function dateOf(doc: Doc, m: Mention): string | null {
  return dateAt(doc.folded.slice(m.end, m.end + 40), 10)?.iso ?? dateBefore(doc, m.start);
}

/** `/(?:so|so:)\s*$/.test(before)`, without the regex trying every position of `before`. */
function endsWithSo(before: string): boolean {
  const end = spaceStart(before, before.length);
  return (end >= 2 && before.startsWith("so", end - 2)) || (end >= 3 && before.startsWith("so:", end - 3));
}

/**
 * `before.replace(/\s*(?:so\s*[:.]?)?\s*$/, "")`: drops the trailing white space, and a trailing
 * "so", "so:" or "so." (spaces allowed before the mark) with the white space before it.
 * By hand because the regex, anchored only at its end, is tried at every position.
 */
function withoutNumberMark(before: string): string {
  const end = spaceStart(before, before.length);
  const last = before.charCodeAt(end - 1);
  const word = last === 58 || last === 46 ? spaceStart(before, end - 1) : end;
  return word >= 2 && before.startsWith("so", word - 2) ? before.slice(0, spaceStart(before, word - 2)) : before.slice(0, end);
}

/** Where the white space that ends at `end` starts. */
function spaceStart(s: string, end: number): number {
  while (end > 0 && isSpaceUnit(s.charCodeAt(end - 1))) end--;
  return end;
}

function nearestTypeWord(before: string): string | null {
  const tail = withoutNumberMark(before);
  // That replace leaves no white space at the end, so /word\s*$/ is "ends with word".
  for (const [words, code] of TYPE_WORDS) if (words.some((w) => tail.endsWith(w))) return code;
  return /(?:^|[^\p{L}])luat\s[^,;.()]{1,50}$/u.test(tail) ? "Luật" : null;
}

/** "Ngày 04 tháng 03 năm 2020, Thủ tướng Chính phủ đã ban hành Chỉ thị số 11/CT-TTg". */
function dateBefore(doc: Doc, start: number): string | null {
  const from = Math.max(0, start - 160);
  const before = doc.folded.slice(from, start);
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1);
  if (!/ban hanh/.test(sentence)) return null;
  const d = findDates(sentence)[0];
  return d && d.index < 5 ? d.iso : null;
}

function issuerAfter(doc: Doc, src: Source, end: number): string | null {
  const window = doc.folded.slice(end, end + 60);
  const m = /^[\s,]*(?:ngay[^,]*?(?:\d{4})\s*)?[\s,]*(?:cua|do)\s+(?:cua\s+)?/.exec(window);
  if (!m) return null;
  const at = end + m[0].length;
  const list = readAgencyList(src, at, Math.min(doc.text.length, at + 120));
  const first = list.mentions[0];
  return first ? collapseSpaces(first.text) : null;
}

function inferIssuer(code: string): string | null {
  const parts = code.split("/");
  const symbol = parts[parts.length - 1]!;
  const segs = symbol.split("-");
  const state = /^\d+\/(?:\d{4}\/)?/.test(code) && !/^\d+-/.test(code);
  const candidates = state ? (typeByCode(segs[0]!) && segs.length > 1 ? [segs[1]!, segs[0]!] : [segs[0]!]) : [segs[0]!];
  for (const c of candidates) {
    const name = ISSUER_BY_SYMBOL[c] ?? ISSUER_BY_SYMBOL[c.replace(/\d+$/, "")];
    if (name) return name;
  }
  return null;
}

/** OCR reads "15" as "I5" or "IS" inside a symbol such as "UBTVQH15" (pure; codes repeat across documents). */
const fixOcrSymbol = memoize(fixOcrSymbolUncached, 20_000);

function fixOcrSymbolUncached(code: string): string {
  return code.replace(/([A-ZĐ])[Il](?=\d)/g, "$11").replace(/([A-ZĐ]{3,})[Il]5$/u, "$115").replace(/([A-ZĐ]{3,})IS$/u, "$115");
}

const KNOWN_SEGMENTS = new Set([...DOCUMENT_TYPES.map((t) => t.code), ...Object.keys(ISSUER_BY_SYMBOL), "UBND", "HĐND", "KGVX", "KTTH", "NC", "VX", "KT", "TU", "HU", "BYT", "MT", "TW", "VP"]);
const knownFolded = [...KNOWN_SEGMENTS].map((k) => [codeKeyUncached(k), k] as const);

/** Replaces a symbol segment OCR misread by the one known segment a single edit away. */
function repairSymbol(code: string): string {
  return code.replace(/(\p{Lu})\1{2,}/gu, "$1").replace(/[\p{L}]{2,}/gu, (seg) => {
    if (KNOWN_SEGMENTS.has(seg)) return seg;
    const key = codeKey(seg);
    const near = knownFolded.filter(([k]) => k.length >= 2 && editDistance(k, key) === 1);
    // "QĐĐ" is one letter from both QĐ and QĐi: an OCR doubling keeps the known segment it starts with.
    const prefixed = near.filter(([k]) => key.startsWith(k));
    return near.length === 1 ? near[0]![1] : prefixed.length === 1 ? prefixed[0]![1] : seg;
  });
}

/** The comparison key of a code (pure; asked of every mention and of the same codes again). */
export const codeKey: (code: string) => string = memoize(codeKeyUncached, 20_000);

function codeKeyUncached(code: string): string {
  return code
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/^SO:?/, "");
}

function findTwin(keys: Iterable<string>, key: string): string | undefined {
  for (const k of keys) if (ocrTwins(k, key)) return k;
  return undefined;
}

/** Two OCR readings of one code: same number (and year), symbols equal once I/l/S/O/B are read as digits. */
function ocrTwins(a: string, b: string): boolean {
  const fold = (s: string): string => s.replace(/[IL|]/g, "1").replace(/S/g, "5").replace(/O/g, "0").replace(/B/g, "8");
  return beforeSlash(a) === beforeSlash(b) && fold(a) === fold(b);
}

/** `s.split("/")[0]`, without the array. */
function beforeSlash(s: string): string {
  const i = s.indexOf("/");
  return i < 0 ? s : s.slice(0, i);
}

/** Both tests are pure: the cheap last-segment one goes first and usually settles it. */
function sameNumber(a: string, b: string): boolean {
  return lastSegment(a) === lastSegment(b) && a.replace(/[^0-9]/g, "") === b.replace(/[^0-9]/g, "");
}

/** What follows the last "/" or "-" (`s.split(/[/-]/).slice(-1)[0]`). */
function lastSegment(s: string): string {
  return s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("-")) + 1);
}
