/**
 * @module tasks/delegate-assignment
 * The agency that received a share hands it down: one sub-task per lower agency, each led by that
 * agency, owned by the delegating agency's unit, due when the share is unless a deadline is given.
 * Targets are agency ids, or a fan-out: `{ role: "ubnd", level: "commune" }` is the People's
 * Committee of every commune directly under the delegating agency's unit (a province's share
 * cascades to its districts, a district's to its communes; a 2025 province has communes
 * directly). The sub-tasks' progress rolls up into the share.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { requireRole, type AdminLevel, type TaskDeadline } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { agencyChain, assignmentWithin, type UnitChain } from "../access/scope.js";
import { nowOf, type TaskContext } from "./context.js";
import { checkDeadline, dueOf } from "./deadlines.js";
import { invalidInput, shareNotFound } from "./errors.js";
import { presentItems, type TaskItem } from "./present.js";
import { checkText, loadTask, MAX_TEXT, MAX_TITLE, type TaskRow } from "./rows.js";
import { rollUpFrom } from "./roll-up.js";
import { insertShares, unitChainColumns } from "./shares.js";
import { lockTree } from "./tree.js";
import { taskAudit } from "./views.js";

const { tasks, assignments, agencies, units } = schema;

/** Every agency of `role` in the units of `level` directly under the delegating agency's unit. */
export interface FanOut {
  role: string;
  level: Exclude<AdminLevel, "central">;
}

export interface DelegateAssignmentOptions {
  /** The share (assignment) handed down. */
  id: number;
  targets: number[] | FanOut;
  /** Default: the task's. */
  title?: string;
  text?: string;
  /** Default: the task's deadline; null: none. */
  deadline?: TaskDeadline | null;
}

export interface DelegateResult {
  created: TaskItem[];
  /** Target agencies that already had a live sub-task of this share: not delegated twice. */
  skipped: number[];
}

export async function delegateAssignment(ctx: TaskContext, options: DelegateAssignmentOptions): Promise<DelegateResult> {
  requireRole(ctx.actor, "assignment.delegate");
  const title = checkText(options.title, "title", MAX_TITLE);
  const text = checkText(options.text, "text", MAX_TEXT);
  const deadline = options.deadline !== undefined ? checkDeadline(options.deadline) : undefined;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const share = await shareWithin(tx, ctx, options.id);
    await lockTree(tx, share.taskId);
    const task = await loadTask(tx, share.taskId);
    if (task.confirmedAt === null || task.status === "cancelled" || share.status === "cancelled") throw invalidInput("id", "Chỉ giao tiếp được phần việc của nhiệm vụ đã xác nhận và chưa hủy.", "Only a live share of a confirmed task can be delegated.");
    const from = await agencyChain(tx, share.agencyId);
    const targets = await targetAgencies(tx, share.agencyId, from, options.targets);
    const held = await delegatedTo(tx, share.id);
    const fresh = targets.filter((id) => !held.has(id));
    const subtasks = await insertSubtasks(tx, ctx, task, share, from, fresh, { title, text, deadline, now });
    await rollUpFrom(tx, task.id);
    for (const t of subtasks) await recordAudit(tx, ctx.actor, { action: "task.delegate", objectType: "task", objectId: t.id, after: { ...taskAudit(t), lead: [t.leadAgencyId] } });
    if (subtasks.length) await recordAudit(tx, ctx.actor, { action: "assignment.delegate", objectType: "assignment", objectId: share.id, after: { subtasks: subtasks.map((t) => t.id), agencies: fresh, skipped: targets.filter((id) => held.has(id)) } });
    return { created: await presentItems(tx, subtasks, now), skipped: targets.filter((id) => held.has(id)) };
  });
}

type ShareRow = typeof assignments.$inferSelect;

async function shareWithin(tx: Db, ctx: TaskContext, id: number): Promise<ShareRow> {
  const [share] = await tx.select().from(assignments).where(and(eq(assignments.id, id), assignmentWithin(ctx.actor.scope)));
  if (!share) throw shareNotFound(id);
  return share;
}

