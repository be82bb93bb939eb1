/**
 * @module documents/search
 * Diacritic-insensitive full-text search: the query is folded the way the stored `search` column
 * was (chidao_fold → the `simple` configuration), so "phong chong dich" finds "phòng, chống
 * dịch" and "Dak Lak" finds "Đắk Lắk". websearch syntax: "quoted phrases", -exclusions, OR.
 * Snippets are cut from the original text of the page's rows only.
 */
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { nameKey, snippetOf, type Snippet } from "@chidao/core";
import { schema, type Db } from "@chidao/db";

const { documents } = schema;

export interface SearchQuery {
  q?: string | undefined;
  /** Issuer name, any spelling ("UBND tỉnh Khánh Hòa"): documents whose issuer key contains it. */
  issuer?: string | undefined;
  /** Type code: CT, CĐ, CV, TB, KL, QĐ, KH … */
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Documents of these units (the issuer's jurisdiction). */
  unitIds?: number[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface DocumentSummary {
  id: string;
  status: "stored" | "placeholder";
  code: string | null;
  type: { code: string | null; name: string | null };
  date: string | null;
  issuer: string | null;
  subject: string | null;
}

export interface SearchHit extends DocumentSummary {
  rank: number;
  snippet: Snippet | null;
}


export const MAX_PAGE = 100;

export interface SearchPage {
  items: SearchHit[];
  total: number;
  /** false when `total` is the planner's estimate (more matches than RANKED_AT_MOST). */
  totalExact: boolean;
  /** "relevance" ranks by the heading words; "date" (newest first) when there is no query or too many matches to rank. */
  sort: "relevance" | "date";
  limit: number;
  offset: number;
}

/**
 * Up to this many matches are ranked (and counted exactly); a broader query lists its matches
 * newest first with an estimated total, so that even "phong chong dich" over 100,000
 * directives answers in milliseconds: ranking reads every match, a date order only a page.
 */
export const RANKED_AT_MOST = 2000;

/** `visible`: the reader's jurisdiction as a condition (access.ts documentVisible). */
export async function searchDocuments(db: Db, query: SearchQuery, visible?: SQL): Promise<SearchPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), MAX_PAGE);
  const offset = Math.max(query.offset ?? 0, 0);
  const text = query.q?.trim() ?? "";
  const conditions = filtersOf(query);
  if (visible) conditions.push(visible);
  if (!text) return byDate(db, conditions, { limit, offset, text, exact: true });
  const tsquery = sql`websearch_to_tsquery('simple'::regconfig, chidao_fold(${text}))`;
  conditions.push(sql`${documents.search} @@ ${tsquery}`);
  // The planner's estimate is cheap: above the cap, skip the bounded probe.
  if ((await estimatedMatches(db, conditions)) > RANKED_AT_MOST) return byDate(db, conditions, { limit, offset, text, exact: false });
  const ranked = await byRank(db, conditions, tsquery, { limit, offset, text });
  return ranked ?? byDate(db, conditions, { limit, offset, text, exact: false });
}

interface PageSpec {
  limit: number;
  offset: number;
  text: string;
}

/** Ranks the matches by the heading words, if there are at most RANKED_AT_MOST; else null. */
async function byRank(db: Db, conditions: SQL[], tsquery: SQL, page: PageSpec): Promise<SearchPage | null> {
  const { rows } = await db.execute<SummaryRow & { rank: number; total: number }>(sql`
    with matched as materialized (
      select id, title_search, date from documents where ${and(...conditions)} limit ${RANKED_AT_MOST + 1}
    ), counted as (select count(*)::int as total from matched)
    select d.id, d.status, d.code, d.type_code as "typeCode", d.type_name as "typeName", d.date::text as date, d.issuer, d.subject,
      ts_rank_cd(m.title_search, ${tsquery})::float8 as rank, counted.total
    from matched m join documents d on d.id = m.id, counted
    where counted.total <= ${RANKED_AT_MOST}
    order by rank desc, m.date desc nulls last, m.id
    limit ${page.limit} offset ${page.offset}`);
  if (!rows.length) {
    const total = await countMatches(db, conditions, RANKED_AT_MOST + 1);
    if (total > RANKED_AT_MOST) return null;
    return { items: [], total, totalExact: true, sort: "relevance", limit: page.limit, offset: page.offset };
  }
  return { items: await withSnippets(db, rows, page.text), total: rows[0]!.total, totalExact: true, sort: "relevance", limit: page.limit, offset: page.offset };
}

