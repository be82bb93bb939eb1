/**
 * @module access/policy
 * What each role may do, as a readable table. Jurisdiction (which objects) is checked where the
 * objects are read, against the actor's scope; this module answers only "may this role do this
 * kind of thing at all".
 */
import { ChidaoError } from "../errors.js";
import type { AccountRole, Actor } from "./actor.js";

export type Action =
  /** Read documents, tasks, reports, the directory within the jurisdiction. */
  | "read"
  /** Upload and reparse documents. */
  | "document.ingest"
  /** Settle agency mentions, edit the catalogue of agencies. */
  | "catalog.edit"
  /** Review proposed tasks (edit, split, merge, drop) and confirm them; create tasks by hand. */
  | "task.manage"
  /** Change a share's status and progress, file reports on it. */
  | "assignment.report"
  /** Create sub-tasks of a share for lower units. */
  | "assignment.delegate"
  /** Create, change and disable accounts. */
  | "account.manage";

const ALLOWED: Record<AccountRole, readonly Action[]> = {
  admin: ["read", "document.ingest", "catalog.edit", "task.manage", "assignment.report", "assignment.delegate", "account.manage"],
  office: ["read", "document.ingest", "catalog.edit", "task.manage", "assignment.report", "assignment.delegate"],
  agency_member: ["read", "assignment.report", "assignment.delegate"],
  operator: ["read", "assignment.report"],
  viewer: ["read"],
};

/** What a role may do, in the table's order (the web app shows its navigation by it). */
export function permissionsOf(role: AccountRole): readonly Action[] {
  return ALLOWED[role];
}

export function can(actor: Actor, action: Action): boolean {
  return ALLOWED[actor.role].includes(action);
}

export function requireRole(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(action);
}

export function forbidden(action: string): ChidaoError {
  return new ChidaoError({
    code: "FORBIDDEN",
    vi: `Tài khoản không có quyền thực hiện thao tác này (${action}).`,
    en: `This account may not do this (${action}).`,
    details: { action },
  });
}
