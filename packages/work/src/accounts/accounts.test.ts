import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { isChidaoError, SYSTEM_ACTOR, type Actor } from "@chidao/core";
import { schema, type Database } from "@chidao/db";
import { importHierarchy } from "@chidao/registry";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorOf } from "./actor-of.js";
import { ensureFirstAdmin } from "./first-admin.js";
import { hashPassword, verifyPassword } from "./password.js";
import { sessionActor, signIn, signOut } from "./sessions.js";
import { createToken, revokeToken, tokenActor } from "./tokens.js";
import { createUser, findUserByName, listUsers, updateUser } from "./users.js";

const { units, agencies, auditLog } = schema;
const SUBSET = unitsSubset(["56", "62"]);

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isChidaoError(e)) return e.code;
    throw e;
  }
  return "none";
}

describe("passwords", () => {
  it("verify only the password they were made from, salted", async () => {
    const a = await hashPassword("mật khẩu rất dài");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("mật khẩu rất dài", a)).toBe(true);
    expect(await verifyPassword("mật khẩu rất dà", a)).toBe(false);
    expect(await hashPassword("mật khẩu rất dài")).not.toBe(a);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

for (const backend of testBackends()) {
  describe(`accounts on ${backend.name}`, () => {
    let database: Database;
    let khanhHoa: number;
    let konTum: number;
    let soYTeKhanhHoa: number;
    let admin: Actor;

    beforeAll(async () => {
      database = await backend.open();
      await importHierarchy(database.db, SUBSET);
      const province = async (code: string) => (await database.db.select({ id: units.id }).from(units).where(and(eq(units.code, code), eq(units.level, "province"), eq(units.list, "2021-11-01"))))[0]!.id;
      khanhHoa = await province("56");
      konTum = await province("62");
      soYTeKhanhHoa = (await database.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.unitId, khanhHoa), eq(agencies.roleKey, "so-y-te"))))[0]!.id;
      const first = await ensureFirstAdmin(database.db, "first-admin-password");
      expect(first).toEqual({ username: "admin", password: "first-admin-password" });
      admin = await actorOf(database.db, (await findUserByName(database.db, "admin"))!);
    });
    afterAll(() => database?.close());

    it("creates the first administrator once", async () => {
      expect(await ensureFirstAdmin(database.db)).toBeNull();
      expect(admin.role).toBe("admin");
      expect(admin.scope.unitId).toBeNull();
    });

    it("signs in with a password into a session that carries the account's scope", async () => {
      const ctx = { db: database.db, actor: admin };
      await createUser(ctx, { username: "syt.khanhhoa", password: "syt-khanh-hoa-2021", role: "agency_member", agencyId: soYTeKhanhHoa, displayName: "Sở Y tế Khánh Hòa" });
      const session = await signIn(database.db, "SYT.KhanhHoa", "syt-khanh-hoa-2021");
      expect(session.actor.scope).toMatchObject({ agencyId: soYTeKhanhHoa, provinceId: khanhHoa, level: "province" });
      const found = await sessionActor(database.db, session.token);
      expect(found?.actor.name).toBe("syt.khanhhoa");
      expect(found?.csrfToken).toBe(session.csrfToken);
      await signOut(database.db, session.token);
      expect(await sessionActor(database.db, session.token)).toBeNull();
    });

    it("refuses a wrong password and an unknown account with the same error", async () => {
      expect(await errorOf(signIn(database.db, "syt.khanhhoa", "wrong-password-1"))).toBe("UNAUTHENTICATED");
      expect(await errorOf(signIn(database.db, "nobody", "wrong-password-1"))).toBe("UNAUTHENTICATED");
    });

    it("expires sessions", async () => {
      const session = await signIn(database.db, "admin", "first-admin-password");
      expect(await sessionActor(database.db, session.token, new Date(Date.now() + 13 * 3600_000))).toBeNull();
    });

    it("makes tokens that stand for the account until revoked", async () => {
      const user = (await findUserByName(database.db, "syt.khanhhoa"))!;
      const { token, info } = await createToken({ db: database.db, actor: admin }, user.id, "cli");
      expect(token).toMatch(/^chd_[\w-]{43}$/);
      expect((await tokenActor(database.db, token))?.scope.agencyId).toBe(soYTeKhanhHoa);
      await revokeToken({ db: database.db, actor: admin }, info.id);
      expect(await tokenActor(database.db, token)).toBeNull();
      expect(await tokenActor(database.db, "chd_made-up")).toBeNull();
    });

    it("keeps a province administrator inside its province", async () => {
      const ctx = { db: database.db, actor: admin };
      await createUser(ctx, { username: "admin.khanhhoa", password: "admin-khanh-hoa-1", role: "admin", unitId: khanhHoa });
      const provincial = await actorOf(database.db, (await findUserByName(database.db, "admin.khanhhoa"))!);
      const pctx = { db: database.db, actor: provincial };
      expect(await errorOf(createUser(pctx, { username: "office.kontum", role: "office", unitId: konTum }))).toBe("FORBIDDEN");
      await createUser(pctx, { username: "office.khanhhoa", role: "office", unitId: khanhHoa });
      const seen = (await listUsers(pctx)).map((u) => u.username);
      expect(seen).toContain("office.khanhhoa");
      expect(seen).toContain("syt.khanhhoa");
      expect(seen).not.toContain("admin");
    });

    it("refuses accounts management to other roles", async () => {
      const office = await actorOf(database.db, (await findUserByName(database.db, "office.khanhhoa"))!);
      expect(await errorOf(createUser({ db: database.db, actor: office }, { username: "x.y", role: "viewer" }))).toBe("FORBIDDEN");
    });

    it("answers a stale edit with CONFLICT and audits the winner", async () => {
      const ctx = { db: database.db, actor: admin };
      const user = (await findUserByName(database.db, "office.khanhhoa"))!;
      const results = await Promise.allSettled([updateUser(ctx, user.id, { displayName: "Văn phòng A" }, user.version), updateUser(ctx, user.id, { displayName: "Văn phòng B" }, user.version)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(isChidaoError(failed.reason) && failed.reason.code).toBe("CONFLICT");
      const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.objectType, "user"), eq(auditLog.objectId, String(user.id))));
      expect(audits.map((a) => a.action)).toEqual(["user.create", "user.update"]);
      expect(JSON.stringify(audits)).not.toMatch(/scrypt/);
    });

    it("ends sessions of a disabled account", async () => {
      const ctx = { db: database.db, actor: admin };
      const session = await signIn(database.db, "syt.khanhhoa", "syt-khanh-hoa-2021");
      const user = (await findUserByName(database.db, "syt.khanhhoa"))!;
      await updateUser(ctx, user.id, { disabled: true }, user.version);
      expect(await sessionActor(database.db, session.token)).toBeNull();
      expect(await errorOf(signIn(database.db, "syt.khanhhoa", "syt-khanh-hoa-2021"))).toBe("UNAUTHENTICATED");
    });

    it("keeps the audit log append-only", async () => {
      const refusal = async (p: Promise<unknown>) => p.then(() => "accepted", (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
      expect(await refusal(database.db.execute(sql`update audit_log set action = 'x'`))).toMatch(/append-only/);
      expect(await refusal(database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
      expect(SYSTEM_ACTOR.userId).toBeNull();
    });
  });
}
