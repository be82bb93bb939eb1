/**
 * A batch killed mid-way (SIGKILL: no cleanup runs) and run again leaves every document stored
 * exactly once and none half-stored, on PGlite (whose data folder lock is then stale) and on a
 * PostgreSQL server.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@chidao/db";
import { createServerDatabase } from "../support/databases.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/bin/chidao.js");
const work = mkdtempSync(join(tmpdir(), "chidao-crash-"));
const inbox = join(work, "batch");
mkdirSync(inbox);
cpSync(join(ROOT, "samples"), inbox, { recursive: true });
cpSync(join(ROOT, "fixtures/genre"), join(inbox, "genre"), { recursive: true, filter: (p) => !p.endsWith(".json") });
const fileCount = readdirSync(inbox, { recursive: true }).filter((f) => /\.(txt|md)$/.test(String(f))).length;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `chidao ingest --json`; kills it with SIGKILL after `killAfter` stored files, if given. */
function ingest(env: NodeJS.ProcessEnv, args: string[], killAfter?: number): Promise<{ lines: { status?: string }[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "ingest", "--json", "--ocr", "never", ...args, inbox], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const lines: { status?: string }[] = [];
    let buffer = "";
    let killed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        lines.push(JSON.parse(buffer.slice(0, nl)) as { status?: string });
        buffer = buffer.slice(nl + 1);
        if (killAfter !== undefined && !killed && lines.length >= killAfter) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("error", reject);
    child.on("close", () => resolve({ lines, killed }));
  });
}

interface Counts {
  documents: number;
  orphans: number;
  duplicateFiles: number;
  withoutText: number;
}

async function counts(open: () => ReturnType<typeof openDatabase>): Promise<Counts> {
  const database = await open();
  try {
    const { rows } = await database.db.execute<Counts>(sql`select
      (select count(*)::int from documents where status = 'stored') as documents,
      (select count(*)::int from documents d where status = 'stored' and not exists (select 1 from document_files f where f.document_id = d.id)) as orphans,
      (select count(*)::int - count(distinct sha256)::int from document_files) as "duplicateFiles",
      (select count(*)::int from documents where status = 'stored' and (text is null or record is null)) as "withoutText"`);
    return rows[0]!;
  } finally {
    await database.close();
  }
}

async function crashAndResume(env: NodeJS.ProcessEnv, args: string[], open: () => ReturnType<typeof openDatabase>): Promise<void> {
  const first = await ingest(env, args, 4);
  expect(first.killed).toBe(true);
  const partial = await counts(open);
  expect(partial.documents).toBeGreaterThanOrEqual(4);
  expect(partial.documents).toBeLessThan(fileCount);
  expect(partial).toMatchObject({ orphans: 0, duplicateFiles: 0, withoutText: 0 });
  const second = await ingest(env, args);
  expect(second.lines.filter((l) => l.status === "existing").length).toBeGreaterThanOrEqual(partial.documents);
  const done = await counts(open);
  const third = await ingest(env, args);
  expect(third.lines.every((l) => l.status === "existing")).toBe(true);
  expect(await counts(open)).toEqual(done);
  expect(done).toMatchObject({ orphans: 0, duplicateFiles: 0, withoutText: 0 });
  expect(done.documents).toBeGreaterThanOrEqual(fileCount - 2); // genre fixtures may merge as the same issuer+code+date
}

describe("an ingest batch killed mid-way and run again", () => {
  it(`stores each of ${fileCount} files once on PGlite (stale lock taken over)`, async () => {
    const data = join(work, "data");
    await crashAndResume({ DATABASE_URL: "" }, ["--data", data], () => openDatabase({ dataDir: data }));
  });

  it.runIf(Boolean(process.env.CHIDAO_TEST_DATABASE_URL))("stores each file once on a PostgreSQL server", async () => {
    const fresh = await createServerDatabase(process.env.CHIDAO_TEST_DATABASE_URL!);
    try {
      await crashAndResume({ DATABASE_URL: fresh.url }, [], () => openDatabase({ url: fresh.url }));
    } finally {
      await fresh.drop();
    }
  });
});
