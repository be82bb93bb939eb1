/**
 * @module tasks/shares
 * Writing a task's shares (assignments): one agency each, lead (chủ trì) or support (phối hợp),
 * each carrying its agency's unit chain so that jurisdiction filters and overdue counts read one
 * indexed column. Rows are written in one statement whatever their number: a mention such as
 * "UBND các xã" fans out over hundreds of agencies.
 */
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { ChidaoError } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { invalidInput } from "./errors.js";

const { agencies, assignments, units } = schema;

export type ShareRole = "lead" | "support";
export type ShareStatus = (typeof assignments.$inferSelect)["status"];

export interface ShareDraft {
  agencyId: number;
  role: ShareRole;
  /** The mention the share was resolved from, for a share proposed from a document. */
  mentionId?: number | null;
}

export interface ShareInsert extends ShareDraft {
  taskId: number;
  status: ShareStatus;
  dueAt: Date | null;
}

/**
 * The select-list columns province_id, district_id, commune_id of unit `u` whose parent is `p`.
 * A 2025 commune hangs from its province directly, so a commune's grandparent may be missing.
 */
export function unitChainColumns(u: string, p: string): SQL {
  return sql.raw(`case ${u}.level when 'province' then ${u}.id when 'district' then ${u}.parent_id when 'commune' then coalesce(${p}.parent_id, ${u}.parent_id) end as province_id,
    case ${u}.level when 'district' then ${u}.id when 'commune' then case when ${p}.parent_id is null then null else ${u}.parent_id end end as district_id,
    case ${u}.level when 'commune' then ${u}.id end as commune_id`);
}

/** Inserts shares with their agencies' unit chains, in one statement. */
export async function insertShares(tx: Db, rows: readonly ShareInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ task_id: r.taskId, agency_id: r.agencyId, role: r.role, mention_id: r.mentionId ?? null, status: r.status, due_at: r.dueAt?.toISOString() ?? null })));
  await tx.execute(sql`
    insert into ${assignments} (task_id, agency_id, role, mention_id, status, due_at, province_id, district_id, commune_id)
    select r.task_id, r.agency_id, r.role, r.mention_id, r.status, r.due_at, ${unitChainColumns("u", "p")}
    from jsonb_to_recordset(${json}::jsonb) as r(task_id bigint, agency_id int, role text, mention_id bigint, status text, due_at timestamptz)
    join ${agencies} a on a.id = r.agency_id
    left join units u on u.id = a.unit_id
    left join units p on p.id = u.parent_id`);
}

/** One share per agency, leads first: an agency named as lead and as support leads; the first mention of it is kept. */
export function unitedShares(drafts: readonly ShareDraft[]): ShareDraft[] {
  const byAgency = new Map<number, ShareDraft>();
  for (const d of [...drafts.filter((s) => s.role === "lead"), ...drafts.filter((s) => s.role === "support")]) {
    if (!byAgency.has(d.agencyId)) byAgency.set(d.agencyId, { agencyId: d.agencyId, role: d.role, mentionId: d.mentionId ?? null });
  }
  return [...byAgency.values()];
}

/**
 * Agency lists a person gave: no agency twice, none both lead and support, every one known, and
 * every one inside the owning unit's subtree (a province assigns to its own departments,
 * districts and communes, not to another province's; only a national owner assigns anywhere).
 */
