/**
 * @module registry/resolve
 * Which agencies a mention names. A mention resolves within the issuer's jurisdiction (the
 * catalogue is already cut to the document's date); a place written in it overrides the
 * jurisdiction; a central body resolves centrally wherever it is named; a collective fans out
 * over the units it covers; several matches are ambiguous, none unresolved. Confidence says how
 * the match was made: an alias in scope, a role of the unit, a shortened (fuzzy) name.
 */
import type { AdminLevel } from "../document/record.js";
import { ancestorsOf, type AgencyCatalog, type CatalogAgency, type CatalogUnit } from "./catalog.js";
import type { Jurisdiction } from "./jurisdiction.js";
import { nameKey } from "./keys.js";
import { parseMention, type AgencyGroup, type MentionInput, type MentionParts, type NamedPlace } from "./mention-parse.js";
import type { UnitLevel } from "./place-words.js";

export type ResolutionStatus = "resolved" | "ambiguous" | "unresolved";

export interface Resolution {
  status: ResolutionStatus;
  /** The agencies named (several for a collective mention). */
  agencies: number[];
  /** What an ambiguous mention may name, best first. */
  candidates: number[];
  confidence: number;
  /** Short English account of the match, e.g. "alias 'so y te' in province Khánh Hòa". */
  reason: string;
}

/** The document's place in the catalogue: the issuer's unit and those above it, nearest first. */
export interface DocumentScope {
  level: AdminLevel;
  chain: CatalogUnit[];
}

/** How a match was made, best first. */
export const CONFIDENCE = { wholeAlias: 0.95, alias: 0.9, role: 0.8, implied: 0.7, fuzzy: 0.6, oneOfSeveral: 0.5, ambiguous: 0.3 } as const;

/** More candidates than this is no choice to put before a person: the mention is unresolved. */
const MAX_CANDIDATES = 30;

const RANK: Record<AdminLevel, number> = { central: 0, province: 1, district: 2, commune: 3 };
const BELOW: Record<AdminLevel, UnitLevel | null> = { central: "province", province: "district", district: "commune", commune: null };
const PLURAL_OF: Record<UnitLevel, string> = { province: "provinces", district: "districts", commune: "communes" };

/** The units a jurisdiction names, found in the catalogue (unknown names are left out). */
export function locateJurisdiction(j: Jurisdiction | null, catalog: AgencyCatalog): DocumentScope {
  if (!j || j.level === "central") return { level: j?.level ?? "central", chain: [] };
  const one = (name: string | undefined, level: UnitLevel, within: number | null): CatalogUnit | undefined => {
    if (!name) return undefined;
    const found = catalog.unitsNamed(nameKey(name), level, within);
    return found.length === 1 ? found[0] : undefined;
  };
  const province = one(j.places.province, "province", null);
  const district = one(j.places.district, "district", province?.id ?? null);
  const commune = one(j.places.commune, "commune", district?.id ?? province?.id ?? null);
  const lowest = commune ?? district ?? province;
  const chain = lowest ? ancestorsOf(lowest, (id) => catalog.unit(id)).flatMap((id) => catalog.unit(id) ?? []) : [];
  return { level: j.level, chain };
}

/** Resolve one mention for a document. */
export function resolveMention(mention: MentionInput, scope: DocumentScope, catalog: AgencyCatalog): Resolution {
  return byList(mention, scope, catalog) ?? resolveOne(mention, scope, catalog);
}

/**
 * "Các Sở: Y tế, Thông tin và Truyền thông, Công Thương" names one agency per item. Items are
 * comma-separated, but a name may hold a comma itself ("Văn hóa, Thể thao và Du lịch"): at each
 * item the shortest run that surely names one agency is taken, lengthened while a longer run names
 * the same agency. Every item must resolve, else the mention goes to a person whole.
 */
