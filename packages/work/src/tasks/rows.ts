/**
 * @module tasks/rows
 * Reading a task for an edit and writing the edit: the jurisdiction check (an office manages the
 * tasks its subtree owns) and optimistic concurrency (`update … where id = ? and version = ?`,
 * no row: CONFLICT). Shared by the review use cases.
 */
import { and, eq, sql } from "drizzle-orm";
import type { ActorScope, TaskStatus } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { taskOwnedWithin } from "../access/scope.js";
import { invalidInput, staleVersion, taskNotFound, wrongStatus } from "./errors.js";

const { tasks } = schema;

export type TaskRow = typeof tasks.$inferSelect;
export type TaskValues = Partial<typeof tasks.$inferInsert>;

/** The task if the scope owns it; NOT_FOUND otherwise (another unit's task is not confirmed to exist). */
export async function ownedTask(tx: Db, scope: ActorScope, id: number): Promise<TaskRow> {
  const [row] = await tx.select().from(tasks).where(and(eq(tasks.id, id), taskOwnedWithin(scope)));
  if (!row) throw taskNotFound(id);
  return row;
}

/** Writes an edit made on `expectedVersion` and bumps the version; CONFLICT when the row moved on. */
export async function reviseTask(tx: Db, id: number, expectedVersion: number, values: TaskValues): Promise<TaskRow> {
  const [row] = await tx
    .update(tasks)
    .set({ ...values, updatedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.version, expectedVersion)))
    .returning();
  if (!row) throw staleVersion("task", id, expectedVersion);
  return row;
}

/** Fails early, before any work, when the caller's version is already stale (the update re-checks it). */
export function requireVersion(row: TaskRow, expectedVersion: number): void {
  if (!Number.isInteger(expectedVersion)) throw invalidInput("expectedVersion", "Thiếu phiên bản của bản ghi đã đọc (expectedVersion).", "The version the edit was made on (expectedVersion) is required.");
  if (row.version !== expectedVersion) throw staleVersion("task", row.id, expectedVersion);
}

export function requireStatus(row: TaskRow, allowed: readonly TaskStatus[]): void {
  if (!allowed.includes(row.status)) throw wrongStatus(row.id, row.status, allowed);
}

/** A title or text a person typed: trimmed, not empty, within a length. */
export function checkText(value: string | undefined, path: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = typeof value === "string" ? value.trim() : "";
  if (!trimmed || trimmed.length > max) throw invalidInput(path, `"${path}" không được để trống và dài tối đa ${max} ký tự.`, `"${path}" must be non-empty and at most ${max} characters.`);
  return trimmed;
}

export const MAX_TITLE = 500;
export const MAX_TEXT = 100_000;

/** The task as stored now (after a roll-up changed it), for the audit log. */
export async function loadTask(tx: Db, id: number): Promise<TaskRow> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw taskNotFound(id);
  return row;
}
