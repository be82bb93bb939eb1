/**
 * @module audit
 * Writes one entry of the append-only audit log, inside the caller's transaction so that the
 * entry and the change it describes commit or roll back together.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import type { Db } from "./connect.js";
import { auditLog } from "./schema/index.js";

/** Who an audit entry names: an account, or the system. */
export type AuditActor = Pick<Actor, "userId" | "name">;

export type AuditObject = (typeof auditLog.$inferInsert)["objectType"];

export interface AuditEntry {
  action: string;
  objectType: AuditObject;
  objectId: string | number;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: { id: number | null; name: string };
  action: string;
  before: unknown;
  after: unknown;
}

/** The history of one object, oldest first (the caller checks the reader may see the object). */
export async function auditOf(db: Db, objectType: AuditObject, objectId: string | number, limit = 500): Promise<AuditRecord[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, String(objectId))))
    .orderBy(asc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actor: { id: r.actorId, name: r.actorName }, action: r.action, before: r.before, after: r.after }));
}
