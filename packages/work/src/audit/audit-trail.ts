/**
 * @module audit/audit-trail
 * The history of one object from the append-only audit log, for a reader who may see the object:
 * a task's, a share's or a report's through the task; a document's or a mention's through the
 * document; an account's or a token's for administrators of its jurisdiction (and its owner);
 * an agency's for anyone (the directory is public).
 */
import { eq } from "drizzle-orm";
import { ChidaoError, requireRole, type Actor } from "@chidao/core";
import { auditOf, schema, type AuditObject, type AuditRecord, type Db } from "@chidao/db";
import { documentOfMention, requireDocumentVisible } from "@chidao/registry";
import { getUser } from "../accounts/users.js";
import { getTask } from "../tasks/get-task.js";

const { assignments, reports, apiTokens } = schema;

export async function auditTrail(ctx: { db: Db; actor: Actor }, objectType: AuditObject, objectId: string): Promise<AuditRecord[]> {
  requireRole(ctx.actor, "read");
  await requireVisible(ctx, objectType, objectId);
  return auditOf(ctx.db, objectType, objectId);
}

async function requireVisible(ctx: { db: Db; actor: Actor }, objectType: AuditObject, objectId: string): Promise<void> {
  const id = Number(objectId);
  switch (objectType) {
    case "document":
      return requireDocumentVisible(ctx.db, objectId, ctx.actor.scope);
    case "mention":
      return requireDocumentVisible(ctx.db, await documentOfMention(ctx.db, numeric(id)), ctx.actor.scope);
    case "task":
      await getTask(ctx, { id: numeric(id) });
      return;
    case "assignment":
      await getTask(ctx, { id: await parentOf(ctx.db, assignments, numeric(id)) });
      return;
    case "report":
      await getTask(ctx, { id: await parentOf(ctx.db, reports, numeric(id)) });
      return;
    case "user":
      await getUser(ctx, numeric(id));
      return;
    case "token": {
      const [token] = await ctx.db.select({ userId: apiTokens.userId }).from(apiTokens).where(eq(apiTokens.id, numeric(id)));
      if (!token) throw missing(objectType, objectId);
      await getUser(ctx, token.userId);
      return;
    }
    case "agency":
      return;
  }
}

async function parentOf(db: Db, table: typeof assignments | typeof reports, id: number): Promise<number> {
  const [row] = await db.select({ taskId: table.taskId }).from(table).where(eq(table.id, id));
  if (!row) throw missing(table === reports ? "report" : "assignment", id);
  return row.taskId;
}

function numeric(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw missing("object", id);
  return id;
}

function missing(what: string, id: string | number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không tìm thấy ${what} ${id}.`, en: `No ${what} ${id}.` });
}
