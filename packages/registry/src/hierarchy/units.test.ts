import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isChidaoError } from "@chidao/core";
import type { Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { rmSync } from "node:fs";
import { importHierarchy } from "./import.js";
import { findUnit, findUnits, getUnit, unitByCode, unitChildren } from "./units.js";

const dataDir = unitsSubset(["56", "66"]);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const IN_2021 = "2021-08-15";
const IN_2026 = "2026-01-10";

describe.each(testBackends())("unit lookups on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await importHierarchy(database.db, dataDir);
  });
  afterAll(() => database.close());

  it("finds a province by its name with or without the unit type, in any case or accents", async () => {
    const db = database.db;
    const khanhHoa = await findUnit(db, { name: "Khánh Hòa", on: IN_2021 });
    expect(khanhHoa).toMatchObject({ code: "56", level: "province", list: "2021-11-01" });
    for (const name of ["tỉnh Khánh Hòa", "TỈNH KHÁNH HOÀ", "khanh hoa", "Tỉnh Khánh Hoà"]) expect((await findUnit(db, { name, on: IN_2021 }))?.id, name).toBe(khanhHoa?.id);
    expect(await findUnit(db, { name: "Khánh Hòa", on: IN_2026 })).toMatchObject({ code: "56", list: "2025-07-01" });
  });

  it("prefers the unit the name's type word says, and the higher level otherwise", async () => {
    const db = database.db;
    expect(await findUnit(db, { name: "Cư M'gar", on: IN_2021 })).toMatchObject({ level: "district", unitType: "Huyện" });
    expect(await findUnit(db, { name: "xã Cư M'gar", on: IN_2021 })).toMatchObject({ level: "commune", code: "24289" });
    expect(await findUnit(db, { name: "Cư M'gar", level: "commune", on: IN_2021 })).toMatchObject({ code: "24289" });
    expect((await findUnits(db, { name: "Cư M'gar", on: IN_2021 })).map((u) => u.level)).toEqual(["district", "commune"]);
    expect(await findUnit(db, { name: "Cư M'gar", on: IN_2026 })).toMatchObject({ level: "commune", code: "24280" });
  });

  it("finds a city within its province, and a commune two levels below", async () => {
    const db = database.db;
    const dakLak = await findUnit(db, { name: "Đắk Lắk", level: "province", on: IN_2021 });
    const khanhHoa = await findUnit(db, { name: "Khánh Hòa", level: "province", on: IN_2021 });
    expect(await findUnit(db, { name: "thành phố Buôn Ma Thuột", withinUnitId: dakLak?.id ?? -1, on: IN_2021 })).toMatchObject({ code: "643", unitType: "Thành phố" });
    expect(await findUnit(db, { name: "TP. Buôn Ma Thuột", on: IN_2021 })).toMatchObject({ code: "643" });
    expect(await findUnit(db, { name: "Buôn Ma Thuột", withinUnitId: khanhHoa?.id ?? -1, on: IN_2021 })).toBeNull();
    expect(await findUnit(db, { name: "phường Vĩnh Hải", withinUnitId: khanhHoa?.id ?? -1, on: IN_2021 })).toMatchObject({ code: "22330" });
  });

  it("gives the unit in force on a date for a code, and a unit's children on a date", async () => {
    const db = database.db;
    const old = await unitByCode(db, { code: "56", on: IN_2021 });
    const merged = await unitByCode(db, { code: "56", on: IN_2026 });
    expect(old?.list).toBe("2021-11-01");
    expect(merged?.list).toBe("2025-07-01");
    expect(await unitByCode(db, { code: "648", on: IN_2026 })).toBeNull();
    expect(await unitByCode(db, { code: "56", on: "2025-07-01" })).toMatchObject({ id: merged?.id });
    const districts = await unitChildren(db, old?.id ?? -1, IN_2021);
    expect(districts).toHaveLength(9);
    expect(districts.every((d) => d.level === "district" && d.parentId === old?.id)).toBe(true);
    expect(await unitChildren(db, old?.id ?? -1, IN_2026)).toHaveLength(0);
    expect((await getUnit(db, merged?.id ?? -1)).name).toBe("Khánh Hòa");
    const error = await getUnit(db, 99_999_999).catch((e: unknown) => e);
    expect(isChidaoError(error) && error.code).toBe("NOT_FOUND");
  });
});
