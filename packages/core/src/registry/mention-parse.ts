/**
 * @module registry/mention-parse
 * What an agency mention names, before any catalogue is asked: the body ("Sở Y tế"), a place
 * written with it ("tỉnh Khánh Hòa", "huyện Krông Pắc", bare "tỉnh" = the document's own),
 * and whether it stands for many agencies ("UBND các huyện, thị xã, thành phố" = the People's
 * Committee of every district of the jurisdiction; "các sở, ban, ngành" = every department).
 */
import type { AgencyMention } from "../document/record.js";
import { expandAbbreviations } from "../agencies/recognize.js";
import { ROLES } from "../agencies/gazetteer.js";
import { collapseTrimmed } from "../text/fold.js";
import { nameKey } from "./keys.js";
import { lowerForWords, placeWords, type PlaceLevel, type PlaceWord, type UnitLevel } from "./place-words.js";

/** A mention as the resolver needs it: the parser's AgencyMention, or a name read elsewhere. */
export type MentionInput = Pick<AgencyMention, "text" | "kind"> & Partial<Pick<AgencyMention, "expanded" | "level" | "collective" | "role">>;

/** A place written in the mention. */
export interface NamedPlace {
  level: Exclude<PlaceLevel, "central">;
  /** "Khánh Hòa"; null for a bare "tỉnh" (the document's own) or a tier. */
  name: string | null;
  /** "cấp huyện", "tuyến tỉnh": the level of government rather than one unit. */
  tier: boolean;
}

/**
 * - one: a single agency;
 * - each: the same body in every unit of a level ("below": the level under the document's);
 *   `national` when the units are the country's ("các tỉnh, thành phố"), not the jurisdiction's.
 */
export type MentionScope = { kind: "one" } | { kind: "each"; level: UnitLevel | "below"; national: boolean };

/**
 * Families of agencies a collective names by kind rather than by body:
 * ministries ("các Bộ, ngành"), departments of a level ("các sở, ban, ngành": province;
 * "các phòng, ban": district; "các ban, ngành": the document's own level), and the
 * socio-political organisations ("các đoàn thể chính trị - xã hội").
 */
export type AgencyGroup =
  | { family: "ministries" }
  | { family: "departments"; level: UnitLevel | null }
  | { family: "mass-organisations"; level: UnitLevel | null };

export interface MentionParts {
  /** The mention without role, honorific and notes: matched whole against aliases. */
  whole: string;
  /** Names of the body to look up, most specific first ("Sở Y tế tỉnh", "Sở Y tế"). */
  bodies: string[];
  place: NamedPlace | null;
  /** Names a central body ("Trung ương", "Quốc gia", or a central word the parser saw). */
  central: boolean;
  scope: MentionScope;
  group: AgencyGroup | null;
  /** "các cơ quan, đơn vị liên quan", "doanh nghiệp": no standing agency is named. */
  generic: boolean;
  /** The head of the body the mention names ("chủ tịch"): it stands for the body. */
  head: string | null;
  /** The body was not written and is implied: "các huyện" = their People's Committees. */
  implied: boolean;
}

/** The body a bare unit stands for: "các huyện" are addressed through their People's Committees. */
export const UNIT_AUTHORITY = "Ủy ban nhân dân";

const ROLE_WORDS = [...ROLES, "ủy viên", "thành viên", "lãnh đạo"].sort((a, b) => b.length - a.length);
const HONORIFICS = /^(?:các đồng chí|đồng chí|đ\/c|quý)\s+/u;
const PLURAL = /(?<![\p{L}])(?:các|những)\s+/u;
/** Words opening a mention that names no standing body. */
const GENERIC = [
  "co quan", "don vi", "doanh nghiep", "to chuc", "ca nhan", "nguoi", "nhan dan", "luc luong", "can bo", "dong chi",
  "ngan hang thuong mai", "chinh quyen", "hoi nghi", "hoi thao", "bao cao", "cap uy", "cac cap", "dia phuong khac",
];

