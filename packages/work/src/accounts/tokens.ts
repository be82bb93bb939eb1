/**
 * @module accounts/tokens
 * API tokens for scripts and the CLI: `Authorization: Bearer chd_…`. Shown once when created,
 * stored as a hash, revocable. An account makes its own tokens; an administrator may make one
 * for any account in its jurisdiction.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { ChidaoError, requireRole, type Actor } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { ACCOUNT_SCOPE_UNIT } from "../access/scope.js";
import { actorFrom } from "./actor-of.js";
import { newSecret, secretHash } from "./secrets.js";
import { getUser, type Ctx } from "./users.js";

const { apiTokens, users } = schema;

export interface TokenInfo {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revoked: boolean;
}

export async function createToken(ctx: Ctx, userId: number, name: string): Promise<{ token: string; info: TokenInfo }> {
  if (ctx.actor.userId !== userId) requireRole(ctx.actor, "account.manage");
  await getUser(ctx, userId);
  const token = newSecret("chd_");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId, name: name.trim() || "token", tokenHash: secretHash(token), prefix: token.slice(0, 10) }).returning();
    await recordAudit(tx, ctx.actor, { action: "token.create", objectType: "token", objectId: row!.id, after: { userId, name: row!.name, prefix: row!.prefix } });
    return { token, info: present(row!) };
  });
}

export async function listTokens(ctx: Ctx, userId: number): Promise<TokenInfo[]> {
  if (ctx.actor.userId !== userId) await getUser(ctx, userId);
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id));
  return rows.map(present);
}

export async function revokeToken(ctx: Ctx, tokenId: number): Promise<void> {
  const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
  if (!row) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có mã truy cập ${tokenId}.`, en: `No API token ${tokenId}.` });
  if (row.userId !== ctx.actor.userId) await getUser(ctx, row.userId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, ctx.actor, { action: "token.revoke", objectType: "token", objectId: tokenId });
  });
}

/** The actor a bearer token stands for; null when unknown, revoked, expired or its account disabled. */
export async function tokenActor(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const [row] = await tokenLookup(db).execute({ hash: secretHash(token) });
  if (!row || row.user.disabledAt || (row.token.expiresAt && row.token.expiresAt <= now)) return null;
  // Written at most once a minute per token: a busy script should not turn reads into writes.
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  return actorFrom(row.user, row.scopeUnit);
}

/**
 * The token's row, its account and the account's scope unit: asked on every API call, so built
 * once per database and prepared (a server parses and plans it once per connection).
 */
function tokenLookup(db: Db): ReturnType<typeof prepareLookup> {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  return lookup;
}

function prepareLookup(db: Db) {
  return db
    .select({ token: apiTokens, user: users, scopeUnit: ACCOUNT_SCOPE_UNIT })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt)))
    .prepare("chidao_token_actor");
}

const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

function present(row: typeof apiTokens.$inferSelect): TokenInfo {
  return { id: row.id, userId: row.userId, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revoked: row.revokedAt !== null };
}