export async function checkAgencyLists(tx: Db, lead: readonly number[], support: readonly number[], ownerUnitId: number | null = null, alreadyAssigned: readonly number[] = []): Promise<ShareDraft[]> {
  const leads = [...new Set(lead)];
  const supports = [...new Set(support)];
  const all = [...leads, ...supports];
  if (all.some((id) => !Number.isInteger(id) || id <= 0)) throw invalidInput("lead", "Mã cơ quan phải là số nguyên dương.", "Agency ids are positive integers.");
  const both = leads.filter((id) => supports.includes(id));
  if (both.length) throw invalidInput("support", `Cơ quan ${both.join(", ")} vừa chủ trì vừa phối hợp.`, `Agency ${both.join(", ")} is both lead and support.`);
  const known = all.length ? new Set((await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, all))).map((a) => a.id)) : new Set<number>();
  const unknown = all.filter((id) => !known.has(id));
  if (unknown.length) throw invalidInput(leads.includes(unknown[0]!) ? "lead" : "support", `Không có cơ quan ${unknown.join(", ")}.`, `No agency ${unknown.join(", ")}.`);
  // Shares the task already has (resolved from its document) stay: only new agencies are checked.
  const outside = ownerUnitId === null ? [] : await agenciesOutside(tx, all.filter((id) => !alreadyAssigned.includes(id)), ownerUnitId);
  if (outside.length) {
    throw new ChidaoError({ code: "FORBIDDEN", vi: `Cơ quan ${outside.join(", ")} không thuộc phạm vi của đơn vị giao việc.`, en: `Agency ${outside.join(", ")} is outside the assigning unit's jurisdiction.`, details: { agencyIds: outside } });
  }
  return [...leads.map((agencyId) => ({ agencyId, role: "lead" as const })), ...supports.map((agencyId) => ({ agencyId, role: "support" as const }))];
}

/**
 * Makes a task's shares the wanted ones; true when anything changed. A proposed task's shares are
 * plain data: removed ones are deleted. A confirmed task's share may hold reports and sub-tasks,
 * so a removed one is cancelled (and revived if the agency is named again).
 */
export async function replaceShares(tx: Db, task: { id: number; confirmed: boolean; dueAt: Date | null }, wanted: readonly ShareDraft[]): Promise<boolean> {
  const current = await tx.select({ id: assignments.id, agencyId: assignments.agencyId, role: assignments.role, reportedStatus: assignments.reportedStatus }).from(assignments).where(eq(assignments.taskId, task.id));
  const want = new Map(wanted.map((w) => [w.agencyId, w]));
  const gone = current.filter((c) => !want.has(c.agencyId) && !(task.confirmed && c.reportedStatus === "cancelled"));
  let changed = gone.length > 0;
  if (gone.length && !task.confirmed) await tx.delete(assignments).where(inArray(assignments.id, gone.map((g) => g.id)));
  if (gone.length && task.confirmed) await tx.update(assignments).set({ reportedStatus: "cancelled", status: "cancelled", updatedAt: new Date(), version: sql`${assignments.version} + 1` }).where(inArray(assignments.id, gone.map((g) => g.id)));
  for (const c of current) {
    const w = want.get(c.agencyId);
    if (!w) continue;
    const revive = task.confirmed && c.reportedStatus === "cancelled";
    if (w.role === c.role && !revive) continue;
    changed = true;
    const values = revive ? { role: w.role, reportedStatus: "open" as const, status: "open" as const } : { role: w.role };
    await tx.update(assignments).set({ ...values, updatedAt: new Date(), version: sql`${assignments.version} + 1` }).where(eq(assignments.id, c.id));
  }
  const held = new Set(current.map((c) => c.agencyId));
  const fresh = wanted.filter((w) => !held.has(w.agencyId));
  await insertShares(tx, fresh.map((w) => ({ ...w, taskId: task.id, status: task.confirmed ? "open" : "proposed", dueAt: task.dueAt })));
  return changed || fresh.length > 0;
}

/** A task's shares as the audit log names them. */
export async function shareRefs(tx: Db, taskId: number): Promise<{ agencyId: number; role: ShareRole; status: ShareStatus; mentionId: number | null }[]> {
  return tx.select({ agencyId: assignments.agencyId, role: assignments.role, status: assignments.status, mentionId: assignments.mentionId }).from(assignments).where(eq(assignments.taskId, taskId)).orderBy(assignments.id);
}

/** Of these agencies, the ones not of the unit or a unit below it (central bodies included). */
async function agenciesOutside(tx: Db, ids: readonly number[], unitId: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.execute<{ id: number }>(sql`
    select a.id from ${agencies} a left join ${units} u on u.id = a.unit_id left join ${units} p on p.id = u.parent_id
    where a.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      and not coalesce(a.unit_id = ${unitId} or u.parent_id = ${unitId} or p.parent_id = ${unitId}, false)`);
  return rows.map((r) => Number(r.id));
}
