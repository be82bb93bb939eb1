/**
 * @module accounts/sessions
 * Signing in with a password opens a session: a random cookie token (stored as its hash) with a
 * CSRF token the browser sends back on every unsafe request. Sessions slide: each use within the
 * last half of their life extends them.
 */
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { ChidaoError, type Actor } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { ACCOUNT_SCOPE_UNIT } from "../access/scope.js";
import { actorFrom, actorOf } from "./actor-of.js";
import { verifyPassword, hashPassword } from "./password.js";
import { newSecret, secretHash } from "./secrets.js";
import { findUserByName, type UserRow } from "./users.js";

const { sessions, users } = schema;

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

/** A hash to verify against when the username is unknown, so both answers take as long. */
let decoy: Promise<string> | null = null;

export async function signIn(db: Db, username: string, password: string, now = new Date()): Promise<OpenedSession> {
  const user = await findUserByName(db, username);
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await (decoy ??= hashPassword("not a password of anyone"))).then(() => false);
  if (!user || !ok || user.disabledAt) throw new ChidaoError({ code: "UNAUTHENTICATED", vi: "Sai tên đăng nhập hoặc mật khẩu.", en: "Wrong username or password." });
  return openSession(db, user, now);
}

async function openSession(db: Db, user: UserRow, now: Date): Promise<OpenedSession> {
  const token = newSecret("s_");
  const csrfToken = newSecret("c_");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const actor = await actorOf(db, user);
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({ id: secretHash(token), userId: user.id, csrfToken, expiresAt, createdAt: now, lastSeenAt: now });
    await recordAudit(tx, actor, { action: "user.sign-in", objectType: "user", objectId: user.id });
  });
  return { token, csrfToken, expiresAt, actor };
}

/** The actor of a live session, with its CSRF token; null when unknown, expired or disabled. */
export async function sessionActor(db: Db, token: string, now = new Date()): Promise<{ actor: Actor; csrfToken: string; expiresAt: Date } | null> {
  const [row] = await sessionLookup(db).execute({ id: secretHash(token), now });
  if (!row || row.user.disabledAt) return null;
  let expiresAt = row.session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return { actor: actorFrom(row.user, row.scopeUnit), csrfToken: row.session.csrfToken, expiresAt };
}

/** The session, its account and the account's scope unit: asked on every request, so prepared once per database. */
function sessionLookup(db: Db): ReturnType<typeof prepareLookup> {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  return lookup;
}

function prepareLookup(db: Db) {
  return db
    .select({ session: sessions, user: users, scopeUnit: ACCOUNT_SCOPE_UNIT })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .prepare("chidao_session_actor");
}

const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

export async function signOut(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, secretHash(token)));
}

/** Sessions of one account, ended (after a password change or when disabled). */
export async function endSessionsOf(db: Db, userId: number): Promise<void> {
  await db.execute(sql`delete from ${sessions} where user_id = ${userId}`);
}
