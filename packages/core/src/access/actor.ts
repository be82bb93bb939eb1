/**
 * @module access/actor
 * Who is acting: an account with its role and jurisdiction, or the system (the inbox watcher,
 * the reminder sweep). Use cases take an Actor, never a request, so HTTP, the CLI and jobs
 * are checked the same way.
 */
import type { AdminLevel } from "../document/record.js";

export const ACCOUNT_ROLES = ["admin", "office", "agency_member", "operator", "viewer"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * Where an actor's view of the hierarchy is rooted. A unit-scoped account sees the unit's
 * subtree; an agency-scoped account sees its agency's work; neither set: the whole country.
 * The unit chain is the scope unit's (or the agency's unit's) province, district and commune.
 */
export interface ActorScope {
  level: AdminLevel;
  unitId: number | null;
  provinceId: number | null;
  districtId: number | null;
  communeId: number | null;
  agencyId: number | null;
}

export interface Actor {
  /** Null for the system. */
  userId: number | null;
  name: string;
  role: AccountRole;
  scope: ActorScope;
}

export const NATIONAL_SCOPE: ActorScope = { level: "central", unitId: null, provinceId: null, districtId: null, communeId: null, agencyId: null };

/** The system acting on its own (ingest watcher, reminders): national, administrator rights. */
export const SYSTEM_ACTOR: Actor = { userId: null, name: "system", role: "admin", scope: NATIONAL_SCOPE };

/** The lowest unit an actor's scope names, with its level; null for a national scope. */
export function scopeUnit(scope: ActorScope): { level: "province" | "district" | "commune"; id: number } | null {
  if (scope.communeId !== null) return { level: "commune", id: scope.communeId };
  if (scope.districtId !== null) return { level: "district", id: scope.districtId };
  if (scope.provinceId !== null) return { level: "province", id: scope.provinceId };
  return null;
}