/** Teams set up in every commune ("Tổ COVID cộng đồng"), not a named working group. */
const COMMUNITY_TEAM = /^to (?:covid|cong dong|an toan covid|phong chong dich)/u;

/** Split a mention into body, place and scope. */
export function parseMention(mention: MentionInput): MentionParts {
  const { text, head } = clean(mention.expanded ?? expandAbbreviations(mention.text));
  const base: MentionParts = { whole: text, bodies: [], place: null, central: false, scope: { kind: "one" }, group: null, generic: false, head, implied: false };
  if (isGeneric(text)) return { ...base, generic: true };
  const plural = PLURAL.exec(lowerForWords(text));
  const collective = plural ? readCollective(base, text.slice(0, plural.index).trim(), text.slice(plural.index + plural[0].length)) : null;
  if (collective) return collective;
  // "Các đảng ủy Công an tỉnh, …", "các Tổ cộng đồng phòng, chống dịch": a plural opening a
  // name that is not a fan-out over units reads as the name itself, in the plural.
  if (plural && plural.index === 0) return readSingle(base, text.slice(plural[0].length), mention, true);
  return readSingle(base, text, mention);
}

/** Drop notes, honorifics and the head's title: "Chủ tịch UBND tỉnh (b/c)" → "Ủy ban nhân dân tỉnh". */
function clean(expanded: string): { text: string; head: string | null } {
  let text = dropHonorific(collapseTrimmed(expanded.normalize("NFC").replace(/\([^)]*\)?|\[[^\]]*\]?|["“”]/gu, " ")).replace(/[\s.,;:/]+$/u, ""));
  const lower = lowerForWords(text);
  const role = ROLE_WORDS.find((r) => lower.startsWith(r + " "));
  if (role) text = dropHonorific(text.slice(role.length + 1));
  return { text: cutTrailingList(text), head: role ?? null };
}

function dropHonorific(text: string): string {
  const m = HONORIFICS.exec(lowerForWords(text));
  return m ? text.slice(m[0].length) : text;
}

/** "UBND tỉnh và các đoàn thể, đơn vị liên quan": the agency named before the generic rest. */
function cutTrailingList(text: string): string {
  const m = /\s+(?:và|,)\s+các\s+(?:đoàn thể|đơn vị|cơ quan|doanh nghiệp|tổ chức)/u.exec(lowerForWords(text));
  return m && m.index > 0 ? text.slice(0, m.index) : text;
}

function isGeneric(text: string): boolean {
  const key = nameKey(text).replace(/^(?:cac|nhung) /u, "");
  return key === "" || GENERIC.some((g) => key === g || key.startsWith(g + " "));
}

/** "<head> các <tail>": a fan-out over units, a family of agencies, or (neither) one body. */
function readCollective(base: MentionParts, head: string, tail: string): MentionParts | null {
  const group = groupOf(head, tail);
  if (group) return { ...base, group, scope: { kind: "each", level: "below", national: group.family === "ministries" } };
  if (!head && /^địa phương(?!\s+khác)/u.test(lowerForWords(tail))) {
    return { ...base, bodies: [UNIT_AUTHORITY], implied: true, scope: { kind: "each", level: "below", national: false } };
  }
  const first = placeWords(tail)[0];
  if (!first || first.start !== 0 || first.kind === "central") return null;
  if (first.kind === "tier") return null;
  const level = fanOutLevel(first);
  const body = first.kind === "party" ? joinWords(head, capitalise(tail.slice(first.start, first.end))) : head;
  if (!body && first.kind !== "unit") return null;
  const scope: MentionScope = { kind: "each", level, national: level === "province" };
  return { ...base, bodies: body ? [body] : [UNIT_AUTHORITY], implied: !body, scope };
}

/** "các huyện, thị xã, thành phố" fans out over districts, "các tỉnh, thành phố" over provinces. */
function fanOutLevel(w: PlaceWord): UnitLevel {
  if (w.level === "city") return "district";
  return w.level === "central" ? "province" : w.level;
}

const GROUP_TAILS: readonly (readonly [RegExp, AgencyGroup])[] = [
  [/^bộ(?:,|\s|$)/u, { family: "ministries" }],
  [/^sở(?:,|\s|$)/u, { family: "departments", level: "province" }],
  [/^phòng,\s*ban/u, { family: "departments", level: "district" }],
  [/^(?:ban,?\s*ngành|ngành)/u, { family: "departments", level: null }],
  [/^(?:đoàn thể|tổ chức chính trị\s*-?\s*xã hội)/u, { family: "mass-organisations", level: null }],
];

function groupOf(head: string, tail: string): AgencyGroup | null {
  if (head) return null;
  const lower = lowerForWords(tail);
  const hit = GROUP_TAILS.find(([re]) => re.test(lower));
  if (!hit) return null;
  const [, group] = hit;
  if (group.family === "mass-organisations" && /(?:^|\s)tỉnh\s*$/u.test(lower)) return { ...group, level: "province" };
  return group;
}

/** One body, maybe with a place ("Sở Y tế tỉnh Khánh Hòa", "Công an tỉnh", "Ban Tuyên giáo Trung ương"). */
function readSingle(base: MentionParts, text: string, mention: MentionInput, plural = false): MentionParts {
  const words = placeWords(text);
  const local = words.find((w) => w.kind !== "central");
  const central = words.find((w) => w.kind === "central");
  if (central && (!local || central.start < local.start)) return readCentral(base, text, central);
  const inherentlyMany = (mention.kind === "community_team" || plural) && COMMUNITY_TEAM.test(nameKey(text));
  if (!local) {
    const scope: MentionScope = inherentlyMany ? { kind: "each", level: "commune", national: false } : { kind: "one" };
    return { ...base, bodies: [text], central: mention.level === "central", scope };
  }
  // "Ban Chỉ đạo phòng, chống dịch của huyện, thành phố": "của" joins the body to its place.
  const head = text.slice(0, local.start).trim().replace(/\s+của$/u, "");
  const written = capitalise(text.slice(local.start, local.end));
  const bodies = local.kind === "party" ? [joinWords(head, written)] : !head ? [UNIT_AUTHORITY] : local.kind === "tier" ? [head] : [joinWords(head, written), head];
  const place: NamedPlace = { level: local.level === "central" ? "province" : local.level, name: local.name, tier: local.kind === "tier" };
  const listed = !local.name && isListedWithAnother(text, local, words);
  const scope: MentionScope = listed
    ? { kind: "each", level: fanOutLevel(local), national: local.level === "province" }
    : inherentlyMany && !local.name
      ? { kind: "each", level: "commune", national: false }
      : { kind: "one" };
  return { ...base, bodies, place, scope, implied: !head && local.kind === "unit" };
}

/** "Ban Tuyên giáo Trung ương" → bodies "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo". */
function readCentral(base: MentionParts, text: string, word: PlaceWord): MentionParts {
  const through = text.slice(0, word.end).trim();
  const head = text.slice(0, word.start).trim();
  const bodies = [...new Set([text, through, head].filter((b) => b !== ""))];
  return { ...base, bodies, central: true };
}

/** "UBND tỉnh, thành phố trực thuộc Trung ương", "UBND huyện, thị xã, thành phố": every such unit. */
function isListedWithAnother(text: string, w: PlaceWord, words: PlaceWord[]): boolean {
  const next = words[words.indexOf(w) + 1];
  return next !== undefined && next.kind === "unit" && /^\s*(?:,|\/|và)\s*$/u.test(text.slice(w.nameEnd, next.start));
}

function joinWords(a: string, b: string): string {
  return a ? `${a} ${b}` : b;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
