/**
 * @module tasks/present
 * Tasks and shares as use cases answer them: list items with their lead and support agencies by
 * full name, percent, due time and an overdue flag; never raw rows.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { TaskDeadline, TaskStatus } from "@chidao/core";
import { schema, type Db } from "@chidao/db";

const { tasks, assignments, agencies, documents } = schema;

export interface AgencyRef {
  id: number;
  /** The full name: "Sở Y tế tỉnh Khánh Hòa". */
  name: string;
}

export interface TaskItem {
  id: number;
  ref: string | null;
  title: string;
  status: TaskStatus;
  percent: number;
  deadline: TaskDeadline;
  dueAt: Date | null;
  /** Due time passed while the task is still open or in progress. */
  overdue: boolean;
  documentId: string | null;
  /** The document's number/symbol ("122-TB/TU"), for a list that names where each task comes from. */
  documentCode: string | null;
  unitId: number | null;
  parentId: number | null;
  lead: AgencyRef[];
  support: AgencyRef[];
  version: number;
}

/** The task columns a list item needs (not the text: a list does not carry whole directives). */
export const ITEM_COLUMNS = {
  id: tasks.id,
  ref: tasks.ref,
  title: tasks.title,
  status: tasks.status,
  percent: tasks.percent,
  deadline: tasks.deadline,
  dueAt: tasks.dueAt,
  documentId: tasks.documentId,
  documentCode: sql<string | null>`(select d.code from ${documents} d where d.id = ${tasks}.document_id)`,
  unitId: tasks.unitId,
  parentId: tasks.parentId,
  version: tasks.version,
};

/** A row of ITEM_COLUMNS; rows from elsewhere (a write's returning) may lack the document's code. */
export type ItemRow = Omit<TaskItem, "overdue" | "lead" | "support" | "documentCode"> & { documentCode?: string | null };

export function isOverdue(status: string, dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime() && (status === "open" || status === "in_progress");
}

/** List items for rows, with the agencies of their live (not cancelled) shares. */
export async function presentItems(db: Db, rows: readonly ItemRow[], now: Date): Promise<TaskItem[]> {
  const lists = await agencyLists(db, rows.map((r) => r.id));
  const codes = await documentCodes(db, rows.filter((r) => r.documentCode === undefined).map((r) => r.documentId));
  return rows.map((r) => itemOf({ ...r, documentCode: r.documentCode ?? (r.documentId ? codes.get(r.documentId) : null) ?? null }, lists.get(r.id), now));
}

/** The number/symbol of each document. */
async function documentCodes(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string | null>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: documents.id, code: documents.code }).from(documents).where(inArray(documents.id, wanted));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/**
 * A column for a query over tasks (as "tasks": drizzle names no table in a one-table select list): the agencies of the task's live shares as [role, id, name], in
 * share order. A list reads them with its page (shareAgencyLists) instead of a second query.
 */
export const SHARE_AGENCIES = sql<[AgencyRole, number, string][]>`(select coalesce(json_agg(json_build_array(a.role, g.id, g.full_name) order by a.id), '[]') from ${assignments} a join ${agencies} g on g.id = a.agency_id where a.task_id = ${tasks}.id and a.status <> 'cancelled')`;

type AgencyRole = "lead" | "support";

/** SHARE_AGENCIES as lead and support lists. */
export function shareAgencyLists(shares: readonly [AgencyRole, number, string][]): { lead: AgencyRef[]; support: AgencyRef[] } {
  const lists = { lead: [] as AgencyRef[], support: [] as AgencyRef[] };
  for (const [role, id, name] of shares) lists[role].push({ id: Number(id), name });
  return lists;
}

/** A list item from its row and its agencies. */
export function itemOf(r: ItemRow, lists: { lead: AgencyRef[]; support: AgencyRef[] } | undefined, now: Date): TaskItem {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    status: r.status,
    percent: r.percent,
    deadline: r.deadline,
    dueAt: r.dueAt,
    overdue: isOverdue(r.status, r.dueAt, now),
    documentId: r.documentId,
    documentCode: r.documentCode ?? null,
    unitId: r.unitId,
    parentId: r.parentId,
    lead: lists?.lead ?? [],
    support: lists?.support ?? [],
    version: r.version,
  };
}

/** Each task's lead and support agencies, leads and supports each in share order. */
export async function agencyLists(db: Db, taskIds: readonly number[]): Promise<Map<number, { lead: AgencyRef[]; support: AgencyRef[] }>> {
  const out = new Map<number, { lead: AgencyRef[]; support: AgencyRef[] }>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .select({ taskId: assignments.taskId, role: assignments.role, id: agencies.id, name: agencies.fullName })
    .from(assignments)
    .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
    .where(and(inArray(assignments.taskId, [...taskIds]), ne(assignments.status, "cancelled")))
    .orderBy(asc(assignments.id));
  for (const r of rows) {
    const entry = out.get(r.taskId) ?? { lead: [], support: [] };
    entry[r.role].push({ id: r.id, name: r.name });
    out.set(r.taskId, entry);
  }
  return out;
}
