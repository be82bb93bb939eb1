/**
 * Screenshots of every page, for the README: `npm run screenshots` writes docs/screenshots/*.png
 * from the five sample directives (uploaded, 122-TB/TU's tasks confirmed, one report filed).
 * Skipped in the normal test run (CHIDAO_SCREENSHOTS=1 turns it on).
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { adminToken, injector } from "../support/auth.js";
import { ADMIN, browserAvailable, launchBrowser, signIn, startApp, type RunningApp } from "../support/browser.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = `${ROOT}docs/screenshots/`;
const wanted = process.env.CHIDAO_SCREENSHOTS === "1";

interface Item {
  id: number;
  version: number;
  lead: unknown[];
}

describe.skipIf(!wanted || !browserAvailable())("screenshots of the web app", () => {
  let running: RunningApp;
  let browser: Browser;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    running = await startApp(["11", "56", "62", "66"]);
    browser = await launchBrowser();
    const asAdmin = injector(running.app, await adminToken(running.registry.db));
    for (const name of readdirSync(`${ROOT}samples`).sort()) {
      const boundary = "----chidao-shots";
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
      const res = await asAdmin({ method: "POST", url: "/api/documents", payload: Buffer.concat([head, readFileSync(`${ROOT}samples/${name}`), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
      const detail = (await asAdmin({ method: "GET", url: `/api/documents/${res.json().id}` })).json();
      ids.set(detail.code, detail.id);
    }
    const proposed = (await asAdmin({ method: "GET", url: `/api/tasks?document=${ids.get("122-TB/TU")}&status=proposed&limit=200` })).json().items as Item[];
    const ready = proposed.filter((t) => t.lead.length > 0).map((t) => ({ id: t.id, version: t.version }));
    await asAdmin({ method: "POST", url: "/api/tasks/confirm", payload: { tasks: ready } });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function shot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${OUT}${name}.png` });
  }

  it("takes one of each page", async () => {
    const khanhHoa = await running.unit("56");
    const soYTe = await running.agency(khanhHoa, "so-y-te");
    const office = await running.account({ username: "vp.khanhhoa", role: "office", unitId: khanhHoa });
    const agency = await running.account({ username: "syt.khanhhoa", role: "agency_member", agencyId: soYTe });
    const view = { viewport: { width: 1366, height: 900 } };

    const login = await browser.newPage(view);
    await login.goto(running.url);
    await shot(login, "01-login");

    const own = await browser.newPage(view);
    await signIn(own, running.url, agency);
    await own.getByTestId("my-task").first().waitFor();
    await shot(own, "02-my-tasks");
    await own.getByTestId("my-task").first().getByRole("link").first().click();
    await own.getByTestId("report-results").fill("Đã tổ chức xét nghiệm cho 12.000 người tại các khu phong tỏa.");
    await own.getByTestId("report-difficulties").fill("Thiếu sinh phẩm xét nghiệm nhanh.");
    await own.getByTestId("report-proposals").fill("Đề nghị cấp bổ sung 5.000 bộ xét nghiệm.");
    await own.getByTestId("report-percent").fill("60");
    await own.getByTestId("report-submit").click();
    await own.getByText("Thiếu sinh phẩm xét nghiệm nhanh.").first().waitFor();
    await shot(own, "03-task-report");

    const desk = await browser.newPage(view);
    await signIn(desk, running.url, office);
    await desk.getByTestId("dashboard-status").waitFor();
    await shot(desk, "04-dashboard");
    await desk.goto(`${running.url}/tasks`);
    await desk.getByTestId("task-row").first().waitFor();
    await shot(desk, "05-tasks");
    await desk.goto(`${running.url}/documents?q=phong%20chong%20dich`);
    await desk.getByTestId("document-result").first().waitFor();
    await shot(desk, "06-documents-search");
    await desk.goto(`${running.url}/documents/${ids.get("122-TB/TU")}`);
    await desk.getByTestId("cascade-graph").waitFor();
    await shot(desk, "07-document");
    await desk.goto(`${running.url}/directory`);
    await shot(desk, "08-directory");

    const admin = await browser.newPage(view);
    await signIn(admin, running.url, ADMIN);
    await admin.goto(`${running.url}/inbox`);
    await admin.getByTestId("inbox-file-input").setInputFiles(fileURLToPath(new URL("../../fixtures/variants/002_79799927f9410f28/doc.pdf", import.meta.url)));
    await admin.locator('[data-testid="upload-row"][data-state="done"]').first().waitFor({ timeout: 90_000 });
    await shot(admin, "09-inbox");
    await admin.goto(`${running.url}/inbox/${ids.get("283-TB/TU")}`);
    await admin.getByTestId("review-task").first().waitFor();
    await shot(admin, "10-review");
    await admin.goto(`${running.url}/directory/agencies/${soYTe}`);
    await admin.getByTestId("agency-tasks").waitFor();
    await shot(admin, "11-agency");
    await admin.getByLabel("Ngôn ngữ").selectOption("en");
    await admin.goto(`${running.url}/documents/${ids.get("122-TB/TU")}`);
    await admin.getByTestId("cascade-graph").waitFor();
    await shot(admin, "12-document-en");
  });
});
