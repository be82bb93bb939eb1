/**
 * @module agencies/catalog
 * Reading the agency catalog: the agencies of a unit (or the central bodies), searched by name on
 * their aliases' keys, and one agency with its aliases. An agency is in force on a date when the
 * date is within its period and it had not been retired before that day.
 */
import { and, asc, eq, exists, gt, inArray, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import { ChidaoError, nameKey, roleNames } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import type { IsoDate } from "../hierarchy/units.js";

const { agencies, agencyAliases, units } = schema;

export type Agency = typeof agencies.$inferSelect;
export type AgencyAlias = typeof agencyAliases.$inferSelect;
export interface AgencyWithAliases extends Agency {
  aliases: AgencyAlias[];
}

export interface ListAgenciesQuery {
  /** The unit whose agencies to list; null for the central bodies. */
  unitId: number | null;
  /** Also the agencies of every unit below it (a province's districts and communes); the unit's own come first. */
  below?: boolean;
  /** Matches any alias (the name included) whose key contains the query's key; prefix matches first. */
  query?: string;
  /** Only agencies in force on this date. */
  on?: IsoDate;
  limit?: number;
}

export async function listAgencies(db: Db, q: ListAgenciesQuery): Promise<Agency[]> {
  const subtree = q.below === true && q.unitId !== null;
  const conditions: SQL[] = [q.unitId === null ? isNull(agencies.unitId) : subtree ? sql`${agencies.unitId} in ${unitAndBelow(q.unitId!)}` : eq(agencies.unitId, q.unitId)];
  if (q.on) conditions.push(agencyInForce(q.on));
  const key = q.query ? searchKey(q.query) : "";
  // Below a unit the name alone is not enough ("UBND" names 150 agencies): the unit's name in
  // the full name picks one ("UBND Diên Khánh", "Trạm Y tế xã Cam Hải").
  if (key) conditions.push(subtree ? (or(namedLike(db, key, false), fullNameHasWords(key)) as SQL) : namedLike(db, key, false));
  const ownFirst = sql`case when ${agencies.unitId} = ${q.unitId} then 0 else 1 end`;
  // Below a unit the closest full name first: one that starts with the words, else the shortest holding them.
  const closest = [sql`case when ${FULL_NAME_WORDS} like ${` ${escapeLike(key)}%`} then 0 else 1 end`, ownFirst, sql`length(${agencies.fullName})`];
  const own = !subtree ? [] : key ? closest : [ownFirst];
  const order = key ? [sql`case when ${namedLike(db, key, true)} then 0 else 1 end`, ...own, asc(agencies.name)] : [...own, asc(agencies.name)];
  return db.select().from(agencies).where(and(...conditions)).orderBy(...order).limit(q.limit ?? 50);
}

/**
 * A typed query's key. People type abbreviations in lower case ("ubnd dien khanh"), which the
 * name key expands only in capitals (as documents write them): short unaccented words are tried
 * as capitals, so a known abbreviation expands and any other word folds back unchanged.
 */
function searchKey(query: string): string {
  return nameKey(query.replace(/(?<![\p{L}])[a-z&]{2,8}(?![\p{L}])/gu, (word) => word.toUpperCase()));
}

/** The unit's id and its descendants' (two levels at most: province → district → commune). */
function unitAndBelow(unitId: number): SQL {
  return sql`(select ${unitId}::int union all select c.id from ${units} c where c.parent_id = ${unitId} union all select g.id from ${units} c join ${units} g on g.parent_id = c.id where c.parent_id = ${unitId})`;
}

export async function getAgency(db: Db, id: number): Promise<AgencyWithAliases> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!agency) throw agencyNotFound(id);
  const aliases = await db.select().from(agencyAliases).where(eq(agencyAliases.agencyId, id)).orderBy(asc(agencyAliases.id));
  return { ...agency, aliases };
}

/**
 * In force on `on`: validFrom ≤ on < validTo, and not retired before that day (Vietnam time), so a
 * document dated the day of the retirement still resolves and one dated after does not.
 */
export function agencyInForce(on: IsoDate): SQL {
  return and(
    or(isNull(agencies.validFrom), lte(agencies.validFrom, on)),
    or(isNull(agencies.validTo), gt(agencies.validTo, on)),
    or(isNull(agencies.retiredAt), sql`(${agencies.retiredAt} at time zone 'Asia/Ho_Chi_Minh')::date >= ${on}::date`),
  ) as SQL;
}

/** The role names every unit's agencies answer to (roleNames()), by name key. */
const ROLE_NAME_KEYS = roleNames().map((r) => ({ roleKey: r.roleKey, key: nameKey(r.name) }));

/** The agency's name, one of its aliases, or its role's names hold the key (at the start, if `prefix`). */
function namedLike(db: Db, key: string, prefix: boolean): SQL {
  const pattern = prefix ? `${escapeLike(key)}%` : `%${escapeLike(key)}%`;
  const roles = [...new Set(ROLE_NAME_KEYS.filter((r) => (prefix ? r.key.startsWith(key) : r.key.includes(key))).map((r) => r.roleKey))];
  const byRole = roles.length ? [and(sql`${agencies.unitId} is not null`, inArray(agencies.roleKey, roles))] : [];
  return or(exists(aliasMatching(db, pattern)), ...byRole) as SQL;
}

/** The agency's full name folded to words, with a space before each: " uy ban nhan dan huyen dien khanh". */
const FULL_NAME_WORDS = sql`(' ' || regexp_replace(chidao_fold(${agencies.fullName}), '[^[:alnum:]&]+', ' ', 'g'))`;

/** Every word of the key starts a word of the agency's full name. */
function fullNameHasWords(key: string): SQL {
  return and(...key.split(" ").filter(Boolean).map((w) => sql`${FULL_NAME_WORDS} like ${`% ${escapeLike(w)}%`}`)) as SQL;
}

function aliasMatching(db: Db, pattern: string) {
  return db
    .select({ one: sql`1` })
    .from(agencyAliases)
    .where(and(eq(agencyAliases.agencyId, agencies.id), like(agencyAliases.aliasKey, pattern)));
}

/** A name key holds letters, digits, spaces and "&"; escape LIKE's own characters anyway. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function agencyNotFound(id: number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không có cơ quan số ${id}`, en: `No agency ${id}`, details: { agencyId: id } });
}
