/**
 * @module documents/search
 * Diacritic-insensitive full-text search: the query is folded the way the stored `search` column
 * was (chidao_fold → the `simple` configuration), so "phong chong dich" finds "phòng, chống
 * dịch" and "Dak Lak" finds "Đắk Lắk". websearch syntax: "quoted phrases", -exclusions, OR.
 * Snippets are cut from the original text of the page's rows only.
 */
import { and, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { nameKey, snippetOf, type ActorScope, type Snippet } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { documentVisible } from "../access.js";
import { phrasesAsWordPairs } from "./word-pairs.js";

const { documents, documentSearch } = schema;

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

/** Rows of the newest a broad query reads before it asks the index for every match instead. */
const WALKED = { least: 100, most: 800 };

/**
 * `scope`: the reader's jurisdiction (access.ts documentVisible). With words, the narrow
 * document_search table is searched and the page's summaries read from documents; without,
 * documents are listed newest first.
 */
export async function searchDocuments(db: Db, query: SearchQuery, scope?: ActorScope): Promise<SearchPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), MAX_PAGE);
  const offset = Math.max(query.offset ?? 0, 0);
  const text = query.q?.trim() ?? "";
  if (!text) {
    const conditions = [eq(documents.status, "stored"), ...filtersOf(query, { documentId: documents.id, issuerKey: documents.issuerKey, typeCode: documents.typeCode, date: documents.date, unitId: documents.unitId }, scope)];
    return listed(db, conditions, { limit, offset });
  }
  const words = await foldedQuery(db, text);
  if (!words) return { items: [], total: 0, totalExact: true, sort: "relevance", limit, offset };
  // The index answers the query with phrases as word pairs; ranking reads the heading's positions.
  const indexed = sql`${phrasesAsWordPairs(words)}::tsquery`;
  const match = sql`${documentSearch.search} @@ ${indexed}`;
  const filterRows = (of: FilterColumns) => filtersOf(query, of, scope);
  const filters = filterRows(documentSearch);
  const page = { limit, offset, text };
  // The planner's estimate is cheap: above the cap, skip the bounded probe.
  const estimate = await estimatedMatches(db, [match, ...filters]);
  if (estimate > RANKED_AT_MOST) return newestMatches(db, indexed, filterRows, page, estimate);
  const ranked = await byRank(db, [match, ...filters], sql`${words}::tsquery`, page);
  return ranked ?? newestMatches(db, indexed, filterRows, page, RANKED_AT_MOST + 1);
}

/** The query as a tsquery's text, folded as the stored words were; "" when it holds no word. */
async function foldedQuery(db: Db, text: string): Promise<string> {
  const { rows } = await db.execute<{ q: string }>(sql`select websearch_to_tsquery('simple'::regconfig, chidao_fold(${text}))::text as q`);
  return rows[0]?.q ?? "";
}

interface PageSpec {
  limit: number;
  offset: number;
  text: string;
}

/** Ranks the matches by the heading words, if there are at most RANKED_AT_MOST; else null. */
async function byRank(db: Db, conditions: SQL[], tsquery: SQL, page: PageSpec): Promise<SearchPage | null> {
  // One statement counts (up to the cap) and ranks; the counted row comes back even when the
  // page is empty, so an over-cap query is known without scanning the matches again.
  const { rows } = await db.execute<RankedRow>(sql`
    with matched as materialized (
      select document_id as id, date from ${documentSearch} where ${and(...conditions)} limit ${RANKED_AT_MOST + 1}
    ), counted as (select count(*)::int as total from matched)
    select page.*, counted.total from counted left join lateral (
      select d.id, d.status, d.code, d.type_code as "typeCode", d.type_name as "typeName", d.date::text as date, d.issuer, d.subject,
        ts_rank_cd(d.title_search, ${tsquery})::float8 as rank
      from matched m join documents d on d.id = m.id
      where counted.total <= ${RANKED_AT_MOST}
      order by rank desc, m.date desc nulls last, m.id
      limit ${page.limit} offset ${page.offset}) page on true`);
  const total = Number(rows[0]?.total ?? 0);
  if (total > RANKED_AT_MOST) return null;
  const hits = rows.filter(isHit);
  return { items: await withSnippets(db, hits, page.text), total, totalExact: true, sort: "relevance", limit: page.limit, offset: page.offset };
}

/** A row of the ranked page, or the lone counted row (all null but total) when the page is empty. */
type RankedRow = { [K in keyof SummaryRow]: SummaryRow[K] | null } & { rank: number | null; total: number };

function isHit(row: RankedRow): row is SummaryRow & { rank: number; total: number } {
  return row.id !== null;
}

/** Every stored document (of the filters), newest first, with the exact total. */
async function listed(db: Db, conditions: SQL[], page: { limit: number; offset: number }): Promise<SearchPage> {
  const rows = await db
    .select(summaryColumns)
    .from(documents)
    .where(and(...conditions))
    .orderBy(sql`${documents.date} desc nulls last`, documents.id)
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(documents).where(and(...conditions));
  const items = rows.map((r) => ({ ...toSummary(r), rank: 0, snippet: null }));
  return { items, total: Number(count?.n ?? 0), totalExact: true, sort: "date", limit: page.limit, offset: page.offset };
}