function byList(mention: MentionInput, scope: DocumentScope, catalog: AgencyCatalog): Resolution | null {
  const list = /^(?:các\s+)?(sở|phòng|bộ|ban|hội|trung tâm|ủy ban nhân dân|ubnd)\s*:\s*(.+)$/iu.exec(mention.text.trim());
  if (!list) return null;
  const head = list[1]!.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi"));
  const items = list[2]!.split(/\s*[,;]\s*/u).map((i) => i.replace(/[.\s]+$/u, "")).filter(Boolean);
  if (items.length < 2) return null;
  const found: Resolution[] = [];
  for (let i = 0; i < items.length; ) {
    let taken = 0;
    // The shortest run that names one agency surely, lengthened while the longer run names the same one.
    let best: Resolution | null = null;
    for (let n = 1; n <= Math.min(3, items.length - i); n++) {
      const one = resolveOne({ text: `${head} ${items.slice(i, i + n).join(", ")}`, kind: mention.kind }, scope, catalog);
      const sure = one.status === "resolved" && one.agencies.length === 1 && one.confidence >= CONFIDENCE.role;
      if (sure && (!best || best.agencies[0] === one.agencies[0])) {
        best = one;
        taken = n;
      } else if (best) break;
    }
    if (!best) return unresolved(`list: no ${head.toLocaleLowerCase("vi")} '${nameKey(items[i]!)}' found`);
    found.push(best);
    i += taken;
  }
  const agencies = [...new Set(found.flatMap((r) => r.agencies))];
  return { status: "resolved", agencies, candidates: [], confidence: Math.min(...found.map((r) => r.confidence)), reason: `list: ${found.length} ${head.toLocaleLowerCase("vi")} named one by one` };
}

function resolveOne(mention: MentionInput, scope: DocumentScope, catalog: AgencyCatalog): Resolution {
  const parts = parseMention(mention);
  if (parts.generic) return unresolved("generic: names no standing agency");
  const ctx: Context = { parts, scope, catalog, chainIds: scope.chain.map((u) => u.id) };
  return (
    byWholeAlias(ctx) ??
    (parts.group ? byGroup(ctx, parts.group) : null) ??
    byCentral(ctx) ??
    (parts.central ? unresolved(`central body '${nameKey(parts.bodies[0] ?? parts.whole)}' not in the catalogue`) : null) ??
    byUnits(ctx)
  );
}

interface Context {
  parts: MentionParts;
  scope: DocumentScope;
  catalog: AgencyCatalog;
  chainIds: number[];
}

/** A full name the catalogue knows, in the document's scope: seeded full names and reviewed mentions. */
function byWholeAlias(ctx: Context): Resolution | null {
  const key = nameKey(ctx.parts.whole);
  const found = nearestFirst(ctx.catalog.agenciesByAlias(key, ctx.chainIds), ctx.chainIds);
  if (found.length === 0) return null;
  const reason = `alias '${key}'${placeNote(ctx)}`;
  if (found.length === 1 || ctx.parts.scope.kind === "each") return resolved(found, CONFIDENCE.wholeAlias, reason);
  // Full names repeat across provinces ("UBND phường Tân Lập"): the place rules choose.
  return null;
}

function placeNote(ctx: Context): string {
  const own = ctx.scope.chain[0];
  return own ? ` in ${own.level} ${own.name}` : "";
}

/** A central body, wherever it is named: exact names first, then a shortened name if it says it is central. */
function byCentral(ctx: Context): Resolution | null {
  // "Mặt trận Tổ quốc Việt Nam tỉnh" is the province's front: a body written with a local level
  // word or place is never the central body of the same name.
  const place = ctx.parts.place;
  if (place && !ctx.parts.central) return null;
  const keys = bodyKeys(ctx.parts);
  for (const key of keys) {
    const found = centralNamed(ctx.catalog, key);
    if (found.length > 0) return pick(found, CONFIDENCE.alias, `central '${key}'`);
  }
  if (!ctx.parts.central) return null;
  for (const key of keys.flatMap(shortenings)) {
    const found = centralNamed(ctx.catalog, key);
    if (found.length > 0) return pick(found, CONFIDENCE.fuzzy, `central '${key}' (shortened)`);
  }
  return null;
}

function centralNamed(catalog: AgencyCatalog, key: string): CatalogAgency[] {
  const direct = catalog.centralByAlias(key);
  if (direct.length > 0) return direct;
  return catalog.rolesNamed(key).flatMap((t) => (t.level === "central" ? (catalog.agencyByRole(null, t.roleKey) ?? []) : []));
}

/** "các Bộ, ngành", "các sở, ban, ngành", "các đoàn thể chính trị - xã hội tỉnh". */
function byGroup(ctx: Context, group: AgencyGroup): Resolution {
  if (group.family === "ministries") {
    const found = ctx.catalog.agenciesOfUnit(null).filter((a) => a.kind === "ministry");
    return fanOut(found, CONFIDENCE.implied, `fan-out: ${found.length} ministries`);
  }
  const kind = group.family === "departments" ? "department" : "mass_organisation";
  const level = group.level ?? ownLevel(ctx.scope);
  const unit = level ? chainAt(ctx.scope, level) : undefined;
  if (!unit) return unresolved(`no ${level ?? "local"} unit in the document's jurisdiction for ${group.family}`);
  const found = ctx.catalog.agenciesOfUnit(unit.id).filter((a) => a.kind === kind);
  return fanOut(found, CONFIDENCE.implied, `fan-out: ${found.length} ${group.family} of ${unit.level} ${unit.name}`);
}

