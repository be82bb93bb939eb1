/**
 * @module accounts/first-admin
 * The first start of an empty database creates an administrator with a generated password,
 * which the caller prints once (how to sign in). CHIDAO_ADMIN_PASSWORD sets it instead.
 */
import { sql } from "drizzle-orm";
import { recordAudit, schema, type Db } from "@chidao/db";
import { SYSTEM_ACTOR } from "@chidao/core";
import { generatePassword, hashPassword } from "./password.js";

export const FIRST_ADMIN = "admin";

/** Creates the administrator when there is no account yet; returns its credentials, or null. */
export async function ensureFirstAdmin(db: Db, password: string = generatePassword()): Promise<{ username: string; password: string } | null> {
  if (await hasAccounts(db)) return null;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Two processes starting at once: the lock makes one of them see the other's account.
    await tx.execute(sql`lock table ${schema.users} in share row exclusive mode`);
    if (await hasAccounts(tx)) return null;
    const [row] = await tx.insert(schema.users).values({ username: FIRST_ADMIN, displayName: "Quản trị hệ thống", passwordHash, role: "admin" }).returning();
    await recordAudit(tx, SYSTEM_ACTOR, { action: "user.create", objectType: "user", objectId: row!.id, after: { username: FIRST_ADMIN, role: "admin" } });
    return { username: FIRST_ADMIN, password };
  });
}

async function hasAccounts(db: Db): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(sql`select exists (select 1 from ${schema.users}) as found`);
  return rows[0]?.found === true;
}