/**
 * Too many matches to rank: the newest, with a total no lower than `atLeast` (what is known of
 * it). Matching a row outside the index means decompressing its word vector (~20 µs), so the
 * newest rows of the filters are read only up to a bound: a common query fills its page there.
 * Otherwise the matches are rare among the filtered rows, whatever the estimate said, and the
 * index gives them all to sort; the planner is kept from walking the date order instead.
 */
async function newestMatches(db: Db, tsquery: SQL, filterRows: (of: FilterColumns) => SQL[], page: PageSpec, atLeast: number): Promise<SearchPage> {
  // Enough rows to fill the page at the estimated share of matches, with a margin.
  const share = Math.min(1, atLeast / Math.max(1, await indexedCount(db)));
  const walk = Math.round(Math.min(WALKED.most, Math.max(WALKED.least, (1.5 * (page.offset + page.limit)) / share)));
  const filters = filterRows(documentSearch);
  const recent = db
    .select({ id: documentSearch.documentId, date: documentSearch.date, search: documentSearch.search })
    .from(documentSearch)
    .where(and(...filters))
    .orderBy(sql`${documentSearch.date} desc nulls last`, documentSearch.documentId)
    .limit(walk)
    .as("recent");
  let ids = await db
    .select({ id: recent.id })
    .from(recent)
    .where(sql`${recent.search} @@ ${tsquery}`)
    .orderBy(sql`${recent.date} desc nulls last`, recent.id)
    .limit(page.limit)
    .offset(page.offset);
  if (ids.length < page.limit) ids = await everyMatchNewest(db, tsquery, page, filterRows);
  const order = new Map(ids.map((r, i) => [r.id, i]));
  const rows = ids.length ? await db.select(summaryColumns).from(documents).where(inArray(documents.id, [...order.keys()])) : [];
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const total = Math.max(atLeast, page.offset + rows.length);
  return { items: await withSnippets(db, rows.map((r) => ({ ...r, rank: 0 })), page.text), total, totalExact: false, sort: "date", limit: page.limit, offset: page.offset };
}

/**
 * Every match from the index, then the filters, newest first. The matches are materialized so
 * that the planner can neither push a filter into a scan of another index (and decompress the
 * word vector of every filtered row) nor read the whole table.
 */
async function everyMatchNewest(db: Db, tsquery: SQL, page: PageSpec, filterRows: (of: FilterColumns) => SQL[]): Promise<{ id: string }[]> {
  const m = { documentId: sql`m.id`, issuerKey: sql`m.issuer_key`, unitId: sql`m.unit_id`, typeCode: sql`m.type_code`, date: sql`m.date` };
  const filters = filterRows(m);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const { rows } = await tx.execute<{ id: string }>(sql`
      with m as materialized (
        select document_id as id, issuer_key, unit_id, type_code, date from ${documentSearch} where ${documentSearch.search} @@ ${tsquery})
      select m.id from m ${filters.length ? sql`where ${and(...filters)}` : sql``}
      order by m.date desc nulls last, m.id limit ${page.limit} offset ${page.offset}`);
    return rows;
  });
}

type SummaryRow = Parameters<typeof toSummary>[0];

async function withSnippets(db: Db, rows: (SummaryRow & { rank: number })[], text: string): Promise<SearchHit[]> {
  const snippets = text ? await snippetsFor(db, rows.map((r) => r.id), text) : new Map<string, Snippet>();
  return rows.map((row) => ({ ...toSummary(row), rank: Number(row.rank), snippet: snippets.get(row.id) ?? null }));
}

/** Rows in the search index, as the planner knows it. */
async function indexedCount(db: Db): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'document_search'::regclass`);
  return Number(rows[0]?.n ?? 0);
}

async function estimatedMatches(db: Db, conditions: SQL[]): Promise<number> {
  const probe = db.select({ one: sql`1` }).from(documentSearch).where(and(...conditions));
  const { rows } = await db.execute<{ "QUERY PLAN": unknown }>(sql`explain (format json) ${probe.getSQL()}`);
  const plan = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  return Math.round(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** The columns filters read: of documents, of the search index, or of a query's rows. */
interface FilterColumns {
  documentId: SQLWrapper;
  issuerKey: SQLWrapper;
  typeCode: SQLWrapper;
  date: SQLWrapper;
  unitId: SQLWrapper;
}

function filtersOf(query: SearchQuery, table: FilterColumns, scope: ActorScope | undefined): SQL[] {
  const conditions: SQL[] = [];
  if (query.issuer?.trim()) conditions.push(sql`${table.issuerKey} like ${`%${escapeLike(nameKey(query.issuer))}%`}`);
  if (query.type?.trim()) conditions.push(eq(table.typeCode, query.type.trim()));
  if (query.from) conditions.push(gte(table.date, query.from));
  if (query.to) conditions.push(lte(table.date, query.to));
  if (query.unitIds?.length) conditions.push(inArray(table.unitId, query.unitIds));
  const visible = documentVisible(scope, { id: table.documentId, unitId: table.unitId });
  if (visible) conditions.push(visible);
  return conditions;
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
