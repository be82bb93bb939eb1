/** @module routes/work/schemas — the task tracker's shapes in the API (OpenAPI components). */
import { z } from "zod";
import { TASK_STATUSES } from "@chidao/core";

export const IntId = z.coerce.number().int().positive();
export const AgencyRef = z.object({ id: z.number(), name: z.string() }).meta({ id: "AgencyRef" });

const Hhmm = z.string().regex(/^\d{2}:\d{2}$/);
export const Recurrence = z
  .object({
    every: z.enum(["day", "week", "month", "quarter", "year"]),
    at: Hhmm.optional(),
    weekday: z.number().int().min(1).max(7).optional(),
    day: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    workingDaysOnly: z.boolean().optional(),
  })
  .meta({ id: "Recurrence" });

export const Deadline = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("fixed"), due: z.iso.date(), time: Hhmm.optional() }),
    z.object({ kind: z.literal("recurring"), rule: Recurrence, text: z.string() }),
    z.object({ kind: z.literal("none"), text: z.string().optional() }),
  ])
  .meta({ id: "TaskDeadline", description: "fixed (a date, optionally a time, Asia/Ho_Chi_Minh), recurring (a rule), or none" });

export const TaskItem = z
  .object({
    id: z.number(),
    ref: z.string().nullable(),
    title: z.string(),
    status: z.enum(TASK_STATUSES),
    percent: z.number(),
    deadline: Deadline,
    dueAt: z.date().nullable(),
    overdue: z.boolean(),
    documentId: z.string().nullable(),
    documentCode: z.string().nullable().describe("The document's number/symbol, e.g. 122-TB/TU"),
    unitId: z.number().nullable(),
    parentId: z.number().nullable(),
    lead: z.array(AgencyRef),
    support: z.array(AgencyRef),
    version: z.number(),
  })
  .meta({ id: "TaskItem" });

export const TaskPage = z.object({ items: z.array(TaskItem), total: z.number(), limit: z.number(), offset: z.number() }).meta({ id: "TaskPage" });

export const Share = z
  .object({
    id: z.number(),
    agency: AgencyRef,
    role: z.enum(["lead", "support"]),
    status: z.string(),
    percent: z.number(),
    reportedStatus: z.string(),
    reportedPercent: z.number(),
    dueAt: z.date().nullable(),
    overdue: z.boolean(),
    lastReportAt: z.date().nullable(),
    version: z.number(),
    subtasks: z.array(TaskItem),
  })
  .meta({ id: "Share" });

export const TaskDetail = TaskItem.extend({
  text: z.string(),
  deadlineText: z.string().nullable(),
  reportTo: z.string().nullable(),
  sourcePath: z.string().nullable(),
  span: z.object({ start: z.number(), end: z.number() }).nullable(),
  parentAssignmentId: z.number().nullable(),
  confirmedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  document: z.object({ id: z.string(), code: z.string().nullable(), issuer: z.string().nullable(), date: z.string().nullable(), subject: z.string().nullable() }).nullable(),
  shares: z.array(Share),
}).meta({ id: "TaskDetail" });

/** Several tasks at once, each with the version it was read at. */
export const VersionedIds = z.array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() })).min(1).max(500);
