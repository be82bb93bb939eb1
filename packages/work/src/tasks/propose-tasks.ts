/**
 * @module tasks/propose-tasks
 * A stored document's tasks become proposed tasks, awaiting an office's review: one per task of
 * the parsed record ("tasks[i]"), owned by the document's unit, with one share per agency its
 * lead and support mentions resolved to. Runs inside the ingest transaction (the app passes
 * `proposeTasksAfterIngest` to the Registry), so a document and its proposals commit together.
 *
 * Proposing again (the same file, or a reparse) is idempotent: a proposal no one has touched
 * (still proposed, version 1) is kept as it is when the parser says the same, replaced when it
 * says something else, withdrawn when its task is gone. Anything a person did (an edit, a split,
 * a merge, a drop, a confirmation) keeps its row and its place: that task is not proposed again.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { ChidaoError, type DocumentRecord, type Task } from "@chidao/core";
import { recordAudit, schema, type AuditActor, type Db } from "@chidao/db";
import { unitChain, type UnitChain } from "../access/scope.js";
import { nowOf } from "./context.js";
import { deadlineOfTask, dueOf, type TaskDeadline } from "./deadlines.js";
import { insertShares, unitedShares, type ShareDraft } from "./shares.js";
import { titleOf } from "./title.js";
import { taskAudit } from "./views.js";

const { documents, tasks, assignments, mentions, mentionAgencies } = schema;

/** The ingest pipeline authorized the ingest; proposing is part of it. */
export interface ProposeContext {
  db: Db;
  actor: AuditActor;
  now?: Date;
}

export interface ProposeTasksOptions {
  documentId: string;
  /** The parsed record when the caller holds it (the ingest hook); else read from the document. */
  record?: DocumentRecord;
}

export interface ProposeTasksResult {
  documentId: string;
  /** Tasks proposed by this call (new, or replacing an untouched proposal the parser changed). */
  proposed: number[];
  /** Untouched proposals the parser still reads the same. */
  unchanged: number;
  /** Untouched proposals whose task the record no longer has. */
  withdrawn: number;
  /** Tasks a person reviewed, left as they are. */
  kept: number;
}

/** The Registry's `afterIngest` hook: proposals in the ingest transaction, audited as the uploader. */
export function proposeTasksAfterIngest(tx: Db, documentId: string, record: DocumentRecord, actor: AuditActor): Promise<unknown> {
  return proposeTasks({ db: tx, actor }, { documentId, record });
}

export async function proposeTasks(ctx: ProposeContext, options: ProposeTasksOptions): Promise<ProposeTasksResult> {
  return ctx.db.transaction(async (tx) => {
    const doc = await storedDocument(tx, options.documentId);
    const record = options.record ?? doc.record!;
    const { level: _level, ...chain } = await unitChain(tx, doc.unitId);
    const shares = await resolvedShares(tx, doc.id);
    const drafts = record.tasks.map((t, i) => draftOf(t, `tasks[${i}]`, doc, chain, shares.get(`tasks[${i}]`) ?? [], nowOf(ctx)));
    const plan = planOf(drafts, await existingProposals(tx, doc.id));
    const removed = await removeUntouched(tx, [...plan.replace, ...plan.withdraw]);
    const free = drafts.filter((d) => plan.insert.includes(d) || plan.replace.some((e) => e.sourcePath === d.sourcePath && removed.has(e.id)));
    const proposed = await insertDrafts(tx, free);
    await repointMentions(tx, plan.unchanged);
    for (const e of [...plan.replace, ...plan.withdraw].filter((e) => removed.has(e.id))) {
      const replaced = proposed.some((p) => p.sourcePath === e.sourcePath);
      await recordAudit(tx, ctx.actor, { action: replaced ? "task.repropose" : "task.withdraw", objectType: "task", objectId: e.id, before: taskAudit(e.row, e.shares) });
    }
    for (const p of proposed) await recordAudit(tx, ctx.actor, { action: "task.propose", objectType: "task", objectId: p.row.id, after: taskAudit(p.row, p.shares) });
    return { documentId: doc.id, proposed: proposed.map((p) => p.row.id), unchanged: plan.unchanged.length, withdrawn: plan.withdraw.filter((e) => removed.has(e.id)).length, kept: plan.kept };
  });
}