/** The body in the units the mention points at: a written place, a fan-out, or the jurisdiction. */
function byUnits(ctx: Context): Resolution {
  const target = targetUnits(ctx);
  if ("error" in target) return unresolved(target.error);
  if (target.mode === "chain") return inChain(ctx);
  const matches = target.units.map((u) => ({ unit: u, match: findInUnit(ctx, u) }));
  const found = matches.filter((m) => m.match !== null);
  const what = nameKey(ctx.parts.bodies[0] ?? ctx.parts.whole);
  if (found.length === 0) return unresolved(`no '${what}' in ${describeUnits(target.units)}`);
  const confidence = Math.min(...found.map((m) => m.match!.confidence)) * (ctx.parts.implied ? CONFIDENCE.implied / CONFIDENCE.alias : 1);
  const agencies = found.flatMap((m) => m.match!.agencies);
  if (target.mode === "each") {
    const missing = target.units.length - found.length;
    const role = found[0]!.match!.agencies[0]!.roleKey;
    return fanOut(agencies, confidence, `fan-out: ${role} of ${found.length} ${PLURAL_OF[target.units[0]!.level]}${missing ? ` (${missing} without one)` : ""}`);
  }
  if (target.mode === "one" || agencies.length === 1) {
    const reason = `${found[0]!.match!.how} in ${found[0]!.unit.level} ${found[0]!.unit.name}`;
    return pick(agencies, target.mode === "one" ? confidence : CONFIDENCE.oneOfSeveral, reason);
  }
  return ambiguous(agencies, `${what}: ${found.length} ${PLURAL_OF[found[0]!.unit.level]} match`);
}

type Target = { mode: "one" | "each" | "choose"; units: CatalogUnit[] } | { mode: "chain" } | { error: string };

function targetUnits(ctx: Context): Target {
  const { parts, scope, catalog } = ctx;
  if (parts.scope.kind === "each") {
    const level = parts.scope.level === "below" ? BELOW[scope.level] : parts.scope.level;
    if (!level) return { error: "no units below the document's level" };
    const anchor = parts.scope.national ? undefined : anchorFor(scope, level);
    return { mode: "each", units: catalog.childUnits(anchor?.id ?? null, level) };
  }
  if (!parts.place) return { mode: "chain" };
  return parts.place.name ? namedUnits(ctx, parts.place, parts.place.name) : unnamedUnits(ctx, parts.place);
}

/** "tỉnh Khánh Hòa", "huyện Krông Pắc", "thành phố Nha Trang": inside the jurisdiction first. */
function namedUnits(ctx: Context, place: NamedPlace, name: string): Target {
  const { catalog, scope } = ctx;
  const key = nameKey(name);
  const province = chainAt(scope, "province")?.id ?? null;
  const inside = place.level === "commune" ? (chainAt(scope, "district")?.id ?? province) : province;
  const tries: [UnitLevel, number | null][] =
    place.level === "province"
      ? [["province", null]]
      : place.level === "city"
        ? [["district", province], ["province", null], ["district", null]]
        : [[place.level, inside], [place.level, province], [place.level, null]];
  for (const [level, within] of tries) {
    const found = catalog.unitsNamed(key, level, within);
    if (found.length > 0) return { mode: found.length === 1 ? "one" : "choose", units: capped(found) };
  }
  return { error: `place '${name}' not found` };
}

/** "Công an tỉnh", "UBND huyện", "cấp xã": the document's own unit of that level, or its units below. */
function unnamedUnits(ctx: Context, place: NamedPlace): Target {
  const { scope, catalog, parts } = ctx;
  const level: UnitLevel | null = place.level === "city" ? cityLevel(scope) : place.level;
  if (!level) return { error: "no city in the document's jurisdiction" };
  const own = chainAt(scope, level);
  if (own) return { mode: "one", units: [own] };
  if (scope.level !== "central" && RANK[level] < RANK[scope.level]) return { error: `no ${level} in the document's jurisdiction` };
  const anchor = anchorFor(scope, level);
  const units = catalog.childUnits(anchor?.id ?? null, level);
  if (place.tier || parts.scope.kind === "each") return { mode: "each", units };
  if (units.length > MAX_CANDIDATES) return { error: `${level} not named: ${units.length} possible` };
  return { mode: "choose", units };
}

