/**
 * @module audit
 * Writes one entry of the append-only audit log, inside the caller's transaction so that the
 * entry and the change it describes commit or roll back together.
 */
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
