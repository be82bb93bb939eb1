/**
 * @module accounts/users
 * Accounts: created, changed and disabled by an administrator within the administrator's own
 * jurisdiction; every change audited; edits carry the version they were made on.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { ChidaoError, requireRole, scopeUnit, type AccountRole, type Actor } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { agencyChain, unitWithin } from "../access/scope.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password.js";

const { users, units, agencies } = schema;

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  unit: { id: number; name: string } | null;
  agency: { id: number; name: string } | null;
  locale: "vi" | "en";
  disabled: boolean;
  version: number;
}

export interface AccountInput {
  username: string;
  displayName?: string;
  password?: string | null;
  role: AccountRole;
  unitId?: number | null;
  agencyId?: number | null;
  locale?: "vi" | "en";
}

export interface Ctx {
  db: Db;
  actor: Actor;
}

export type UserRow = typeof users.$inferSelect;

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export async function createUser(ctx: Ctx, input: AccountInput): Promise<Account> {
  requireRole(ctx.actor, "account.manage");
  const username = checkUsername(input.username);
  const where = await placeWithin(ctx, input.unitId ?? null, input.agencyId ?? null, input.role);
  const passwordHash = input.password ? await hashPassword(checkPassword(input.password)) : null;
  return ctx.db.transaction(async (tx) => {
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken.length > 0) throw invalid("username", `Tên đăng nhập "${username}" đã có.`, `Username "${username}" is taken.`);
    const [row] = await tx.insert(users).values({ username, displayName: input.displayName?.trim() || username, passwordHash, role: input.role, unitId: where.unitId, agencyId: where.agencyId, locale: input.locale ?? "vi" }).returning();
    await recordAudit(tx, ctx.actor, { action: "user.create", objectType: "user", objectId: row!.id, after: auditView(row!) });
    return presentUser(tx, row!);
  });
}

export interface AccountPatch {
  displayName?: string;
  password?: string;
  role?: AccountRole;
  unitId?: number | null;
  agencyId?: number | null;
  locale?: "vi" | "en";
  disabled?: boolean;
}

export async function updateUser(ctx: Ctx, id: number, patch: AccountPatch, expectedVersion: number): Promise<Account> {
  const self = ctx.actor.userId === id;
  const onlyOwnSettings = self && Object.keys(patch).every((k) => k === "displayName" || k === "password" || k === "locale");
  if (!onlyOwnSettings) requireRole(ctx.actor, "account.manage");
  const before = await getUserRow(ctx, id);
  const role = patch.role ?? before.role;
  const place = "unitId" in patch || "agencyId" in patch || patch.role ? await placeWithin(ctx, patch.unitId !== undefined ? patch.unitId : before.unitId, patch.agencyId !== undefined ? patch.agencyId : before.agencyId, role) : { unitId: before.unitId, agencyId: before.agencyId };
  const passwordHash = patch.password ? await hashPassword(checkPassword(patch.password)) : before.passwordHash;
  return ctx.db.transaction(async (tx) => {
    const values = {
      displayName: patch.displayName?.trim() || before.displayName,
      passwordHash,
      role,
      unitId: place.unitId,
      agencyId: place.agencyId,
      locale: patch.locale ?? before.locale,
      disabledAt: patch.disabled === undefined ? before.disabledAt : patch.disabled ? (before.disabledAt ?? new Date()) : null,
      updatedAt: new Date(),
      version: sql`${users.version} + 1`,
    };
    const [row] = await tx.update(users).set(values).where(and(eq(users.id, id), eq(users.version, expectedVersion))).returning();
    if (!row) throw stale("user", id, expectedVersion);
    if (patch.password || patch.disabled) await tx.execute(sql`delete from sessions where user_id = ${id}`);
    await recordAudit(tx, ctx.actor, { action: patch.disabled ? "user.disable" : "user.update", objectType: "user", objectId: id, before: auditView(before), after: auditView(row) });
    return presentUser(tx, row);
  });
}

export async function listUsers(ctx: Ctx): Promise<Account[]> {
  requireRole(ctx.actor, "account.manage");
  const rows = await ctx.db.select().from(users).orderBy(asc(users.username));
  const visible: UserRow[] = [];
  for (const row of rows) if (await withinActor(ctx, row.unitId, row.agencyId)) visible.push(row);
  return Promise.all(visible.map((r) => presentUser(ctx.db, r)));
}

export async function getUser(ctx: Ctx, id: number): Promise<Account> {
  if (ctx.actor.userId !== id) requireRole(ctx.actor, "account.manage");
  return presentUser(ctx.db, await getUserRow(ctx, id));
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row ?? null;
}

async function getUserRow(ctx: Ctx, id: number): Promise<UserRow> {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!row || (ctx.actor.userId !== id && !(await withinActor(ctx, row.unitId, row.agencyId)))) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có tài khoản ${id}.`, en: `No account ${id}.` });
  return row;
}

export async function presentUser(db: Db, row: UserRow): Promise<Account> {
  const [unit] = row.unitId ? await db.select({ id: units.id, name: units.fullName }).from(units).where(eq(units.id, row.unitId)) : [];
  const [agency] = row.agencyId ? await db.select({ id: agencies.id, name: agencies.fullName }).from(agencies).where(eq(agencies.id, row.agencyId)) : [];
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unit: unit ?? null, agency: agency ?? null, locale: row.locale, disabled: row.disabledAt !== null, version: row.version };
}

/** What the audit log keeps of an account: never the password hash. */
function auditView(row: UserRow): Record<string, unknown> {
  return { username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, agencyId: row.agencyId, locale: row.locale, disabled: row.disabledAt !== null, passwordSet: row.passwordHash !== null };
}