function cityLevel(scope: DocumentScope): UnitLevel | null {
  const city = scope.chain.find((u) => /^thành phố/iu.test(u.unitType));
  return city?.level ?? (scope.chain.length > 0 ? "district" : null);
}

/** The lowest unit of the jurisdiction above `level` (whose units of `level` a fan-out covers). */
function anchorFor(scope: DocumentScope, level: UnitLevel): CatalogUnit | undefined {
  return scope.chain.find((u) => RANK[u.level] < RANK[level]);
}

function chainAt(scope: DocumentScope, level: AdminLevel): CatalogUnit | undefined {
  return scope.chain.find((u) => u.level === level);
}

function ownLevel(scope: DocumentScope): UnitLevel | null {
  return scope.chain[0]?.level ?? null;
}

function capped(units: CatalogUnit[]): CatalogUnit[] {
  return units.slice(0, MAX_CANDIDATES);
}

interface UnitMatch {
  agencies: CatalogAgency[];
  confidence: number;
  how: string;
}

/** The body in one unit: by alias, then by the unit's role of that name, then by a shortened name. */
function findInUnit(ctx: Context, unit: CatalogUnit): UnitMatch | null {
  const scopeIds = [...ancestorsOf(unit, (id) => ctx.catalog.unit(id)), ...ctx.chainIds];
  const attempt = (key: string, fuzzy: boolean): UnitMatch | null => {
    const aliased = ctx.catalog.agenciesByAlias(key, scopeIds).filter((a) => a.unitId === unit.id);
    if (aliased.length > 0) return { agencies: aliased, confidence: fuzzy ? CONFIDENCE.fuzzy : CONFIDENCE.alias, how: `alias '${key}'` };
    const roles = ctx.catalog.rolesNamed(key).filter((t) => t.level === unit.level);
    const byRole = unique(roles.flatMap((t) => ctx.catalog.agencyByRole(unit.id, t.roleKey) ?? []));
    if (byRole.length > 0) return { agencies: byRole, confidence: fuzzy ? CONFIDENCE.fuzzy : CONFIDENCE.role, how: `role ${byRole[0]!.roleKey}` };
    return null;
  };
  return exactThenShortened(bodyKeys(ctx.parts), attempt);
}

/** The first answer for the body's exact keys, then for their shortenings (marked fuzzy). */
function exactThenShortened<T>(keys: string[], attempt: (key: string, fuzzy: boolean) => T | null, beforeShortening?: () => T | null): T | null {
  for (const key of keys) {
    const found = attempt(key, false);
    if (found) return found;
  }
  const between = beforeShortening?.();
  if (between) return between;
  for (const key of keys.flatMap(shortenings)) {
    const found = attempt(key, true);
    if (found) return found;
  }
  return null;
}

/** No place written: the body in the issuer's unit, else the nearest unit above that has it. */
function inChain(ctx: Context): Resolution {
  const { scope, catalog, chainIds, parts } = ctx;
  const keys = bodyKeys(parts);
  const tryKey = (key: string, fuzzy: boolean): Resolution | null => {
    const aliased = nearestFirst(catalog.agenciesByAlias(key, chainIds), chainIds);
    if (aliased.length > 0) return pick(aliased, fuzzy ? CONFIDENCE.fuzzy : CONFIDENCE.alias, `alias '${key}'${placeNote(ctx)}`);
    return byRoleInChain(ctx, key, fuzzy);
  };
  // A bare province name comes before shortening: "Sở Y tế Đắk Lắk" shortened is any "Sở Y tế".
  const found = exactThenShortened(keys, tryKey, () => (keys[0] ? byBareProvince(ctx, keys[0]) : null));
  if (found) return found;
  const where = scope.chain[0] ? `${scope.chain[0].level} ${scope.chain[0].name}` : "an unplaced document";
  return unresolved(`no '${keys[0] ?? ""}' for ${where}`);
}

/**
 * "Đài PT-TH Khánh Hòa", "Sở Y tế Đắk Lắk": a province written by its bare name after the body
 * (no "tỉnh" to mark it as a place). Only a name that is one province's exactly.
 */
function byBareProvince(ctx: Context, key: string): Resolution | null {
  const words = key.split(" ");
  for (let n = Math.min(4, words.length - 2); n >= 1; n--) {
    const provinces = ctx.catalog.unitsNamed(words.slice(-n).join(" "), "province", null);
    if (provinces.length !== 1) continue;
    const province = provinces[0]!;
    const body = words.slice(0, -n).join(" ");
    const parts: MentionParts = { ...ctx.parts, bodies: [`${body} ${nameKey(province.unitType)}`, body], place: { level: "province", name: province.name, tier: false } };
    const match = findInUnit({ ...ctx, parts }, province);
    if (match) return pick(match.agencies, match.confidence, `${match.how} in province ${province.name} (named without "tỉnh")`);
  }
  return null;
}

