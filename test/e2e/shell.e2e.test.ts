/**
 * The shell in a real browser: signing in, the account's unit and role, navigation by what the
 * role may do, the language switch, and signing out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, browserAvailable, launchBrowser, signIn, startApp, type RunningApp } from "../support/browser.js";

describe.skipIf(!browserAvailable())("the shell in chromium", () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    running = await startApp(["56"]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it("refuses a wrong password, then signs in and shows the account", async () => {
    const page = await browser.newPage();
    await page.goto(running.url);
    await page.getByLabel("Tên đăng nhập").fill("admin");
    await page.getByLabel("Mật khẩu").fill("wrong-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/[Mm]ật khẩu|đăng nhập/);
    await signIn(page, running.url, ADMIN);
    expect(await page.getByTestId("account").textContent()).toContain("Quản trị");
    await page.close();
  });

  it("shows an agency member only what it may do, and switches language", async () => {
    const khanhHoa = await running.unit("56");
    const account = await running.account({ username: "syt.khanhhoa", role: "agency_member", agencyId: await running.agency(khanhHoa, "so-y-te") });
    const page = await browser.newPage();
    await signIn(page, running.url, account);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Nhiệm vụ của tôi", "Văn bản", "Danh bạ cơ quan"]);
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    expect(await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").allTextContents()).toEqual(["My tasks", "Documents", "Directory"]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.close();
  });
});