/** The account's place: an agency member needs an agency; the place must lie in the actor's jurisdiction. */
async function placeWithin(ctx: Ctx, unitId: number | null, agencyId: number | null, role: AccountRole): Promise<{ unitId: number | null; agencyId: number | null }> {
  if (role === "agency_member" && agencyId === null) throw invalid("agencyId", "Tài khoản của cơ quan phải gắn với một cơ quan.", "An agency member account needs an agency.");
  const unit = agencyId !== null ? (await agencyChain(ctx.db, agencyId)).unitId : unitId;
  if (!(await withinActor(ctx, unit, agencyId))) throw new ChidaoError({ code: "FORBIDDEN", vi: "Không thể tạo hoặc gán tài khoản ngoài phạm vi quản lý của mình.", en: "Accounts can only be placed within your own jurisdiction." });
  return { unitId: agencyId !== null ? unit : unitId, agencyId };
}

/** Whether a unit (or an agency) lies in the actor's jurisdiction. */
async function withinActor(ctx: Ctx, unitId: number | null, agencyId: number | null): Promise<boolean> {
  if (ctx.actor.scope.agencyId !== null) return agencyId === ctx.actor.scope.agencyId;
  const unit = agencyId !== null ? (await agencyChain(ctx.db, agencyId)).unitId : unitId;
  return unit === null ? scopeUnit(ctx.actor.scope) === null : unitWithin(ctx.db, ctx.actor.scope, unit);
}

function checkUsername(name: string): string {
  const username = name.trim().toLowerCase();
  if (!USERNAME.test(username)) throw invalid("username", "Tên đăng nhập gồm 2–63 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.", "A username is 2–63 characters: lower-case letters, digits, '.', '_' or '-'.");
  return username;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid("password", `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  return password;
}

export function invalid(path: string, vi: string, en: string): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi, en, details: { fields: [{ path, vi, en }] } });
}

export function stale(what: string, id: number | string, expected: number): ChidaoError {
  return new ChidaoError({ code: "CONFLICT", vi: `Bản ghi đã bị người khác sửa trước (${what} ${id}); hãy tải lại rồi sửa lại.`, en: `Someone else changed this ${what} (${id}) first; reload and edit again.`, details: { expectedVersion: expected } });
}
