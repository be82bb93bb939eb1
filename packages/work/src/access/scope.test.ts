/**
 * The scope read with an account in one query (ACCOUNT_SCOPE_UNIT, scopeFrom: what a token or a
 * session check uses) is the scope scopeOf computes, for every kind of account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { openWorld, type World } from "../tasks/__tests__/world.js";
import { ACCOUNT_SCOPE_UNIT, scopeFrom, scopeOf } from "./scope.js";

const { units, agencies } = schema;

for (const backend of testBackends()) {
  describe(`account scopes on ${backend.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(backend);
    });
    afterAll(() => w?.close());

    it("reads the same scope in the account's query as scopeOf for units and agencies of every level and list", async () => {
      const unitIds = (await w.db.execute<{ id: number }>(sql`select distinct on (list, level) id from ${units} order by list, level, id`)).rows.map((r) => Number(r.id));
      const agencyIds = (await w.db.execute<{ id: number }>(sql`select distinct on (coalesce(u.list, ''), coalesce(u.level, 'central')) a.id from ${agencies} a left join ${units} u on u.id = a.unit_id order by coalesce(u.list, ''), coalesce(u.level, 'central'), a.id`)).rows.map((r) => Number(r.id));
      expect(unitIds.length).toBeGreaterThanOrEqual(5);
      expect(agencyIds.length).toBeGreaterThanOrEqual(4);
      const accounts = [{ unitId: null, agencyId: null }, ...unitIds.map((unitId) => ({ unitId, agencyId: null })), ...agencyIds.map((agencyId) => ({ unitId: null, agencyId }))];
      for (const account of accounts) {
        const { rows } = await w.db.execute<{ s: Parameters<typeof scopeFrom>[1] }>(sql`with users as (select ${account.unitId}::int as unit_id, ${account.agencyId}::int as agency_id) select ${ACCOUNT_SCOPE_UNIT} as s from users`);
        expect(scopeFrom(account, rows[0]!.s)).toEqual(await scopeOf(w.db, account));
      }
    });
  });
}