type DocumentRow = Pick<typeof documents.$inferSelect, "id" | "unitId" | "date" | "record"> & { record: DocumentRecord | null };

async function storedDocument(tx: Db, id: string): Promise<DocumentRow> {
  const [doc] = await tx.select({ id: documents.id, unitId: documents.unitId, date: documents.date, record: documents.record, status: documents.status }).from(documents).where(eq(documents.id, id));
  if (!doc) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có văn bản ${id}.`, en: `No document ${id}.` });
  if (doc.status !== "stored" || !doc.record) throw new ChidaoError({ code: "INVALID_INPUT", vi: `Văn bản ${id} chưa được lưu và phân tích.`, en: `Document ${id} is not stored and parsed.` });
  return { ...doc, record: doc.record as DocumentRecord };
}

/** Each task's shares from its resolved lead and support mentions ("tasks[2].lead[0]" → "tasks[2]"). */
async function resolvedShares(tx: Db, documentId: string): Promise<Map<string, ShareDraft[]>> {
  const rows = await tx
    .select({ mentionId: mentions.id, path: mentions.path, role: mentions.role, agencyId: mentionAgencies.agencyId })
    .from(mentions)
    .innerJoin(mentionAgencies, and(eq(mentionAgencies.mentionId, mentions.id), eq(mentionAgencies.kind, "resolved")))
    .where(and(eq(mentions.documentId, documentId), inArray(mentions.role, ["lead", "support"])))
    .orderBy(mentions.id, mentionAgencies.rank, mentionAgencies.agencyId);
  const byTask = new Map<string, ShareDraft[]>();
  for (const r of rows) {
    const path = r.path.slice(0, r.path.indexOf("."));
    byTask.set(path, [...(byTask.get(path) ?? []), { agencyId: r.agencyId, role: r.role as "lead" | "support", mentionId: r.mentionId }]);
  }
  for (const [path, drafts] of byTask) byTask.set(path, unitedShares(drafts));
  return byTask;
}

interface Draft {
  sourcePath: string;
  values: typeof tasks.$inferInsert;
  shares: ShareDraft[];
}

function draftOf(task: Task, sourcePath: string, doc: DocumentRow, chain: UnitChain, shares: ShareDraft[], now: Date): Draft {
  const deadline: TaskDeadline = deadlineOfTask(task, doc.date);
  const values = {
    documentId: doc.id,
    sourcePath,
    ref: task.ref || null,
    title: titleOf(task.text) || task.ref || sourcePath,
    text: task.text,
    spanStart: task.span?.start ?? null,
    spanEnd: task.span?.end ?? null,
    status: "proposed" as const,
    deadline,
    deadlineText: task.deadlineText ?? null,
    dueAt: dueOf(deadline, now),
    reportTo: task.reportTo.length ? task.reportTo.join("; ") : null,
    unitId: doc.unitId,
    ...chain,
  };
  return { sourcePath, values, shares };
}

interface Existing {
  id: number;
  sourcePath: string;
  row: typeof tasks.$inferSelect;
  shares: { agencyId: number; role: "lead" | "support" }[];
}

async function existingProposals(tx: Db, documentId: string): Promise<Existing[]> {
  const rows = await tx.select().from(tasks).where(and(eq(tasks.documentId, documentId), isNotNull(tasks.sourcePath)));
  const shares = rows.length ? await tx.select({ taskId: assignments.taskId, agencyId: assignments.agencyId, role: assignments.role }).from(assignments).where(inArray(assignments.taskId, rows.map((r) => r.id))).orderBy(assignments.id) : [];
  return rows.map((row) => ({ id: row.id, sourcePath: row.sourcePath!, row, shares: shares.filter((s) => s.taskId === row.id) }));
}

/** A proposal as the parser made it: nobody has edited, split, merged, dropped or confirmed it. */
function untouched(e: Existing): boolean {
  return e.row.status === "proposed" && e.row.version === 1 && /^tasks\[\d+\]$/.test(e.sourcePath);
}

interface Plan {
  insert: Draft[];
  unchanged: { existing: Existing; draft: Draft }[];
  replace: Existing[];
  withdraw: Existing[];
  kept: number;
}

function planOf(drafts: readonly Draft[], existing: readonly Existing[]): Plan {
  const byPath = new Map(existing.map((e) => [e.sourcePath, e]));
  const plan: Plan = { insert: [], unchanged: [], replace: [], withdraw: [], kept: existing.filter((e) => !untouched(e)).length };
  for (const d of drafts) {
    const e = byPath.get(d.sourcePath);
    if (!e) plan.insert.push(d);
    else if (!untouched(e)) continue;
    else if (sameProposal(e, d)) plan.unchanged.push({ existing: e, draft: d });
    else plan.replace.push(e);
  }
  const paths = new Set(drafts.map((d) => d.sourcePath));
  plan.withdraw = existing.filter((e) => untouched(e) && !paths.has(e.sourcePath));
  return plan;
}

function sameProposal(e: Existing, d: Draft): boolean {
  const r = e.row;
  const v = d.values;
  const fields = r.ref === v.ref && r.title === v.title && r.text === v.text && r.spanStart === v.spanStart && r.spanEnd === v.spanEnd && canonical(r.deadline) === canonical(v.deadline) && r.deadlineText === v.deadlineText && r.reportTo === v.reportTo && r.unitId === v.unitId;
  const key = (s: { agencyId: number; role: string }[]) => s.map((x) => `${x.role}:${x.agencyId}`).sort().join(",");
  return fields && key(e.shares) === key(d.shares);
}

/** JSON with sorted keys: jsonb hands objects back with its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(value);
}

/** Deletes untouched proposals; one a reviewer touched meanwhile stays (the where clause sees its new version). */
async function removeUntouched(tx: Db, rows: readonly Existing[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const gone = await tx
    .delete(tasks)
    .where(and(inArray(tasks.id, rows.map((r) => r.id)), eq(tasks.status, "proposed"), eq(tasks.version, 1)))
    .returning({ id: tasks.id });
  return new Set(gone.map((g) => g.id));
}

interface Proposed {
  sourcePath: string;
  row: typeof tasks.$inferSelect;
  shares: ShareDraft[];
}

async function insertDrafts(tx: Db, drafts: readonly Draft[]): Promise<Proposed[]> {
  if (drafts.length === 0) return [];
  // A path a reviewer holds (touched between our read and our write) is left to the reviewer.
  const rows = await tx.insert(tasks).values(drafts.map((d) => d.values)).onConflictDoNothing().returning();
  const byPath = new Map(drafts.map((d) => [d.sourcePath, d]));
  const proposed = rows.map((row) => ({ sourcePath: row.sourcePath!, row, shares: byPath.get(row.sourcePath!)!.shares }));
  await insertShares(tx, proposed.flatMap((p) => p.shares.map((s) => ({ ...s, taskId: p.row.id, status: "proposed" as const, dueAt: p.row.dueAt }))));
  return proposed;
}

/** Resolution replaced the mentions (their ids changed); an unchanged proposal's shares point at the new ones. */
async function repointMentions(tx: Db, unchanged: Plan["unchanged"]): Promise<void> {
  const links = unchanged.flatMap(({ existing, draft }) => draft.shares.map((s) => ({ task_id: existing.id, agency_id: s.agencyId, mention_id: s.mentionId ?? null })));
  if (links.length === 0) return;
  await tx.execute(sql`
    update ${assignments} a set mention_id = r.mention_id
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as r(task_id bigint, agency_id int, mention_id bigint)
    where a.task_id = r.task_id and a.agency_id = r.agency_id and a.mention_id is distinct from r.mention_id`);
}
