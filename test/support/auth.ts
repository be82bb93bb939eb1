/**
 * Signing in for API tests: real accounts and real tokens (no bypass), made through the same
 * services the CLI uses.
 */
import type { FastifyInstance, InjectOptions } from "fastify";
import type { AccountRole } from "@chidao/core";
import type { Db } from "@chidao/db";
import { actorOf, createToken, createUser, ensureFirstAdmin, findUserByName } from "@chidao/work";

export const ADMIN_PASSWORD = "test-admin-password";

/** A token of the first administrator (created if there is none yet). */
export async function adminToken(db: Db): Promise<string> {
  await ensureFirstAdmin(db, ADMIN_PASSWORD);
  const admin = (await findUserByName(db, "admin"))!;
  return (await createToken({ db, actor: await actorOf(db, admin) }, admin.id, "test")).token;
}

/** An account placed in a unit or an agency, and a token of it. */
export async function accountToken(db: Db, account: { username: string; role: AccountRole; unitId?: number | null; agencyId?: number | null; password?: string }): Promise<string> {
  await ensureFirstAdmin(db, ADMIN_PASSWORD);
  const admin = await actorOf(db, (await findUserByName(db, "admin"))!);
  const user = await createUser({ db, actor: admin }, account);
  return (await createToken({ db, actor: admin }, user.id, "test")).token;
}

/** app.inject with `Authorization: Bearer token`. */
export function injector(app: FastifyInstance, token: string): (options: InjectOptions) => ReturnType<FastifyInstance["inject"]> {
  return (options) => app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` } });
}
