/**
 * Issue 5's acceptance, in chromium against the real server: the administrator uploads a sample
 * as PDF and another as DOCX, reviews 122-TB/TU, settles an agency and publishes; the Khánh Hòa
 * health department signs in, finds the task among its own and files a report; the document page
 * shows the progress; an office of another district can open the task neither in the app nor
 * through the API.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Browser, Page } from "playwright-core";
import { and, eq, sql } from "drizzle-orm";
import { schema } from "@chidao/db";
import { ADMIN, browserAvailable, launchBrowser, signIn, startApp, type RunningApp } from "../support/browser.js";

const variant = (sample: string, file: string) => fileURLToPath(new URL(`../../fixtures/variants/${sample}/${file}`, import.meta.url));
const PDF_122 = variant("002_79799927f9410f28", "doc.pdf");
const DOCX_283 = variant("003_324ba8a9e1a2bd09", "doc.docx");

describe.skipIf(!browserAvailable())("an office and its agencies in chromium", () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let documentId = "";
  let taskId = 0;

  beforeAll(async () => {
    running = await startApp(["56", "62"]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it("uploads a PDF and a DOCX, settles an agency in the review view and publishes", async () => {
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    onTestFailed(async () => void (await page.screenshot({ path: "/tmp/e2e-failed-review.png", fullPage: true })));
    await signIn(page, running.url, ADMIN);
    await page.getByRole("link", { name: "Tiếp nhận văn bản" }).click();
    await page.getByTestId("inbox-file-input").setInputFiles([PDF_122, DOCX_283]);
    await expect.poll(() => page.locator('[data-testid="upload-row"][data-state="done"]').count(), { timeout: 90_000 }).toBe(2);
    await page.getByTestId("upload-row").filter({ hasText: "122-TB/TU" }).getByTestId("review-link").click();
    documentId = new URL(page.url()).pathname.split("/").pop()!;

    const unsettled = page.locator('[data-testid="mention"][data-status="unresolved"], [data-testid="mention"][data-status="ambiguous"]');
    const open = unsettled.first();
    await open.waitFor();
    const mentionId = Number(await open.getAttribute("data-mention-id"));
    const openBefore = await unsettled.count();
    await open.getByTestId("mention-choose").click();
    await open.getByTestId("agency-picker").fill("Y tế");
    await open.getByRole("listbox").getByRole("option").first().click();
    await open.getByRole("button", { name: "Lưu cơ quan" }).click();
    await expect.poll(() => unsettled.count()).toBe(openBefore - 1);
    const { mentions } = schema;
    const [settled] = await running.registry.db.select({ status: mentions.status, reviewedAt: mentions.reviewedAt }).from(mentions).where(eq(mentions.id, mentionId));
    expect(settled?.reviewedAt).not.toBeNull();

    // A task the parser found no agency for is dropped here (it could also be given one).
    const withoutAgency = page.getByTestId("review-task").filter({ hasText: "Chưa có cơ quan chủ trì" });
    while ((await withoutAgency.count()) > 0) {
      const card = withoutAgency.first();
      const before = await page.getByTestId("review-task").count();
      await card.getByRole("button", { name: "Bỏ", exact: true }).click();
      await card.getByRole("button", { name: "Bỏ nhiệm vụ" }).click();
      await expect.poll(() => page.getByTestId("review-task").count()).toBe(before - 1);
    }
    await expect.poll(() => page.getByTestId("publish").isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId("publish").click();
    await expect.poll(() => page.getByTestId("review-task").count()).toBe(0);
    const { tasks } = schema;
    const live = await running.registry.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.documentId, documentId), sql`${tasks.confirmedAt} is not null`));
    expect(live.length).toBeGreaterThan(0);
  });

  it("lets the assigned agency find its task and file a report", async () => {
    const khanhHoa = await running.unit("56");
    const agency = await running.account({ username: "syt.khanhhoa", role: "agency_member", agencyId: await running.agency(khanhHoa, "so-y-te") });
    const own = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(own, running.url, agency);
    await own.getByTestId("my-task").first().waitFor();
    await own.getByTestId("my-task").first().getByRole("link").first().click();
    taskId = Number(new URL(own.url()).pathname.split("/").pop());
    await own.getByTestId("report-results").fill("Đã tổ chức xét nghiệm cho 12.000 người tại các khu phong tỏa.");
    await own.getByTestId("report-difficulties").fill("Thiếu sinh phẩm xét nghiệm nhanh.");
    await own.getByTestId("report-proposals").fill("Đề nghị cấp bổ sung 5.000 bộ xét nghiệm.");
    await own.getByTestId("report-percent").fill("50");
    await own.getByTestId("report-submit").click();
    await own.getByText("Thiếu sinh phẩm xét nghiệm nhanh.").first().waitFor();
    await own.close();
  });

  it("shows the progress on the document page", async () => {
    await page.goto(`${running.url}/documents/${documentId}`);
    await page.getByTestId("document-record").waitFor();
    const row = page.locator(`[data-testid="document-task"]:has(a[href="/tasks/${taskId}"])`);
    await expect.poll(async () => Number(await row.getByRole("progressbar").getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  });

  it("shows the work in progress on the province office's dashboard, down to the list behind it", async () => {
    const office = await running.account({ username: "vp.khanhhoa", role: "office", unitId: await running.unit("56") });
    const board = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(board, running.url, office);
    const inProgress = board.getByTestId("dashboard-status").locator('a[href*="status=in_progress"]');
    await expect.poll(async () => (await inProgress.getAttribute("aria-label")) ?? "").toMatch(/[1-9]/);
    await inProgress.click();
    await expect.poll(() => board.getByTestId("task-row").count()).toBeGreaterThan(0);
    await board.close();
  });

  it("keeps an office of another district out of the task, in the app and through the API", async () => {
    const { units } = schema;
    const khanhHoa = await running.unit("56");
    const [district] = await running.registry.db.select({ id: units.id }).from(units).where(eq(units.parentId, khanhHoa)).orderBy(units.code).limit(1);
    const outsider = await running.account({ username: "vp.huyen", role: "office", unitId: district!.id });
    const other = await browser.newPage();
    await signIn(other, running.url, outsider);
    await other.goto(`${running.url}/tasks/${taskId}`);
    await other.getByRole("alert").waitFor();
    expect(await other.getByRole("alert").textContent()).toMatch(/Không có|không tìm thấy|Không tìm thấy/);
    const api = await other.request.get(`${running.url}/api/tasks/${taskId}`);
    expect(api.status()).toBe(404);
    await other.close();
  });
});
