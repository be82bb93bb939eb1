import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isChidaoError } from "@chidao/core";
import type { Db } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { rowsOf } from "../rows.js";
import { Registry } from "../registry.js";
import { importHierarchy, standingCatalogVersion } from "./import.js";

// Khánh Hòa and Đắk Lắk, 2021 and 2025, with their mapping rows.
const dataDir = unitsSubset(["56", "66"]);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function count(db: Db, query: string): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${query}`)))[0]?.n ?? -1;
}

describe.each(testBackends())("importHierarchy on $name", (backend) => {
  it("seeds an empty database once, and adds the standing agencies a newer product defines to an older one", async () => {
    const database = await backend.open();
    try {
      const registry = new Registry(database);
      expect(await registry.ensureHierarchy(dataDir)).not.toBeNull();
      expect(await registry.ensureHierarchy(dataDir)).toBeNull();
      const db = database.db;
      const agencies = await count(db, "agencies");
      // A catalogue seeded before the forces' Party committees were a role.
      await db.execute(sql`delete from agencies where role_key = 'dang-uy-cong-an'`);
      await db.execute(sql`update catalog_revision set standing_version = 'older' where id = 1`);
      expect(await count(db, "agencies")).toBe(agencies - 4); // two provinces, 2021 and 2025
      const again = await registry.ensureHierarchy(dataDir);
      expect(again?.inserted).toMatchObject({ units: 0, agencies: 4 });
      expect(await count(db, "agencies")).toBe(agencies);
      expect(rowsOf<{ v: string }>(await db.execute(sql`select standing_version as v from catalog_revision`))[0]?.v).toBe(standingCatalogVersion());
      expect(await registry.ensureHierarchy(dataDir)).toBeNull();
    } finally {
      await database.close();
    }
  });

  it("loads the units with their periods and parents, the successor links, and the agencies; a second run changes nothing", async () => {
    const database = await backend.open();
    try {
      const first = await importHierarchy(database.db, dataDir);
      const db = database.db;
      expect(await count(db, "units where list = '2021-11-01' and level = 'province'")).toBe(2);
      expect(await count(db, "units where list = '2021-11-01' and level = 'district'")).toBe(15 + 9);
      expect(await count(db, "units where list = '2025-07-01' and level = 'province'")).toBe(2);
      expect(await count(db, "units where list = '2025-07-01' and level = 'district'")).toBe(0);
      expect(await count(db, "units where list = '2021-11-01' and (valid_from is not null or valid_to <> '2025-07-01')")).toBe(0);
      expect(await count(db, "units where list = '2025-07-01' and (valid_from <> '2025-07-01' or valid_to is not null)")).toBe(0);
      expect(await count(db, "units c join units p on p.id = c.parent_id where c.level = 'commune' and c.list = '2021-11-01' and p.level <> 'district'")).toBe(0);
      expect(await count(db, "units c join units p on p.id = c.parent_id where c.level = 'commune' and c.list = '2025-07-01' and p.level <> 'province'")).toBe(0);
      expect(await count(db, "units where level <> 'province' and parent_id is null")).toBe(0);
      // The 2021 huyện and xã and the 2025 xã.
      expect(await count(db, "units where name = 'Cư M''gar' and name_key = 'cu m gar'")).toBe(3);

      // Old Khánh Hòa → new Khánh Hòa; Phường Vĩnh Hải (22330) went whole into a new ward.
      expect(await count(db, "unit_successors s join units f on f.id = s.from_id join units t on t.id = s.to_id where f.code = '56' and t.code = '56' and f.level = 'province' and s.link = 'full'")).toBe(1);
      expect(await count(db, "unit_successors s join units f on f.id = s.from_id where f.code = '22330'")).toBeGreaterThan(0);
      expect(await count(db, "unit_successors s join units f on f.id = s.from_id join units t on t.id = s.to_id where f.list <> '2021-11-01' or t.list <> '2025-07-01'")).toBe(0);

      expect(await count(db, "agencies where unit_id is null and role_key = 'bo-y-te'")).toBe(1);
      expect(await count(db, "agencies a join units u on u.id = a.unit_id where u.code = '56' and u.list = '2021-11-01' and a.role_key = 'so-y-te' and a.full_name = 'Sở Y tế tỉnh Khánh Hòa'")).toBe(1);
      expect(await count(db, "agencies a join units u on u.id = a.unit_id where u.level = 'commune' and a.role_key = 'ubnd'")).toBe(await count(db, "units where level = 'commune'"));
      // A unit's standing agencies answer to their role's names (roleNames(), held once in code);
      // only central bodies get alias rows.
      expect(await count(db, "agency_aliases l join agencies a on a.id = l.agency_id where a.unit_id is not null")).toBe(0);
      expect(await count(db, "agency_aliases l join agencies a on a.id = l.agency_id where a.role_key = 'bo-y-te' and l.alias_key = 'byt'")).toBe(1);
      expect(first.inserted.agencies).toBe(await count(db, "agencies"));
      expect(first.inserted.aliases).toBe(await count(db, "agency_aliases"));

      const before = await Promise.all(["units", "unit_successors", "agencies", "agency_aliases"].map((t) => count(db, t)));
      const second = await importHierarchy(db, dataDir);
      expect(second.inserted).toEqual({ units: 0, successors: 0, agencies: 0, aliases: 0 });
      expect(await Promise.all(["units", "unit_successors", "agencies", "agency_aliases"].map((t) => count(db, t)))).toEqual(before);
    } finally {
      await database.close();
    }
  });

  it("writes nothing when the data fail part-way (a commune whose province is not in its list)", async () => {
    const database = await backend.open();
    const broken = unitsSubset(["56"]);
    try {
      const file = join(broken, "units_2025-07-01_flat.csv");
      writeFileSync(file, `${readFileSync(file, "utf8")}2,99999,98,98,Nowhere,Xã Nowhere,Xã,Xã,Nowhere,Nowhere Commune\r\n`);
      const error = await importHierarchy(database.db, broken).catch((e: unknown) => e);
      expect(isChidaoError(error) && error.code).toBe("FORMAT_CORRUPT");
      expect(await count(database.db, "units")).toBe(0);
    } finally {
      rmSync(broken, { recursive: true, force: true });
      await database.close();
    }
  });

  it("refuses a file whose header is not the expected one", async () => {
    const database = await backend.open();
    const broken = unitsSubset(["56"]);
    try {
      writeFileSync(join(broken, "mapping/province_63_to_34.csv"), "old,new\r\n56,56\r\n");
      const error = await importHierarchy(database.db, broken).catch((e: unknown) => e);
      expect(isChidaoError(error) && error.code).toBe("FORMAT_CORRUPT");
    } finally {
      rmSync(broken, { recursive: true, force: true });
      await database.close();
    }
  });
});
