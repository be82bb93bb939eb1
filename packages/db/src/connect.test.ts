import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isChidaoError } from "@chidao/core";
import { openDatabase } from "./connect.js";
import { lockDataDir } from "./lock.js";
import { testBackends } from "../../../test/support/databases.js";

describe.each(testBackends())("database on $name", (backend) => {
  it("is migrated, folds Vietnamese for search, and migrating again is a no-op", async () => {
    const database = await backend.open();
    try {
      await database.migrate();
      const { rows } = await database.db.execute<{ f: string }>(sql`select chidao_fold('Đắk Lắk: phòng, chống dịch; Khánh Hoà') as f`);
      expect(rows[0]?.f).toBe("dak lak: phong, chong dich; khanh hoa");
      const tables = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('units','agencies','agency_aliases','documents','files','document_files','mentions','mention_agencies','citations','unit_successors')`);
      expect(tables.rows[0]?.n).toBe(10);
    } finally {
      await database.close();
    }
  });
});

describe("embedded data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "chidao-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps data across reopenings and refuses a second opener while locked", async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.db.execute(sql`insert into files (sha256, size, media_type, content) values ('x', 1, 'text/plain', '\\x41')`);
    await expect(openDatabase({ dataDir: dir })).rejects.toSatisfy((e: unknown) => isChidaoError(e) && e.code === "DB_LOCKED");
    await first.close();
    expect(existsSync(join(dir, "chidao.lock"))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    const { rows } = await again.db.execute<{ n: number }>(sql`select count(*)::int as n from files`);
    expect(rows[0]?.n).toBe(1);
    await again.close();
  });

  it("takes over a lock left by a process that is gone", () => {
    const stale = mkdtempSync(join(tmpdir(), "chidao-lock-"));
    writeFileSync(join(stale, "chidao.lock"), "999999999\n");
    const lock = lockDataDir(stale);
    lock.release();
    expect(existsSync(join(stale, "chidao.lock"))).toBe(false);
    rmSync(stale, { recursive: true, force: true });
  });
});

describe("server connection errors", () => {
  it("says which server could not be reached, without the password", async () => {
    const error = await openDatabase({ url: "postgres://u:secret@127.0.0.1:1/x" }).catch((e: unknown) => e);
    expect(isChidaoError(error) && error.code).toBe("DB_UNAVAILABLE");
    expect(isChidaoError(error) && error.en).not.toContain("secret");
  });
});
