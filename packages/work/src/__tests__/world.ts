/**
 * The database a test file works in: the 2021 hierarchy of Khánh Hòa (56) and Kon Tum (62), so
 * "another province" is real, and the agencies the tests name.
 */
import { isChidaoError, type ChidaoError } from "@chidao/core";
import type { Database, Db } from "@chidao/db";
import { importHierarchy } from "@chidao/registry";
import type { Backend } from "../../../../test/support/databases.js";
import { agencyOf, childUnit, unitByCode } from "./factories.js";

export interface World {
  database: Database;
  db: Db;
  khanhHoa: number;
  konTum: number;
  /** A district of Khánh Hòa. */
  district: number;
  ubndKhanhHoa: number;
  soYTe: number;
  soGiaoDuc: number;
  soTaiChinh: number;
  ubndDistrict: number;
  soYTeKonTum: number;
}

export async function openWorld(backend: Backend, unitsDir: string): Promise<World> {
  const database = await backend.open();
  const db = database.db;
  await importHierarchy(db, unitsDir);
  const khanhHoa = await unitByCode(db, "province", "56");
  const konTum = await unitByCode(db, "province", "62");
  const district = await childUnit(db, khanhHoa);
  return {
    database,
    db,
    khanhHoa,
    konTum,
    district,
    ubndKhanhHoa: await agencyOf(db, khanhHoa, "ubnd"),
    soYTe: await agencyOf(db, khanhHoa, "so-y-te"),
    soGiaoDuc: await agencyOf(db, khanhHoa, "so-giao-duc-dao-tao"),
    soTaiChinh: await agencyOf(db, khanhHoa, "so-tai-chinh"),
    ubndDistrict: await agencyOf(db, district, "ubnd"),
    soYTeKonTum: await agencyOf(db, konTum, "so-y-te"),
  };
}

/** The ChidaoError a promise rejects with (anything else is rethrown; resolving fails the test). */
export async function errorOf(p: Promise<unknown>): Promise<ChidaoError> {
  try {
    await p;
  } catch (e) {
    if (isChidaoError(e)) return e;
    throw e;
  }
  throw new Error("expected a ChidaoError, the call succeeded");
}

export async function codeOf(p: Promise<unknown>): Promise<string> {
  return (await errorOf(p)).code;
}