/** The target agencies, each within the delegating agency's unit subtree and not the agency itself. */
async function targetAgencies(tx: Db, self: number, from: UnitChain & { unitId: number | null; level: string }, targets: DelegateAssignmentOptions["targets"]): Promise<number[]> {
  const ids = Array.isArray(targets) ? [...new Set(targets)] : await fanOut(tx, from, targets);
  if (ids.length === 0) throw invalidInput("targets", "Chưa có cơ quan nào để giao tiếp.", "No agency to delegate to.");
  if (ids.includes(self)) throw invalidInput("targets", "Không thể tự giao cho chính cơ quan mình.", "An agency cannot delegate to itself.");
  const rows = await tx.execute<{ id: number; province_id: number | null; district_id: number | null; commune_id: number | null }>(sql`
    select a.id, ${unitChainColumns("u", "p")}
    from ${agencies} a left join ${units} u on u.id = a.unit_id left join ${units} p on p.id = u.parent_id
    where a.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  const outside = ids.filter((id) => {
    const r = rows.rows.find((x) => Number(x.id) === id);
    return !r || !below(from, { provinceId: r.province_id, districtId: r.district_id, communeId: r.commune_id });
  });
  if (outside.length) throw invalidInput("targets", `Cơ quan ${outside.join(", ")} không thuộc đơn vị cấp dưới của cơ quan giao.`, `Agency ${outside.join(", ")} is not under the delegating agency's unit.`);
  return ids;
}

/** Whether a chain lies in the subtree of the delegating agency's unit (a central agency's: anywhere). */
function below(from: UnitChain & { level: string }, chain: UnitChain): boolean {
  if (from.level === "central") return true;
  if (from.level === "province") return chain.provinceId !== null && Number(chain.provinceId) === from.provinceId;
  if (from.level === "district") return chain.districtId !== null && Number(chain.districtId) === from.districtId;
  return chain.communeId !== null && Number(chain.communeId) === from.communeId;
}

async function fanOut(tx: Db, from: { unitId: number | null }, spec: FanOut): Promise<number[]> {
  if (from.unitId === null) throw invalidInput("targets", "Cơ quan trung ương giao tiếp theo danh sách cơ quan cụ thể, không theo cấp.", "A central agency delegates to listed agencies, not by level.");
  if (typeof spec.role !== "string" || !["province", "district", "commune"].includes(spec.level)) throw invalidInput("targets", "Cách giao theo cấp cần vai trò (role) và cấp (level: district hoặc commune).", "A fan-out needs a role and a level (district or commune).");
  const rows = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .innerJoin(units, eq(units.id, agencies.unitId))
    .where(and(eq(units.parentId, from.unitId), eq(units.level, spec.level), eq(agencies.roleKey, spec.role), isNull(agencies.retiredAt)))
    .orderBy(units.code);
  if (rows.length === 0) throw invalidInput("targets", `Không có cơ quan "${spec.role}" nào ở cấp ${spec.level} trực thuộc đơn vị của cơ quan giao.`, `No "${spec.role}" agency at ${spec.level} level directly under the delegating agency's unit.`);
  return rows.map((r) => r.id);
}

/** Agencies leading a live sub-task of the share already. */
async function delegatedTo(tx: Db, shareId: number): Promise<Set<number>> {
  const rows = await tx
    .select({ agencyId: assignments.agencyId })
    .from(tasks)
    .innerJoin(assignments, and(eq(assignments.taskId, tasks.id), eq(assignments.role, "lead")))
    .where(and(eq(tasks.parentAssignmentId, shareId), ne(tasks.status, "cancelled")));
  return new Set(rows.map((r) => r.agencyId));
}

interface SubtaskInput {
  title: string | undefined;
  text: string | undefined;
  deadline: TaskDeadline | undefined;
  now: Date;
}

async function insertSubtasks(tx: Db, ctx: TaskContext, task: TaskRow, share: ShareRow, from: UnitChain & { unitId: number | null }, targets: readonly number[], input: SubtaskInput): Promise<(TaskRow & { leadAgencyId: number })[]> {
  if (targets.length === 0) return [];
  const [delegator] = await tx.select({ name: agencies.fullName }).from(agencies).where(eq(agencies.id, share.agencyId));
  const deadline = input.deadline ?? task.deadline;
  const dueAt = input.deadline ? dueOf(input.deadline, input.now) : share.dueAt;
  const values = targets.map(() => ({
    documentId: task.documentId,
    ref: task.ref,
    title: input.title ?? task.title,
    text: input.text ?? task.text,
    status: "open" as const,
    deadline,
    deadlineText: input.deadline ? null : task.deadlineText,
    dueAt,
    // Results go back to the agency that handed the work down.
    reportTo: delegator?.name ?? null,
    unitId: from.unitId,
    provinceId: from.provinceId,
    districtId: from.districtId,
    communeId: from.communeId,
    parentId: task.id,
    parentAssignmentId: share.id,
    createdBy: ctx.actor.userId,
    confirmedBy: ctx.actor.userId,
    confirmedAt: input.now,
  }));
  const rows = await tx.insert(tasks).values(values).returning();
  await insertShares(tx, rows.map((r, i) => ({ taskId: r.id, agencyId: targets[i]!, role: "lead" as const, status: "open" as const, dueAt })));
  return rows.map((r, i) => ({ ...r, leadAgencyId: targets[i]! }));
}

