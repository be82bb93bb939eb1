/**
 * @module registry/roles
 * The standing agencies every administrative unit has (a province's Tỉnh ủy, UBND, Sở Y tế …) and
 * the central bodies, as data, and the pure function that names them for one unit. The tables are
 * in roles-province/district/commune/central.ts; names are templates because they depend on the
 * unit: "Tỉnh ủy" or "Thành ủy", "UBND tỉnh" or "UBND thành phố", "Huyện ủy" or "Quận ủy".
 */
import type { AdminLevel, AgencyKind } from "../document/record.js";
import { nameKey } from "./keys.js";
import { COMMUNE_ROLES } from "./roles-commune.js";
import { CENTRAL_BODIES } from "./roles-central.js";
import { DISTRICT_ROLES } from "./roles-district.js";
import { PROVINCE_ROLES } from "./roles-province.js";

import type { UnitLevel } from "./place-words.js";

export type { UnitLevel };

/** Every AgencyKind, for checking one given at run time (a Record so a new kind must be added here). */
const KINDS: Readonly<Record<AgencyKind, true>> = {
  people_committee: true, people_council: true, party_committee: true, party_board: true, party_delegation: true,
  department: true, ministry: true, government: true, front: true, mass_organisation: true, police: true,
  military: true, border_guard: true, steering_committee: true, command_center: true, community_team: true,
  office: true, court_procuracy: true, health_facility: true, press: true, locality: true, other: true,
};

export function isAgencyKind(value: string): value is AgencyKind {
  return Object.hasOwn(KINDS, value);
}

/** What naming a unit's agencies needs to know about the unit. */
export interface UnitFacts {
  /** GSO code, e.g. "56" for Khánh Hòa. */
  code: string;
  level: UnitLevel;
  /** "Khánh Hòa", "Cư M'gar", "Buôn Ma Thuột". */
  name: string;
  /** As the GSO list writes it: "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu". */
  unitType: string;
  /** ISO dates; null when open. validTo is exclusive. */
  validFrom: string | null;
  validTo: string | null;
}

/**
 * A text with placeholders: {type} the unit type in lower case ("tỉnh", "thành phố"), {unit} the
 * unit's name ("Khánh Hòa"), {party} the unit's Party committee ("Tỉnh ủy", "Quận ủy").
 */
export type Template = string;
/** One template, or one per GSO unit type with "*" for the others. */
export type NameByType = Template | Readonly<Record<string, Template>>;

export interface LocalRole {
  /** Stable ASCII key shared by every unit's copy: "so-y-te", "ubnd", "tinh-uy". */
  roleKey: string;
  kind: AgencyKind;
  level: UnitLevel;
  /** The name within the unit: "Sở Y tế", "Ủy ban nhân dân {type}". */
  name: NameByType;
  /** The full name; default "{name} {type} {unit}" ("Sở Y tế tỉnh Khánh Hòa"), and then "{name} {type}" ("Sở Y tế tỉnh") is an alias too. */
  fullName?: Template;
  /** Abbreviations and variants, as written in documents of the unit. */
  aliases: readonly Template[];
  /** Stands for many bodies (the Tổ COVID cộng đồng of a commune). */
  collective?: boolean;
  /** Only these GSO unit types have it (a huyện has Phòng Nông nghiệp, a quận Phòng Kinh tế). */
  unitTypes?: readonly string[];
  /** The period the role existed (ISO; `until` exclusive), where it did not span both lists. */
  from?: string;
  until?: string;
}

export interface CentralBody {
  roleKey: string;
  kind: AgencyKind;
  name: string;
  aliases: readonly string[];
  collective?: boolean;
  from?: string;
  until?: string;
}

