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

export interface SearchPage {
  items: SearchHit[];
  total: number;
  limit: number;
  offset: number;
}

export const MAX_PAGE = 100;

export async function searchDocuments(db: Db, query: SearchQuery): Promise<SearchPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), MAX_PAGE);
  const offset = Math.max(query.offset ?? 0, 0);
  const text = query.q?.trim() ?? "";
  const tsquery = sql`websearch_to_tsquery('simple'::regconfig, chidao_fold(${text}))`;
  const conditions = filtersOf(query);
  if (text) conditions.push(sql`${documents.search} @@ ${tsquery}`);
  const rank = text ? sql<number>`ts_rank_cd(${documents.search}, ${tsquery})` : sql<number>`0::real`;
  const order = text ? [sql`${rank} desc`, sql`${documents.date} desc nulls last`, documents.id] : [sql`${documents.date} desc nulls last`, documents.id];
  const rows = await db
    .select({ ...summaryColumns, rank, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(documents)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const total = rows[0]?.total ?? (offset > 0 ? await countMatches(db, conditions) : 0);
  const snippets = text ? await snippetsFor(db, rows.map((r) => r.id), text) : new Map<string, Snippet>();
  const items = rows.map(({ total: _total, ...row }) => ({ ...toSummary(row), rank: Number(row.rank), snippet: snippets.get(row.id) ?? null }));
  return { items, total, limit, offset };
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

async function countMatches(db: Db, conditions: SQL[]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(documents).where(and(...conditions));
  return row?.n ?? 0;
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
