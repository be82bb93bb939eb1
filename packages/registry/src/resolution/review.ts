/**
 * @module resolution/review
 * The review queue: mentions the resolver could not settle (several candidates, or none), and
 * a person's choice, remembered as an alias of the chosen agencies scoped to the document's
 * unit so the next document of that unit resolves the same words by itself. Generic mentions
 * ("các cơ quan, đơn vị liên quan") name no standing agency and stay out of the queue.
 */
import { and, asc, eq, inArray, isNull, not, like, sql, type SQL } from "drizzle-orm";
import { notFound } from "../documents/queries.js";
import { ChidaoError, SYSTEM_ACTOR } from "@chidao/core";
import { recordAudit, schema, type AuditActor, type Db } from "@chidao/db";
import { mentionAliasKey } from "./resolve-document.js";

const { mentions, mentionAgencies, documents, agencies, agencyAliases } = schema;

export interface ReviewCandidate {
  agencyId: number;
  name: string;
  fullName: string;
  rank: number;
}

export interface ReviewItem {
  mentionId: number;
  status: "ambiguous" | "unresolved";
  text: string;
  path: string;
  role: string;
  reason: string;
  document: { id: string; code: string | null; subject: string | null; issuer: string | null; date: string | null };
  candidates: ReviewCandidate[];
}

/** `visible`: the reviewer's jurisdiction over documents (access.ts documentVisible). */
export async function reviewQueue(db: Db, page: { limit: number; offset: number }, visible?: SQL): Promise<ReviewItem[]> {
  const rows = await db
    .select({
      mentionId: mentions.id,
      status: mentions.status,
      text: mentions.text,
      path: mentions.path,
      role: mentions.role,
      reason: mentions.reason,
      documentId: documents.id,
      code: documents.code,
      subject: documents.subject,
      issuer: documents.issuer,
      date: documents.date,
    })
    .from(mentions)
    .innerJoin(documents, eq(documents.id, mentions.documentId))
    .where(and(inArray(mentions.status, ["ambiguous", "unresolved"]), isNull(mentions.reviewedAt), not(like(mentions.reason, "generic:%")), visible))
    .orderBy(asc(mentions.status), sql`${documents.date} desc nulls last`, asc(mentions.id))
    .limit(page.limit)
    .offset(page.offset);
  const candidates = await candidatesOf(db, rows.map((r) => r.mentionId));
  return rows.map((r) => ({
    mentionId: r.mentionId,
    status: r.status as ReviewItem["status"],
    text: r.text,
    path: r.path,
    role: r.role,
    reason: r.reason,
    document: { id: r.documentId, code: r.code, subject: r.subject, issuer: r.issuer, date: r.date },
    candidates: candidates.get(r.mentionId) ?? [],
  }));
}

async function candidatesOf(db: Db, mentionIds: number[]): Promise<Map<number, ReviewCandidate[]>> {
  const out = new Map<number, ReviewCandidate[]>();
  if (mentionIds.length === 0) return out;
  const rows = await db
    .select({ mentionId: mentionAgencies.mentionId, agencyId: agencies.id, name: agencies.name, fullName: agencies.fullName, rank: mentionAgencies.rank })
    .from(mentionAgencies)
    .innerJoin(agencies, eq(agencies.id, mentionAgencies.agencyId))
    .where(and(inArray(mentionAgencies.mentionId, mentionIds), eq(mentionAgencies.kind, "candidate")))
    .orderBy(asc(mentionAgencies.rank));
  for (const { mentionId, ...c } of rows) out.set(mentionId, [...(out.get(mentionId) ?? []), c]);
  return out;
}

/** Record a person's choice for a mention and remember its words as an alias in the document's unit. */
export async function settleMention(db: Db, mentionId: number, agencyIds: readonly number[], actor: AuditActor = SYSTEM_ACTOR): Promise<void> {
  const chosen = [...new Set(agencyIds)];
  if (chosen.length === 0) throw invalid("Cần chọn ít nhất một cơ quan.", "Choose at least one agency.");
  await db.transaction(async (tx) => {
    const [m] = await tx
      .select({ text: mentions.text, unitId: documents.unitId })
      .from(mentions)
      .innerJoin(documents, eq(documents.id, mentions.documentId))
      .where(eq(mentions.id, mentionId));
    if (!m) throw notFound("mention", mentionId);
    const found = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, chosen));
    if (found.length !== chosen.length) throw invalid("Có cơ quan không tồn tại.", "Some chosen agencies do not exist.", { agencyIds: chosen });
    await tx.update(mentions).set({ status: "resolved", confidence: 1, reason: "chosen in review", reviewedAt: new Date() }).where(eq(mentions.id, mentionId));
    await tx.delete(mentionAgencies).where(eq(mentionAgencies.mentionId, mentionId));
    await tx.insert(mentionAgencies).values(chosen.map((agencyId) => ({ mentionId, agencyId, rank: 0, kind: "resolved" as const })));
    await recordAudit(tx, actor, { action: "mention.settle", objectType: "mention", objectId: mentionId, after: { text: m.text, agencyIds: chosen } });
    const aliasKey = mentionAliasKey(m.text);
    if (aliasKey === "") return;
    await tx
      .insert(agencyAliases)
      .values(chosen.map((agencyId) => ({ agencyId, alias: m.text, aliasKey, scopeUnitId: m.unitId, origin: "review" as const })))
      .onConflictDoNothing();
  });
}

function invalid(vi: string, en: string, details?: Record<string, unknown>): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi, en, ...(details ? { details } : {}) });
}

/** The document a mention belongs to (NOT_FOUND for an unknown mention). */
export async function documentOfMention(db: Db, mentionId: number): Promise<string> {
  const [row] = await db.select({ documentId: mentions.documentId }).from(mentions).where(eq(mentions.id, mentionId));
  if (!row) throw notFound("mention", mentionId);
  return row.documentId;
}
