/**
 * A database for the task tests: Khánh Hòa and Kon Tum (2021 and 2025 lists), the five sample
 * directives ingested through the Registry with the proposal hook, and helpers to name units,
 * agencies and actors. Actors are built from scopes directly (no accounts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { isChidaoError, type AccountRole, type Actor } from "@chidao/core";
import { schema, type Database, type Db } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import type { Backend } from "../../../../../test/support/databases.js";
import { unitsSubset } from "../../../../../test/support/units-subset.js";
import { scopeOf } from "../../access/scope.js";
import { proposeTasksAfterIngest } from "../propose-tasks.js";

const { units, agencies, documents, tasks } = schema;

const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
export const SAMPLES = readdirSync(join(ROOT, "samples"))
  .sort()
  .map((f) => ({ fileName: f, bytes: readFileSync(join(ROOT, "samples", f)) }));
const SUBSET = unitsSubset(["56", "62"]);

export interface World {
  database: Database;
  db: Db;
  registry: Registry;
  /** A document's id by its number/symbol ("122-TB/TU"). */
  doc(code: string): Promise<string>;
  /** A 2021-list unit by its GSO code ("56", "568"). */
  unit(code: string): Promise<number>;
  agency(unitId: number | null, roleKey: string): Promise<number>;
  actor(role: AccountRole, where: { unitId?: number | null; agencyId?: number | null }, name?: string): Promise<Actor>;
  /** The proposed task of a document at "tasks[i]". */
  taskAt(documentId: string, sourcePath: string): Promise<typeof tasks.$inferSelect>;
  close(): Promise<void>;
}

export async function openWorld(backend: Backend): Promise<World> {
  const database = await backend.open();
  const db = database.db;
  await importHierarchy(db, SUBSET);
  const registry = new Registry(database, { afterIngest: proposeTasksAfterIngest });
  for (const s of SAMPLES) await registry.ingest(s);
  return {
    database,
    db,
    registry,
    doc: async (code) => (await db.select({ id: documents.id }).from(documents).where(and(eq(documents.code, code), eq(documents.status, "stored"))))[0]!.id,
    unit: async (code) => (await db.select({ id: units.id }).from(units).where(and(eq(units.code, code), eq(units.list, "2021-11-01"))))[0]!.id,
    agency: async (unitId, roleKey) => (await db.select({ id: agencies.id }).from(agencies).where(and(unitId === null ? sql`${agencies.unitId} is null` : eq(agencies.unitId, unitId), eq(agencies.roleKey, roleKey))))[0]!.id,
    actor: async (role, where, name) => ({ userId: null, name: name ?? `${role}@test`, role, scope: await scopeOf(db, { unitId: where.unitId ?? null, agencyId: where.agencyId ?? null }) }),
    taskAt: async (documentId, sourcePath) => (await db.select().from(tasks).where(and(eq(tasks.documentId, documentId), eq(tasks.sourcePath, sourcePath))))[0]!,
    close: () => database.close(),
  };
}

/** The code of the ChidaoError a promise rejects with ("none" when it resolves). */
export async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isChidaoError(e)) return e.code;
    throw e;
  }
  return "none";
}

/** The audit actions recorded for an object, oldest first. */
export async function auditActions(db: Db, objectType: "task" | "assignment", objectId: number): Promise<string[]> {
  const { rows } = await db.execute<{ action: string }>(sql`select action from audit_log where object_type = ${objectType} and object_id = ${String(objectId)} order by id`);
  return rows.map((r) => r.action);
}
