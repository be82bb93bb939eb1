/**
 * @module tasks/access
 * What an actor may read of the work: which tasks; which agency's list and which unit's overdue
 * counts (an agency account its own agency; a unit account the agencies and units of its
 * subtree; a national account all). Outside: NOT_FOUND for a task or an agency, FORBIDDEN for a
 * unit (units are public).
 */
import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import { can, ChidaoError, scopeUnit, type Actor } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { requireUnitWithin, taskVisible, unitChain, unitWithin } from "../access/scope.js";
import { invalidInput } from "./errors.js";

const { agencies, tasks } = schema;

/**
 * Tasks the actor may read: those of its jurisdiction (taskVisible), and of them, for anyone who
 * does not review tasks, only confirmed ones. A proposal is the office's draft until confirmed:
 * an agency does not see work the parser guessed for it.
 */
export function taskReadable(actor: Actor): SQL | undefined {
  return and(taskVisible(actor.scope), can(actor, "task.manage") ? undefined : isNotNull(tasks.confirmedAt));
}

export interface AgencyInScope {
  id: number;
  name: string;
  unitId: number | null;
}

/** The agency named (default: the actor's own), if the actor may read its work. */
export async function agencyWithin(db: Db, actor: Actor, agencyId: number | undefined): Promise<AgencyInScope> {
  const id = agencyId ?? actor.scope.agencyId;
  if (id === null || id === undefined) throw invalidInput("agencyId", "Cần chọn một cơ quan.", "An agency is required.");
  const [agency] = await db.select({ id: agencies.id, name: agencies.fullName, unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, id));
  const visible = agency && (actor.scope.agencyId !== null ? agency.id === actor.scope.agencyId : agency.unitId === null ? scopeUnit(actor.scope) === null : await unitWithin(db, actor.scope, agency.unitId));
  if (!agency || !visible) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có cơ quan ${id}.`, en: `No agency ${id}.`, details: { agencyId: id } });
  return agency;
}

export interface UnitInScope {
  id: number;
  level: "province" | "district" | "commune";
}

/** The unit named (default: the actor's scope unit; null: the whole country), if within the actor's scope. */
export async function unitWithinActor(db: Db, actor: Actor, unitId: number | undefined): Promise<UnitInScope | null> {
  if (unitId === undefined) return scopeUnit(actor.scope);
  // An agency's account asks within its agency's unit; what it then counts is its own shares only.
  await requireUnitWithin(db, { ...actor.scope, agencyId: null }, unitId);
  const chain = await unitChain(db, unitId);
  return { id: unitId, level: chain.level as UnitInScope["level"] };
}
