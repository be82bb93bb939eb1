/**
 * @module resolution/mentions-of
 * A document's agency mentions as resolved: each with its place in the record, its span, its
 * status and confidence, and the agencies it names (or the candidates of an ambiguous one).
 */
import { asc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "@chidao/db";

const { mentions, mentionAgencies, agencies } = schema;

export interface ResolvedMention {
  id: number;
  path: string;
  role: string;
  text: string;
  span: { start: number; end: number } | null;
  status: "resolved" | "ambiguous" | "unresolved";
  confidence: number;
  reason: string;
  reviewed: boolean;
  agencies: { id: number; name: string; fullName: string; kind: "resolved" | "candidate" }[];
}

export async function mentionsOf(db: Db, documentId: string): Promise<ResolvedMention[]> {
  const rows = await db.select().from(mentions).where(eq(mentions.documentId, documentId)).orderBy(asc(mentions.id));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.select({ mentionId: mentionAgencies.mentionId, kind: mentionAgencies.kind, id: agencies.id, name: agencies.name, fullName: agencies.fullName }).from(mentionAgencies).innerJoin(agencies, eq(agencies.id, mentionAgencies.agencyId)).where(inArray(mentionAgencies.mentionId, ids)).orderBy(asc(mentionAgencies.rank), asc(agencies.fullName))
    : [];
  const byMention = new Map<number, ResolvedMention["agencies"]>();
  for (const l of links) byMention.set(l.mentionId, [...(byMention.get(l.mentionId) ?? []), { id: l.id, name: l.name, fullName: l.fullName, kind: l.kind }]);
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    role: r.role,
    text: r.text,
    span: r.spanStart !== null && r.spanEnd !== null ? { start: r.spanStart, end: r.spanEnd } : null,
    status: r.status,
    confidence: r.confidence,
    reason: r.reason,
    reviewed: r.reviewedAt !== null,
    agencies: byMention.get(r.id) ?? [],
  }));
}
