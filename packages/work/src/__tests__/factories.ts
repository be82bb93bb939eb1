/**
 * Test factories: rows inserted straight with drizzle, each making what it needs (a share its
 * task, a task its unit chain), so a test states only what it is about. They do not go through
 * the task services on purpose: reports and reminders are tested against plain rows.
 */
import { and, eq } from "drizzle-orm";
import type { AccountRole, Actor } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { agencyChain, scopeOf, unitChain } from "../access/scope.js";

const { units, agencies, tasks, assignments, documents, users } = schema;

export const LIST_2021 = "2021-11-01";

export type TaskRow = typeof tasks.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;

export async function unitByCode(db: Db, level: "province" | "district" | "commune", code: string, list = LIST_2021): Promise<number> {
  const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.code, code), eq(units.level, level), eq(units.list, list)));
  if (!unit) throw new Error(`no ${level} ${code} in list ${list}: was the hierarchy imported?`);
  return unit.id;
}

/** The first child unit of a unit, by code. */
export async function childUnit(db: Db, parentId: number): Promise<number> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.parentId, parentId)).orderBy(units.code).limit(1);
  if (!unit) throw new Error(`unit ${parentId} has no child`);
  return unit.id;
}

export async function agencyOf(db: Db, unitId: number | null, roleKey: string): Promise<number> {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(unitId === null ? undefined : eq(agencies.unitId, unitId), eq(agencies.roleKey, roleKey)));
  if (!agency) throw new Error(`no agency ${roleKey} in unit ${unitId}`);
  return agency.id;
}

let serial = 0;

export async function buildDocument(db: Db, overrides: Partial<typeof documents.$inferInsert> = {}): Promise<string> {
  serial += 1;
  const [row] = await db
    .insert(documents)
    .values({ status: "stored", issuer: "UBND tỉnh Khánh Hòa", code: `${serial}/CT-UBND`, subject: `Chỉ thị thử nghiệm ${serial}`, date: "2025-03-01", ...overrides })
    .returning({ id: documents.id });
  return row!.id;
}

export type TaskOverrides = Partial<Omit<typeof tasks.$inferInsert, "provinceId" | "districtId" | "communeId">>;

/** A confirmed task owned by `unitId` (null: a central one), its chain filled in from the hierarchy. */
export async function buildTask(db: Db, overrides: TaskOverrides & { unitId: number | null }): Promise<TaskRow> {
  serial += 1;
  const chain = await unitChain(db, overrides.unitId);
  const [row] = await db
    .insert(tasks)
    .values({ title: `Nhiệm vụ ${serial}`, text: `Nội dung nhiệm vụ ${serial}`, status: "open", provinceId: chain.provinceId, districtId: chain.districtId, communeId: chain.communeId, ...overrides })
    .returning();
  return row!;
}

export type AssignmentOverrides = Partial<Omit<typeof assignments.$inferInsert, "provinceId" | "districtId" | "communeId">> & {
  agencyId: number;
  /** When taskId is not given: the task to make (default owned by the agency's own unit). */
  task?: TaskOverrides & { unitId?: number | null };
};

/** A share of a task (made here unless taskId is given), the agency's chain filled in. */
export async function buildAssignment(db: Db, overrides: AssignmentOverrides): Promise<AssignmentRow> {
  const { task, ...values } = overrides;
  const chain = await agencyChain(db, values.agencyId);
  const taskId = values.taskId ?? (await buildTask(db, { ...task, unitId: task?.unitId !== undefined ? task.unitId : chain.unitId })).id;
  const [row] = await db
    .insert(assignments)
    .values({ role: "lead", status: "open", ...values, taskId, provinceId: chain.provinceId, districtId: chain.districtId, communeId: chain.communeId })
    .returning();
  return row!;
}

export interface ActorInput {
  role: AccountRole;
  unitId?: number | null;
  agencyId?: number | null;
  displayName?: string;
}

/** An account row (no password: it is never signed in) and the Actor a session of it would be. */
export async function buildUser(db: Db, input: ActorInput): Promise<Actor> {
  serial += 1;
  const account = { unitId: input.unitId ?? null, agencyId: input.agencyId ?? null };
  const username = `user${serial}`;
  const [row] = await db
    .insert(users)
    .values({ username, displayName: input.displayName ?? username, role: input.role, ...account })
    .returning({ id: users.id });
  return { userId: row!.id, name: username, role: input.role, scope: await scopeOf(db, account) };
}

/** An Actor without an account row: enough for checks that never name the author. */
export async function actorIn(db: Db, input: ActorInput): Promise<Actor> {
  const account = { unitId: input.unitId ?? null, agencyId: input.agencyId ?? null };
  return { userId: null, name: input.displayName ?? `${input.role} test`, role: input.role, scope: await scopeOf(db, account) };
}