/**
 * A role of this name in the chain: "Sở Y tế" of the province over a district document. A role
 * of a level below the document's ("Trạm Y tế" in a province document) names one of many units.
 */
function byRoleInChain(ctx: Context, key: string, fuzzy: boolean): Resolution | null {
  const { scope, catalog } = ctx;
  const templates = catalog.rolesNamed(key).filter((t) => t.level !== "central");
  for (const unit of scope.chain) {
    const found = unique(templates.filter((t) => t.level === unit.level).flatMap((t) => catalog.agencyByRole(unit.id, t.roleKey) ?? []));
    if (found.length > 0) return pick(found, fuzzy ? CONFIDENCE.fuzzy : CONFIDENCE.role, `role ${found[0]!.roleKey} of ${unit.level} ${unit.name}`);
  }
  const below = templates.find((t) => scope.level !== "central" && RANK[t.level] > RANK[scope.level]);
  if (!below || below.level === "central") return null;
  const anchor = anchorFor(scope, below.level);
  if (!anchor) return null;
  const found = catalog.childUnits(anchor.id, below.level).flatMap((u) => catalog.agencyByRole(u.id, below.roleKey) ?? []);
  if (found.length === 0) return null;
  if (found.length > MAX_CANDIDATES) return unresolved(`role ${below.roleKey}: ${found.length} ${PLURAL_OF[below.level]}, none named`);
  return pick(found, CONFIDENCE.oneOfSeveral, `role ${below.roleKey}: ${found.length} ${PLURAL_OF[below.level]}, none named`);
}

/** Keys of the bodies, most specific first, without repeats. */
function bodyKeys(parts: MentionParts): string[] {
  return [...new Set(parts.bodies.map(nameKey).filter((k) => k !== ""))];
}

/**
 * "so y te cham nhat ngay 20 9 2021" → "so y te cham nhat ngay 20 9", …, "so y te", "so y": the
 * parser sometimes runs a name into the words after it. Two words at least.
 */
export function shortenings(key: string): string[] {
  const words = key.split(" ");
  const out: string[] = [];
  for (let n = words.length - 1; n >= 2; n--) out.push(words.slice(0, n).join(" "));
  return out;
}

/** Agencies of the nearest unit of the chain (then central ones), dropping farther ones. */
function nearestFirst(found: CatalogAgency[], chainIds: number[]): CatalogAgency[] {
  if (found.length <= 1) return found;
  const rank = (a: CatalogAgency): number => (a.unitId === null ? chainIds.length : chainIds.includes(a.unitId) ? chainIds.indexOf(a.unitId) : chainIds.length + 1);
  const best = Math.min(...found.map(rank));
  return found.filter((a) => rank(a) === best);
}

function describeUnits(units: CatalogUnit[]): string {
  return units.length === 1 ? `${units[0]!.level} ${units[0]!.name}` : `${units.length} ${PLURAL_OF[units[0]?.level ?? "province"]}`;
}

function pick(found: CatalogAgency[], confidence: number, reason: string): Resolution {
  const list = unique(found);
  if (list.length === 1) return resolved(list, confidence, reason);
  return ambiguous(list, `${reason}: ${list.length} agencies`);
}

function resolved(found: CatalogAgency[], confidence: number, reason: string): Resolution {
  return { status: "resolved", agencies: unique(found).map((a) => a.id), candidates: [], confidence, reason };
}

function fanOut(found: CatalogAgency[], confidence: number, reason: string): Resolution {
  if (found.length === 0) return unresolved(reason.replace(/^fan-out: /u, "fan-out found nothing: "));
  return resolved(found, confidence, reason);
}

function ambiguous(found: CatalogAgency[], reason: string): Resolution {
  const list = unique(found);
  return { status: "ambiguous", agencies: [], candidates: list.slice(0, MAX_CANDIDATES).map((a) => a.id), confidence: CONFIDENCE.ambiguous, reason };
}

function unresolved(reason: string): Resolution {
  return { status: "unresolved", agencies: [], candidates: [], confidence: 0, reason };
}

function unique(list: CatalogAgency[]): CatalogAgency[] {
  return [...new Map(list.map((a) => [a.id, a])).values()];
}