/** Newest first; the total exact when asked, else the planner's estimate. */
async function byDate(db: Db, conditions: SQL[], page: PageSpec & { exact: boolean }): Promise<SearchPage> {
  const rows = await db
    .select(summaryColumns)
    .from(documents)
    .where(and(...conditions))
    .orderBy(sql`${documents.date} desc nulls last`, documents.id)
    .limit(page.limit)
    .offset(page.offset);
  const total = page.exact ? await countMatches(db, conditions) : Math.max(await estimatedMatches(db, conditions), page.offset + rows.length);
  return { items: await withSnippets(db, rows.map((r) => ({ ...r, rank: 0 })), page.text), total, totalExact: page.exact, sort: "date", limit: page.limit, offset: page.offset };
}

type SummaryRow = Parameters<typeof toSummary>[0];

async function withSnippets(db: Db, rows: (SummaryRow & { rank: number })[], text: string): Promise<SearchHit[]> {
  const snippets = text ? await snippetsFor(db, rows.map((r) => r.id), text) : new Map<string, Snippet>();
  return rows.map((row) => ({ ...toSummary(row), rank: Number(row.rank), snippet: snippets.get(row.id) ?? null }));
}

async function estimatedMatches(db: Db, conditions: SQL[]): Promise<number> {
  const probe = db.select({ one: sql`1` }).from(documents).where(and(...conditions));
  const { rows } = await db.execute<{ "QUERY PLAN": unknown }>(sql`explain (format json) ${probe.getSQL()}`);
  const plan = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  return Math.round(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

function filtersOf(query: SearchQuery): SQL[] {
  const conditions: SQL[] = [eq(documents.status, "stored")];
  if (query.issuer?.trim()) conditions.push(sql`${documents.issuerKey} like ${`%${escapeLike(nameKey(query.issuer))}%`}`);
  if (query.type?.trim()) conditions.push(eq(documents.typeCode, query.type.trim()));
  if (query.from) conditions.push(gte(documents.date, query.from));
  if (query.to) conditions.push(lte(documents.date, query.to));
  if (query.unitIds?.length) conditions.push(inArray(documents.unitId, query.unitIds));
  return conditions;
}

async function countMatches(db: Db, conditions: SQL[], atMost?: number): Promise<number> {
  const matching = db.select({ one: sql`1` }).from(documents).where(and(...conditions));
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${atMost === undefined ? matching : matching.limit(atMost)}) m`);
  return rows[0]?.n ?? 0;
}

async function snippetsFor(db: Db, ids: string[], query: string): Promise<Map<string, Snippet>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: documents.id, text: documents.text }).from(documents).where(inArray(documents.id, ids));
  return new Map(rows.map((r) => [r.id, snippetOf(r.text ?? "", query)]));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const summaryColumns = {
  id: documents.id,
  status: documents.status,
  code: documents.code,
  typeCode: documents.typeCode,
  typeName: documents.typeName,
  date: documents.date,
  issuer: documents.issuer,
  subject: documents.subject,
};

export function toSummary(row: { id: string; status: "stored" | "placeholder"; code: string | null; typeCode: string | null; typeName: string | null; date: string | null; issuer: string | null; subject: string | null }): DocumentSummary {
  return { id: row.id, status: row.status, code: row.code, type: { code: row.typeCode, name: row.typeName }, date: row.date, issuer: row.issuer, subject: row.subject };
}
