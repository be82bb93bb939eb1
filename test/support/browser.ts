/**
 * End-to-end support: the real server (PGlite in memory, two provinces of the hierarchy, the
 * built web app) listening on a loopback port, accounts with passwords, and Debian's chromium
 * driven by playwright-core with the flags CI needs. Without chromium the e2e suites skip,
 * except where CHIDAO_REQUIRE_BROWSER=1 (CI) makes that a failure.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { and, eq } from "drizzle-orm";
import type { AccountRole } from "@chidao/core";
import { openDatabase, schema } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import { actorOf, createUser, ensureFirstAdmin, findUserByName, withWork } from "@chidao/work";
import { buildApp, webDist } from "@chidao/server";
import { unitsSubset } from "./units-subset.js";
import { ADMIN_PASSWORD } from "./auth.js";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? null;
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Whether e2e suites can run here; throws in CI when they cannot. */
export function browserAvailable(): boolean {
  const ready = CHROMIUM !== null && webDist() !== null;
  if (!ready && process.env.CHIDAO_REQUIRE_BROWSER === "1") throw new Error(`e2e: ${CHROMIUM ? "the web app is not built (npm run build)" : "chromium is not installed (apt-get install chromium)"}`);
  return ready;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_FLAGS, headless: true });
}

export interface RunningApp {
  url: string;
  registry: Registry;
  app: FastifyInstance;
  /** A unit id of the 2021 list by GSO code. */
  unit(code: string): Promise<number>;
  /** An agency of a unit by its role key (e.g. "so_y_te"). */
  agency(unitId: number, roleKey: string): Promise<number>;
  /** An account with a password, placed in a unit or an agency. */
  account(input: { username: string; role: AccountRole; unitId?: number | null; agencyId?: number | null }): Promise<{ username: string; password: string }>;
  close(): Promise<void>;
}

export const PASSWORD = "e2e-password-123";

/** The server with provinces `codes` (GSO codes, e.g. ["56", "62"]) and the web app. */
export async function startApp(codes: string[]): Promise<RunningApp> {
  const registry = new Registry(await openDatabase({ dataDir: "memory" }), withWork());
  await importHierarchy(registry.db, unitsSubset(codes));
  await ensureFirstAdmin(registry.db, ADMIN_PASSWORD);
  const app = await buildApp(registry, { webRoot: webDist() });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { units, agencies } = schema;
  const admin = await actorOf(registry.db, (await findUserByName(registry.db, "admin"))!);
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    registry,
    app,
    unit: async (code) => (await registry.db.select({ id: units.id }).from(units).where(and(eq(units.code, code), eq(units.list, "2021-11-01"))))[0]!.id,
    agency: async (unitId, roleKey) => (await registry.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.unitId, unitId), eq(agencies.roleKey, roleKey))))[0]!.id,
    account: async (input) => {
      await createUser({ db: registry.db, actor: admin }, { ...input, password: PASSWORD });
      return { username: input.username, password: PASSWORD };
    },
    close: async () => {
      await app.close();
      await registry.close();
    },
  };
}

/** Signs in through the login form and waits for the shell. */
export async function signIn(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(account.username);
  await page.getByLabel(/Mật khẩu|Password/).fill(account.password);
  await page.getByRole("button", { name: /Đăng nhập|Sign in/ }).click();
  await page.getByTestId("account").waitFor();
}

export const ADMIN = { username: "admin", password: ADMIN_PASSWORD };
