/**
 * What the reader waits for, measured in chromium on loopback: the first screen (sign-in form)
 * and the office's first page after signing in, each within 2 s; a task table of 10,000 tasks
 * stays virtualized (a bounded number of rows in the page) while it scrolls to the last one.
 * The figures are printed for the closing note and the README.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, signIn, startApp, type RunningApp } from "../support/browser.js";
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateTasks } from "../../bench/work-data.mjs";

describe.skipIf(!browserAvailable())("the web app's speed in chromium", () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    running = await startApp(["56"]);
    await (generateTasks as (db: unknown, n: number) => Promise<unknown>)(running.registry.db, 10_000);
    await running.registry.maintain();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it("shows the first screen, and the office's first page after signing in, within 2 s", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    let started = performance.now();
    await page.goto(running.url);
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();
    const firstScreen = performance.now() - started;
    const office = await running.account({ username: "vp.khanhhoa", role: "office", unitId: await running.unit("56") });
    await page.getByLabel("Tên đăng nhập").fill(office.username);
    await page.getByLabel("Mật khẩu").fill(office.password);
    started = performance.now();
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("dashboard-status").waitFor();
    const dashboard = performance.now() - started;
    console.log(`web: first screen ${firstScreen.toFixed(0)} ms; dashboard after sign-in ${dashboard.toFixed(0)} ms`);
    expect(firstScreen).toBeLessThan(2000);
    expect(dashboard).toBeLessThan(2000);
    await page.close();
  });

  it("scrolls a table of 10,000 tasks to the last one with a bounded number of rows in the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const office = { username: "vp.khanhhoa", password: "e2e-password-123" };
    await signIn(page, running.url, office);
    await page.goto(`${running.url}/tasks`);
    const table = page.getByTestId("task-table");
    await page.getByTestId("task-row").first().waitFor();
    expect(Number(await table.getAttribute("aria-rowcount"))).toBeGreaterThanOrEqual(10_000);
    const frames = await table.evaluate(async (element) => {
      const times: number[] = [];
      let last = performance.now();
      const steps = 60;
      for (let i = 1; i <= steps; i++) {
        element.scrollTop = (element.scrollHeight * i) / steps;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    await expect.poll(() => page.locator('[data-testid="task-row"][aria-rowindex="10001"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const rows = await page.getByTestId("task-row").count();
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`web: 10,000 tasks — ${rows} rows in the page; frame median ${sorted[30]!.toFixed(0)} ms, p95 ${sorted[56]!.toFixed(0)} ms over 60 scroll steps`);
    expect(rows).toBeLessThan(120);
    await page.close();
  });
});