/** One agency row: what the registry stores for a unit's role or a central body. */
export interface StandingAgency {
  roleKey: string;
  kind: AgencyKind;
  level: AdminLevel;
  name: string;
  fullName: string;
  /** Other names, each with a name key different from the name's, the full name's and each other's. */
  aliases: string[];
  collective: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Names that differ from the template for one unit, keyed "<province code>:<roleKey>": the two
 * centrally-governed cities whose military command, paper and broadcaster have their own names.
 */
const NAMED_EXCEPTIONS: Readonly<Record<string, string>> = {
  "01:quan-su": "Bộ Tư lệnh Thủ đô Hà Nội",
  "79:quan-su": "Bộ Tư lệnh Thành phố Hồ Chí Minh",
  "01:bao": "Báo Hànộimới",
  "79:bao": "Báo Sài Gòn Giải Phóng",
  "79:dai-phat-thanh-truyen-hinh": "Đài Truyền hình Thành phố Hồ Chí Minh",
};

const ROLES_BY_LEVEL: Readonly<Record<UnitLevel, readonly LocalRole[]>> = {
  province: PROVINCE_ROLES,
  district: DISTRICT_ROLES,
  commune: COMMUNE_ROLES,
};

const PARTY_COMMITTEE: Readonly<Record<UnitLevel, NameByType>> = {
  province: { "Thành phố": "Thành ủy", "*": "Tỉnh ủy" },
  district: { Quận: "Quận ủy", "Thị xã": "Thị ủy", "Thành phố": "Thành ủy", "*": "Huyện ủy" },
  commune: "Đảng ủy {type}",
};

/** The roles of a level, for a catalog or a resolver that works by role. */
export function localRoles(level: UnitLevel): readonly LocalRole[] {
  return ROLES_BY_LEVEL[level];
}

/** The local role or central body with that key at that level, if any. */
export function roleByKey(level: AdminLevel, roleKey: string): LocalRole | CentralBody | undefined {
  const list: readonly (LocalRole | CentralBody)[] = level === "central" ? CENTRAL_BODIES : ROLES_BY_LEVEL[level];
  return list.find((r) => r.roleKey === roleKey);
}

/** Every standing agency of a unit that existed during the unit's period, named for the unit. */
export function standingAgencies(unit: UnitFacts): StandingAgency[] {
  const out: StandingAgency[] = [];
  for (const role of ROLES_BY_LEVEL[unit.level]) {
    if (role.unitTypes && !role.unitTypes.includes(unit.unitType)) continue;
    const period = overlap(unit.validFrom, unit.validTo, role.from ?? null, role.until ?? null);
    if (!period) continue;
    out.push(nameRole(role, unit, period));
  }
  return out;
}

/** The central bodies (Bộ Chính trị, Chính phủ, the ministries …) as agency rows. */
export function centralAgencies(): StandingAgency[] {
  return CENTRAL_BODIES.map((body) => ({
    roleKey: body.roleKey,
    kind: body.kind,
    level: "central",
    name: body.name,
    fullName: body.name,
    aliases: distinctAliases(body.aliases, [body.name]),
    collective: body.collective ?? false,
    validFrom: body.from ?? null,
    validTo: body.until ?? null,
  }));
}

function nameRole(role: LocalRole, unit: UnitFacts, period: Period): StandingAgency {
  const fill = (template: Template): string => fillTemplate(template, unit);
  const exception = NAMED_EXCEPTIONS[`${unit.code}:${role.roleKey}`];
  const name = exception ?? fill(pick(role.name, unit.unitType));
  const fullName = exception ?? fill((role.fullName ?? "{name} {type} {unit}").replace("{name}", name));
  const aliases = role.fullName === undefined ? [...role.aliases, "{name} {type}".replace("{name}", name)] : role.aliases;
  // An exception keeps the templated name as an alias: documents write "Bộ Chỉ huy Quân sự thành phố" too.
  const templated = [pick(role.name, unit.unitType), ...aliases].map(fill);
  return {
    roleKey: role.roleKey,
    kind: role.kind,
    level: role.level,
    name,
    fullName,
    aliases: distinctAliases(exception ? templated : aliases.map(fill), [name, fullName]),
    collective: role.collective ?? false,
    validFrom: period.from,
    validTo: period.to,
  };
}

function fillTemplate(template: Template, unit: UnitFacts): string {
  return template
    .replaceAll("{party}", pick(PARTY_COMMITTEE[unit.level], unit.unitType))
    .replaceAll("{type}", unit.unitType.toLocaleLowerCase("vi"))
    .replaceAll("{unit}", unit.name);
}

function pick(name: NameByType, unitType: string): Template {
  if (typeof name === "string") return name;
  return name[unitType] ?? name["*"] ?? Object.values(name)[0] ?? "";
}

/** Keeps the first of the aliases with each name key, dropping any the given names already have. */
function distinctAliases(aliases: readonly string[], names: readonly string[]): string[] {
  const seen = new Set(names.map(nameKey));
  const out: string[] = [];
  for (const alias of aliases) {
    const key = nameKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

interface Period {
  from: string | null;
  to: string | null;
}

/** The intersection of two half-open date periods (null = unbounded), or null when empty. ISO dates compare as strings. */
function overlap(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): Period | null {
  const from = aFrom === null ? bFrom : bFrom === null ? aFrom : aFrom > bFrom ? aFrom : bFrom;
  const to = aTo === null ? bTo : bTo === null ? aTo : aTo < bTo ? aTo : bTo;
  if (from !== null && to !== null && from >= to) return null;
  return { from, to };
}

export { CENTRAL_BODIES, PROVINCE_ROLES, DISTRICT_ROLES, COMMUNE_ROLES };

/** The unit types a level's units are written with (GSO lists 2021 and 2025). */
const UNIT_TYPES: Readonly<Record<UnitLevel, readonly string[]>> = {
  province: ["Tỉnh", "Thành phố"],
  district: ["Huyện", "Quận", "Thị xã", "Thành phố"],
  commune: ["Xã", "Phường", "Thị trấn", "Đặc khu"],
};

export interface RoleName {
  roleKey: string;
  level: UnitLevel;
  name: string;
  /** The role's period (ISO; `until` exclusive), when it did not span both lists. */
  from: string | null;
  until: string | null;
}

/**
 * Every name a local role is written by that does not name its unit ("Sở Y tế", "Sở YT", "Công an
 * tỉnh", "Thành ủy"): the same for every unit of a level, so a catalog holds them once instead of
 * one alias row per unit. Names with the unit's name are read as place + role by the resolver.
 */
export function roleNames(): readonly RoleName[] {
  // The same list for every caller (catalogue loads, catalogue search, the cache's boundaries).
  return (allRoleNames ??= buildRoleNames());
}

let allRoleNames: readonly RoleName[] | undefined;

function buildRoleNames(): RoleName[] {
  const out: RoleName[] = [];
  const seen = new Set<string>();
  for (const level of Object.keys(ROLES_BY_LEVEL) as UnitLevel[]) {
    for (const role of ROLES_BY_LEVEL[level]) {
      for (const unitType of UNIT_TYPES[level]) {
        const unit: UnitFacts = { code: "", level, name: "{unit}", unitType, validFrom: null, validTo: null };
        const name = fillTemplate(pick(role.name, unitType), unit);
        // The name "Ủy ban nhân dân {type}" is also written bare where the level is said elsewhere
        // ("Ủy ban nhân dân các huyện, thị xã, thành phố"); aliases are not, as they are short
        // ("Ban Chỉ đạo {type}" bare would claim every "Ban Chỉ đạo").
        const own = pick(role.name, unitType);
        const bare = own.endsWith(" {type}") ? [own.slice(0, -" {type}".length)] : [];
        const templates = [name, ...[...role.aliases, ...bare].map((a) => fillTemplate(a, unit)), ...(role.fullName === undefined ? [`${name} ${unitType.toLocaleLowerCase("vi")}`] : [])];
        for (const text of templates) {
          if (text.includes("{unit}")) continue;
          const key = `${level}:${role.roleKey}:${nameKey(text)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ roleKey: role.roleKey, level, name: text, from: role.from ?? null, until: role.until ?? null });
        }
      }
    }
  }
  return out;
}
