/**
 * @module resolution/resolve-document
 * Resolve every agency mention of a stored document and write `mentions` and
 * `mention_agencies` in one transaction, replacing the earlier rows of the document except the
 * ones a person reviewed. Also records the document's jurisdiction (unit and issuer level).
 */
import { and, eq, isNull, isNotNull, sql } from "drizzle-orm";
import { notFound } from "../documents/queries.js";
import { ChidaoError, jurisdictionOf, locateJurisdiction, nameKey, parseMention, resolveMention, type DocumentRecord, type MentionInput, type Resolution } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { loadCatalog } from "./load-catalog.js";
import type { CatalogCache } from "./catalog-cache.js";
import { documentMentions } from "./document-mentions.js";

const { documents, mentions, mentionAgencies } = schema;

export interface ResolveSummary {
  documentId: string;
  unitId: number | null;
  issuerLevel: string | null;
  mentions: number;
  resolved: number;
  ambiguous: number;
  unresolved: number;
  /** Mentions a person reviewed earlier, left as they were. */
  kept: number;
}

/** `catalogs`: a cache shared across documents (a batch, a server); without it the catalogue is loaded for this document alone. */
export async function resolveDocument(db: Db, documentId: string, catalogs?: CatalogCache): Promise<ResolveSummary> {
  const [doc] = await db.select({ record: documents.record, date: documents.date }).from(documents).where(eq(documents.id, documentId));
  if (!doc) throw notFound("document", documentId);
  if (!doc.record) throw new ChidaoError({ code: "INVALID_INPUT", vi: `Văn bản ${documentId} chưa có bản ghi phân tích.`, en: `Document ${documentId} has no parsed record.` });
  const record = doc.record as DocumentRecord;
  const catalog = catalogs ? await catalogs.get(db, doc.date) : await loadCatalog(db, { date: doc.date });
  const jurisdiction = jurisdictionOf({ issuer: record.issuer?.name ?? null, parent: record.issuer?.parent ?? null, place: record.place, recipients: record.recipients, date: doc.date });
  const scope = locateJurisdiction(jurisdiction, catalog);
  const placed = documentMentions(record).map((p) => ({ ...p, resolution: resolveMention(p.mention, scope, catalog) }));
  const unitId = scope.chain[0]?.id ?? null;
  return db.transaction(async (tx) => {
    await tx.update(documents).set({ unitId, issuerLevel: jurisdiction?.level ?? null, updatedAt: new Date() }).where(eq(documents.id, documentId));
    await tx.delete(mentions).where(and(eq(mentions.documentId, documentId), isNull(mentions.reviewedAt)));
    const reviewed = await tx.select({ path: mentions.path }).from(mentions).where(and(eq(mentions.documentId, documentId), isNotNull(mentions.reviewedAt)));
    const keep = new Set(reviewed.map((r) => r.path));
    const fresh = placed.filter((p) => !keep.has(p.path));
    if (fresh.length > 0) {
      const ids = await tx
        .insert(mentions)
        .values(
          fresh.map((p) => ({
            documentId,
            path: p.path,
            role: p.role,
            text: p.mention.text,
            expanded: p.mention.expanded ?? p.mention.text,
            spanStart: p.span?.start ?? null,
            spanEnd: p.span?.end ?? null,
            collective: isCollective(p.mention),
            status: p.resolution.status,
            confidence: p.resolution.confidence,
            reason: p.resolution.reason,
          })),
        )
        .returning({ id: mentions.id, path: mentions.path });
      const byPath = new Map(fresh.map((p) => [p.path, p.resolution]));
      const links = ids.flatMap(({ id, path }) => linksOf(id, byPath.get(path)!));
      await insertLinks(tx, links);
    }
    const count = (s: Resolution["status"]): number => fresh.filter((p) => p.resolution.status === s).length;
    return { documentId, unitId, issuerLevel: jurisdiction?.level ?? null, mentions: fresh.length, resolved: count("resolved"), ambiguous: count("ambiguous"), unresolved: count("unresolved"), kept: keep.size };
  });
}

function isCollective(mention: MentionInput): boolean {
  const parts = parseMention(mention);
  return parts.scope.kind === "each" || parts.group !== null;
}

/**
 * One statement with four array parameters, however many rows: a national fan-out ("Tổ COVID
 * cộng đồng" of 10,599 communes) would otherwise be a 40,000-parameter INSERT built row by row.
 */
async function insertLinks(tx: Db, links: Link[]): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(sql`
    insert into ${mentionAgencies} (mention_id, agency_id, rank, kind)
    select * from unnest(${pgArray(links.map((l) => l.mentionId))}::bigint[], ${pgArray(links.map((l) => l.agencyId))}::int[],
                         ${pgArray(links.map((l) => l.rank))}::int[], ${pgArray(links.map((l) => l.kind))}::text[])`);
}

/** A PostgreSQL array literal of plain numbers or words (no quoting needed: ids, ranks, enum values). */
function pgArray(values: (number | string)[]): string {
  return `{${values.join(",")}}`;
}

type Link = typeof mentionAgencies.$inferInsert;

function linksOf(mentionId: number, r: Resolution): Link[] {
  if (r.status === "resolved") return r.agencies.map((agencyId) => ({ mentionId, agencyId, rank: 0, kind: "resolved" as const }));
  return r.candidates.map((agencyId, rank) => ({ mentionId, agencyId, rank, kind: "candidate" as const }));
}

/** The key a settled mention is remembered under: what resolveMention matches whole. */
export function mentionAliasKey(text: string): string {
  return nameKey(parseMention({ text, kind: "other" }).whole);
}
