/**
 * @module schema/audit
 * The append-only audit log: who changed what, when, with the object before and after. A
 * trigger (migration 0004) refuses UPDATE, DELETE and TRUNCATE on it.
 */
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The account that made the change; null for the system (ingest watcher, reminders). No foreign key: the log outlives accounts. */
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    /** "task.confirm", "assignment.update", "report.create", "user.create" … */
    action: text("action").notNull(),
    objectType: text("object_type", { enum: ["document", "mention", "task", "assignment", "report", "user", "token", "agency"] }).notNull(),
    objectId: text("object_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_object").on(t.objectType, t.objectId, t.id), index("audit_log_actor").on(t.actorId, t.id)],
);
