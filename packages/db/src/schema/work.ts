/**
 * @module schema/work
 * The work directives assign: tasks (proposed from a document, confirmed by a person, or made by
 * hand), each agency's share of a task (an assignment), sub-tasks an agency delegates to lower
 * units, progress reports with their attachments, and deadline reminders.
 *
 * Tasks and assignments carry the province, district and commune of their unit so that a
 * jurisdiction ("everything in Khánh Hòa") is one indexed equality, not a walk of the hierarchy.
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { TASK_STATUSES, type TaskDeadline } from "@chidao/core";
import { agencies, documents, files, mentions, units } from "./registry.js";
import { users } from "./accounts.js";

export { TASK_STATUSES };
/** What an agency may set its share to. */
export const SHARE_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
/** A share's tracked status: an agency's own, or "proposed" while its task awaits review (kept out of every work list). */
export const ASSIGNMENT_STATUSES = ["proposed", ...SHARE_STATUSES] as const;
export const ASSIGNMENT_ROLES = ["lead", "support"] as const;


/** The units a row belongs to, nearest last: what jurisdiction filters compare. */
const unitChain = () => ({
  provinceId: integer("province_id").references(() => units.id),
  districtId: integer("district_id").references(() => units.id),
  communeId: integer("commune_id").references(() => units.id),
});

export const tasks = pgTable(
  "tasks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The directive the task comes from; null for a task made by hand. */
    documentId: uuid("document_id").references(() => documents.id),
    /** Where in the record: "tasks[2]". */
    sourcePath: text("source_path"),
    /** Its number in the document: "2", "II.3.b". */
    ref: text("ref"),
    title: text("title").notNull(),
    text: text("text").notNull(),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("proposed"),
    deadline: jsonb("deadline").$type<TaskDeadline>().notNull().default({ kind: "none" }),
    deadlineText: text("deadline_text"),
    /** When the next report or the result is due (fixed deadline, or a recurring duty's next occurrence). */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** To whom results go back ("Văn phòng Tỉnh ủy"), as written. */
    reportTo: text("report_to"),
    /** The unit whose office owns the task: the issuer's jurisdiction, or the delegating agency's unit. */
    unitId: integer("unit_id").references(() => units.id),
    ...unitChain(),
    /** A delegated sub-task: the task above and the share that delegated it. */
    parentId: bigint("parent_id", { mode: "number" }).references((): AnyPgColumn => tasks.id),
    parentAssignmentId: bigint("parent_assignment_id", { mode: "number" }),
    /** A task made from a report's proposal (đề xuất, kiến nghị) for the level above. */
    originReportId: bigint("origin_report_id", { mode: "number" }),
    /** Rolled up from the assignments and sub-tasks (0–100). */
    percent: integer("percent").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id),
    confirmedBy: integer("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("tasks_document_path").on(t.documentId, t.sourcePath).where(sql`source_path is not null`),
    index("tasks_document").on(t.documentId),
    index("tasks_parent").on(t.parentId),
    index("tasks_parent_assignment").on(t.parentAssignmentId),
    index("tasks_province_status").on(t.provinceId, t.status, t.dueAt),
    index("tasks_district_status").on(t.districtId, t.status, t.dueAt),
    index("tasks_commune_status").on(t.communeId, t.status, t.dueAt),
    index("tasks_status_due").on(t.status, t.dueAt),
    /** Whether a report's proposal was already made a task (propose-upward), without a scan. */
    index("tasks_origin_report").on(t.originReportId).where(sql`origin_report_id is not null`),
  ],
);

/** One agency's share of a task: lead (chủ trì) or support (phối hợp), tracked on its own. */
export const assignments = pgTable(
  "assignments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    taskId: bigint("task_id", { mode: "number" })
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role", { enum: ASSIGNMENT_ROLES }).notNull(),
    /** Rolled up from what the agency set and the share's sub-tasks (roll-up.ts); what lists and overdue counts read. */
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("open"),
    percent: integer("percent").notNull().default(0),
    /**
     * What the agency itself last set, the roll-up's input: kept apart from the rolled values so
     * that a sub-unit correcting its progress downwards lowers the share again.
     */
    reportedStatus: text("reported_status", { enum: SHARE_STATUSES }).notNull().default("open"),
    reportedPercent: integer("reported_percent").notNull().default(0),
    /** The share's own due time (the task's unless changed). */
    dueAt: timestamp("due_at", { withTimezone: true }),
    lastReportAt: timestamp("last_report_at", { withTimezone: true }),
    /** The mention the share was resolved from, when it came from a document. */
    mentionId: bigint("mention_id", { mode: "number" }).references(() => mentions.id, { onDelete: "set null" }),
    /** The agency's unit chain (null for a central body). */
    ...unitChain(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("assignments_task_agency").on(t.taskId, t.agencyId),
    index("assignments_agency_status").on(t.agencyId, t.status, t.dueAt),
    index("assignments_province_status").on(t.provinceId, t.status, t.dueAt),
    index("assignments_district_status").on(t.districtId, t.status, t.dueAt),
    index("assignments_commune_status").on(t.communeId, t.status, t.dueAt),
    /** Live shares by due time: the reminder sweep reads only the ones near or past due, nationwide. */
    index("assignments_live_due").on(t.dueAt).where(sql`status in ('open', 'in_progress')`),
  ],
);

/**
 * The units a task lies in the jurisdiction of: its owner's province, district and commune, and
 * those of every share's agency. Derived data, kept by triggers on tasks and assignments
 * (migration 0011) with the task's status, due time and whether it was confirmed, so that a
 * unit's task list reads one index in due order and its count the same index alone, instead of
 * the union of owned and assigned tasks.
 */
export const taskUnits = pgTable(
  "task_units",
  {
    taskId: bigint("task_id", { mode: "number" })
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    confirmed: boolean("confirmed").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId] }),
    /** A unit's tasks of a status in due order: the list's runs. */
    index("task_units_list").on(t.unitId, t.status, t.dueAt, t.taskId, t.confirmed),
    /** The same rows without their order: the list's total, from a far smaller index (its duplicates stored once). */
    index("task_units_count").on(t.unitId, t.status, t.confirmed),
  ],
);

/** A progress report on a share, in the form directives ask for. */
export const reports = pgTable(
  "reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    taskId: bigint("task_id", { mode: "number" })
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    assignmentId: bigint("assignment_id", { mode: "number" })
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    authorId: integer("author_id").references(() => users.id),
    /** Kết quả. */
    results: text("results").notNull().default(""),
    /** Khó khăn, vướng mắc. */
    difficulties: text("difficulties").notNull().default(""),
    /** Đề xuất, kiến nghị. */
    proposals: text("proposals").notNull().default(""),
    percent: integer("percent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reports_task").on(t.taskId, t.createdAt), index("reports_assignment").on(t.assignmentId, t.createdAt)],
);

export const reportAttachments = pgTable(
  "report_attachments",
  {
    reportId: bigint("report_id", { mode: "number" })
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    sha256: text("sha256")
      .notNull()
      .references(() => files.sha256),
    fileName: text("file_name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.sha256] })],
);

/** A reminder sent for a share: due soon, or overdue. One per share, kind and due time. */
export const reminders = pgTable(
  "reminders",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    assignmentId: bigint("assignment_id", { mode: "number" })
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: ["due_soon", "overdue"] }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("reminders_once").on(t.assignmentId, t.kind, t.dueAt), index("reminders_agency").on(t.agencyId, t.createdAt)],
);
