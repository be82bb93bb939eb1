/**
 * @module accounts/actor-of
 * An account as the Actor use cases check: its role and its jurisdiction's unit chain.
 */
import type { Actor } from "@chidao/core";
import type { Db } from "@chidao/db";
import { scopeFrom, scopeOf, type ACCOUNT_SCOPE_UNIT } from "../access/scope.js";
import type { UserRow } from "./users.js";

export async function actorOf(db: Db, user: Pick<UserRow, "id" | "username" | "role" | "unitId" | "agencyId">): Promise<Actor> {
  return { userId: user.id, name: user.username, role: user.role, scope: await scopeOf(db, user) };
}

/** The Actor of an account read with its ACCOUNT_SCOPE_UNIT: no further query. */
export function actorFrom(user: Pick<UserRow, "id" | "username" | "role" | "unitId" | "agencyId">, scopeUnit: (typeof ACCOUNT_SCOPE_UNIT)["_"]["type"]): Actor {
  return { userId: user.id, name: user.username, role: user.role, scope: scopeFrom(user, scopeUnit) };
}
