import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isChidaoError } from "@chidao/core";
import type { Database, Db } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { importHierarchy } from "../hierarchy/import.js";
import { findUnit, type Unit } from "../hierarchy/units.js";
import { getAgency, listAgencies } from "./catalog.js";
import { addAgency, addAlias, removeAlias, renameAgency, retireAgency } from "./edit.js";

const dataDir = unitsSubset(["56"]);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const IN_2021 = "2021-08-15";

async function khanhHoa(db: Db): Promise<Unit> {
  const unit = await findUnit(db, { name: "Khánh Hòa", level: "province", on: IN_2021 });
  if (!unit) throw new Error("Khánh Hòa was not imported");
  return unit;
}

async function agencyOf(db: Db, unitId: number | null, query: string): Promise<number> {
  const [agency] = await listAgencies(db, { unitId, query });
  if (!agency) throw new Error(`no agency "${query}"`);
  return agency.id;
}

describe.each(testBackends())("agency catalog on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await importHierarchy(database.db, dataDir);
  });
  afterAll(() => database.close());

  it("lists a unit's agencies and searches them by any alias, prefix matches first", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const all = await listAgencies(db, { unitId: unit.id, limit: 500 });
    expect(all.length).toBeGreaterThan(40);
    expect(all.every((a) => a.unitId === unit.id)).toBe(true);
    expect((await listAgencies(db, { unitId: unit.id, query: "Sở YT" })).map((a) => a.roleKey)).toEqual(["so-y-te"]);
    expect((await listAgencies(db, { unitId: unit.id, query: "Sở LĐTBXH" })).map((a) => a.roleKey)).toEqual(["so-lao-dong-thuong-binh-xa-hoi"]);
    const ytes = (await listAgencies(db, { unitId: unit.id, query: "y tế" })).map((a) => a.roleKey);
    expect(ytes).toContain("so-y-te");
    const cdc = await listAgencies(db, { unitId: unit.id, query: "Trung tâm" });
    expect(cdc.map((a) => a.roleKey)).toEqual(expect.arrayContaining(["cdc", "ttch-covid"]));
    expect((await listAgencies(db, { unitId: null, query: "Bộ Y tế" }))[0]?.roleKey).toBe("bo-y-te");
    expect((await listAgencies(db, { unitId: unit.id, query: "Sở KH&ĐT", on: "2025-04-01" })).length).toBe(0);
    expect((await listAgencies(db, { unitId: unit.id, query: "Sở KH&ĐT", on: IN_2021 })).length).toBe(1);
  });

  it("searches a unit and every unit below it, the unit's own agencies first", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const dienKhanh = await listAgencies(db, { unitId: unit.id, below: true, query: "UBND huyện Diên Khánh" });
    expect(dienKhanh[0]).toMatchObject({ fullName: "Ủy ban nhân dân huyện Diên Khánh", level: "district" });
    expect(await listAgencies(db, { unitId: unit.id, query: "UBND huyện Diên Khánh" })).toEqual([]);
    expect((await listAgencies(db, { unitId: unit.id, below: true, query: "UBND Dien Khanh" }))[0]?.id).toBe(dienKhanh[0]!.id);
    expect((await listAgencies(db, { unitId: unit.id, below: true, query: "ubnd dien khanh" }))[0]?.id).toBe(dienKhanh[0]!.id);
    expect((await listAgencies(db, { unitId: unit.id, query: "mttq" })).map((a) => a.roleKey)).toEqual(["mttq"]);
    const tram = await listAgencies(db, { unitId: unit.id, below: true, query: "Trạm Y tế Cam Hải" });
    expect(tram.length).toBeGreaterThan(0);
    expect(tram.every((a) => a.level === "commune" && /Cam Hải/.test(a.fullName))).toBe(true);
    const commune = await listAgencies(db, { unitId: unit.id, below: true, query: "Tổ COVID cộng đồng", limit: 200 });
    expect(commune.length).toBeGreaterThan(100); // one team per commune of Khánh Hòa (139)
    expect(commune.every((a) => a.level === "commune")).toBe(true);
    const ubnd = await listAgencies(db, { unitId: unit.id, below: true, query: "Ủy ban nhân dân", limit: 20 });
    expect(ubnd[0]).toMatchObject({ unitId: unit.id, roleKey: "ubnd" });
    expect(ubnd.slice(1).every((a) => a.unitId !== unit.id)).toBe(true);
  });

  it("adds a user agency to a unit, named for the unit, and refuses a second with the same key or a bad kind", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const added = await addAgency(db, { unitId: unit.id, name: "Ban Quản lý Vịnh Nha Trang", kind: "other", aliases: ["BQL Vịnh Nha Trang"] });
    expect(added).toMatchObject({ fullName: "Ban Quản lý Vịnh Nha Trang tỉnh Khánh Hòa", origin: "user", level: "province", roleKey: "user-ban-quan-ly-vinh-nha-trang", validTo: "2025-07-01" });
    expect(added.aliases.map((a) => a.alias)).toEqual(["Ban Quản lý Vịnh Nha Trang", "BQL Vịnh Nha Trang", "Ban Quản lý Vịnh Nha Trang tỉnh Khánh Hòa"]);
    expect(await agencyOf(db, unit.id, "BQL Vịnh")).toBe(added.id);
    const again = await addAgency(db, { unitId: unit.id, name: "Ban quản lý vịnh Nha Trang", kind: "other" }).catch((e: unknown) => e);
    expect(isChidaoError(again) && again.code).toBe("INVALID_INPUT");
    const badKind = await addAgency(db, { unitId: unit.id, name: "Sở Du lịch", kind: "tourism" }).catch((e: unknown) => e);
    expect(isChidaoError(badKind) && badKind.code).toBe("INVALID_INPUT");
    const noUnit = await addAgency(db, { unitId: 99_999_999, name: "Sở Du lịch", kind: "department" }).catch((e: unknown) => e);
    expect(isChidaoError(noUnit) && noUnit.code).toBe("NOT_FOUND");
  });

  it("renames an agency and keeps its old names as aliases", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const id = await agencyOf(db, unit.id, "Sở Thông tin và Truyền thông");
    const renamed = await renameAgency(db, id, { name: "Sở Thông tin và Truyền thông (cũ)" });
    expect(renamed.name).toBe("Sở Thông tin và Truyền thông (cũ)");
    expect(renamed.fullName).toBe("Sở Thông tin và Truyền thông (cũ) tỉnh Khánh Hòa");
    const aliases = renamed.aliases.map((a) => a.alias);
    expect(aliases).toEqual(expect.arrayContaining(["Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông tỉnh Khánh Hòa", "Sở Thông tin và Truyền thông (cũ)"]));
    expect(await agencyOf(db, unit.id, "Sở TT&TT")).toBe(id);
  });

  it("retires an agency: documents dated that day still find it, later ones do not", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const id = await agencyOf(db, unit.id, "Ban Dân tộc");
    const retired = await retireAgency(db, id, new Date("2021-09-30T17:00:00Z")); // 1 October 2021, 00:00 in Vietnam
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect((await listAgencies(db, { unitId: unit.id, query: "Ban Dân tộc", on: "2021-10-01" })).map((a) => a.id)).toEqual([id]);
    expect(await listAgencies(db, { unitId: unit.id, query: "Ban Dân tộc", on: "2021-10-02" })).toEqual([]);
    const missing = await retireAgency(db, 99_999_999).catch((e: unknown) => e);
    expect(isChidaoError(missing) && missing.code).toBe("NOT_FOUND");
  });

  it("adds and removes aliases, but never the current name", async () => {
    const db = database.db;
    const unit = await khanhHoa(db);
    const id = await agencyOf(db, unit.id, "Sở Y tế");
    const alias = await addAlias(db, id, { alias: "SYT Khánh Hòa", origin: "review" });
    expect(alias).toMatchObject({ agencyId: id, aliasKey: "syt khanh hoa", scopeUnitId: unit.id, origin: "review" });
    expect((await addAlias(db, id, { alias: "SYT  KHÁNH HOÀ", origin: "user" })).id).toBe(alias.id);
    const anywhere = await addAlias(db, id, { alias: "SYT Khánh Hòa", origin: "user", scopeUnitId: null });
    expect(anywhere.scopeUnitId).toBeNull();
    expect(anywhere.id).not.toBe(alias.id);
    expect(await agencyOf(db, unit.id, "SYT Khánh")).toBe(id);
    await removeAlias(db, alias.id);
    await removeAlias(db, anywhere.id);
    expect(await listAgencies(db, { unitId: unit.id, query: "SYT Khánh" })).toEqual([]);
    // A user agency's name is one of its alias rows (a standing agency's names are its role's).
    const own = await addAgency(db, { unitId: unit.id, name: "Ban Quản lý Khu kinh tế Vân Phong", kind: "other" });
    const nameAlias = (await getAgency(db, own.id)).aliases.find((a) => a.alias === "Ban Quản lý Khu kinh tế Vân Phong");
    const refused = await removeAlias(db, nameAlias?.id ?? -1).catch((e: unknown) => e);
    expect(isChidaoError(refused) && refused.code).toBe("INVALID_INPUT");
    const gone = await removeAlias(db, 99_999_999).catch((e: unknown) => e);
    expect(isChidaoError(gone) && gone.code).toBe("NOT_FOUND");
  });
});
