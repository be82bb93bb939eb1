/**
 * @module registry/place-words
 * The words that place an agency in the hierarchy ("tỉnh", "huyện", "cấp xã", "Tỉnh ủy",
 * "Trung ương") and the unit name written after them ("tỉnh Khánh Hòa", "huyện Cư M'gar").
 * Matched on lower-cased text that keeps its diacritics: folded text would read "tình hình" as
 * "tỉnh Hình" and "địa phương" as a ward.
 */
import { lowerChars } from "../text/fold.js";

export type UnitLevel = "province" | "district" | "commune";

/**
 * - unit: an administrative unit ("tỉnh", "thị xã"), a name may follow;
 * - tier: a level of government ("cấp huyện", "tuyến tỉnh"), no name;
 * - party: a party committee or youth union named after its unit ("Tỉnh ủy", "Huyện ủy"), a
 *   name may follow and the word belongs to the agency's name;
 * - central: the national level ("Trung ương", "Quốc gia").
 */
export type PlaceWordKind = "unit" | "tier" | "party" | "central";

/** "city": "thành phố" is a province (Hà Nội) or a district (Nha Trang); the name decides. */
export type PlaceLevel = UnitLevel | "city" | "central";

export interface PlaceWord {
  /** The word, lower-case: "tỉnh", "thành phố", "cấp huyện", "huyện ủy", "trung ương". */
  word: string;
  kind: PlaceWordKind;
  level: PlaceLevel;
  start: number;
  end: number;
  /** The capitalised words after it: the unit's name ("Khánh Hòa"), title-cased if shouted. */
  name: string | null;
  /** Where the name ends (= end when there is none). */
  nameEnd: number;
}

const WORDS: readonly (readonly [string, PlaceWordKind, PlaceLevel])[] = [
  ["tỉnh ủy", "party", "province"],
  ["thành ủy", "party", "city"],
  ["huyện ủy", "party", "district"],
  ["quận ủy", "party", "district"],
  ["thị ủy", "party", "district"],
  ["tỉnh đoàn", "party", "province"],
  ["thành đoàn", "party", "city"],
  ["cấp tỉnh", "tier", "province"],
  ["cấp huyện", "tier", "district"],
  ["cấp xã", "tier", "commune"],
  ["tuyến tỉnh", "tier", "province"],
  ["tuyến huyện", "tier", "district"],
  ["tuyến xã", "tier", "commune"],
  ["trung ương", "central", "central"],
  ["quốc gia", "central", "central"],
  ["thành phố", "unit", "city"],
  ["thị trấn", "unit", "commune"],
  ["thị xã", "unit", "district"],
  ["tỉnh", "unit", "province"],
  ["huyện", "unit", "district"],
  ["quận", "unit", "district"],
  ["phường", "unit", "commune"],
  ["xã", "unit", "commune"],
];

/** Phrases that hold a place word without placing anything ("xã hội", "trực thuộc Trung ương"). */
const NOT_PLACES = /xã hội|trực thuộc trung ương|trực thuộc tỉnh ủy|trực thuộc tỉnh|trực thuộc|đảng ủy khối/gu;

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Lower case with one spelling of "uỷ"/"ủy" (same length, so offsets hold). */
export function lowerForWords(text: string): string {
  return lowerChars(text.normalize("NFC")).replace(/uỷ/gu, "ủy");
}

/** Every place word of `text`, left to right, with the name that follows each. */
export function placeWords(text: string): PlaceWord[] {
  const lower = blankOut(lowerForWords(text), NOT_PLACES);
  const out: PlaceWord[] = [];
  for (let at = 0; at < lower.length; at++) {
    if (isLetter(lower[at - 1]) || !isLetter(lower[at])) continue;
    const hit = wordAt(lower, at);
    if (!hit) continue;
    const [word, kind, level] = hit;
    const end = at + word.length;
    const name = kind === "unit" || kind === "party" ? nameAfter(text, end) : null;
    out.push({ word, kind, level, start: at, end, name: name?.name ?? null, nameEnd: name?.end ?? end });
    at = (name?.end ?? end) - 1;
  }
  return out;
}

/** The place word standing at `at` of lower-cased text, if any. */
function wordAt(lower: string, at: number): (typeof WORDS)[number] | undefined {
  return WORDS.find(([w]) => lower.startsWith(w, at) && !isLetter(lower[at + w.length]));
}

function blankOut(s: string, re: RegExp): string {
  return s.replace(re, (m) => " ".repeat(m.length));
}

const NAME_WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}'’]*$/u;
const JOINERS = new Set(["-", "–"]);

/** The run of capitalised words (or numbers: "Quận 1") starting after `from`. */
function nameAfter(text: string, from: number): { name: string; end: number } | null {
  const words: string[] = [];
  let end = from;
  const re = /\S+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (text.slice(end, m.index).trim() !== "") break;
    const word = m[0].replace(/[.,;:)\]]+$/u, "");
    const joins = JOINERS.has(word) && words.length > 0;
    if (!joins && !NAME_WORD.test(word)) break;
    if (!joins && (/^(?:VÀ|CÁC|CỦA|VỀ|TẠI|TRÊN)$/u.test(word) || wordAt(lowerForWords(text), m.index))) break;
    words.push(word);
    end = m.index + word.length;
    if (word !== m[0]) break;
  }
  while (words.length > 0 && JOINERS.has(words[words.length - 1]!)) words.pop();
  if (words.length === 0) return null;
  const name = words.join(" ");
  return { name: isShouted(name) ? titleCase(name) : name, end };
}

function isShouted(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);
}

/** "KHÁNH HÒA" → "Khánh Hòa", "CƯ M'GAR" → "Cư M'gar". */
export function titleCase(s: string): string {
  return s
    .split(" ")
    .map((w) => w.charAt(0) + lowerChars(w.slice(1)))
    .join(" ");
}
