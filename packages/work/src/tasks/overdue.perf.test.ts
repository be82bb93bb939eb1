/**
 * The read paths on 1,000,000 tasks (about 2,000,000 shares) over the whole 2021 hierarchy, on
 * the PostgreSQL server: an agency's open list and the overdue rankings must answer in p95 < 20 ms
 * and < 100 ms. Seeding takes minutes, so it runs only when asked: CHIDAO_PERF=1 (and the server
 * backend, which the test cluster provides). CHIDAO_PERF_DATABASE_URL keeps the seeded database
 * between runs: it is seeded when empty and left in place.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { openDatabase, type Database } from "@chidao/db";
import { importHierarchy, UNITS_DATA_DIR } from "@chidao/registry";
import { testBackends } from "../../../../test/support/databases.js";
import { scopeOf } from "../access/scope.js";
import { agencyOpenTasks } from "./agency-open-tasks.js";
import { listTasks } from "./list-tasks.js";
import { overdueByAgency, overdueByUnit } from "./overdue.js";
import { unitChainColumns } from "./shares.js";

const TASKS = Number(process.env.CHIDAO_PERF_TASKS ?? 1_000_000);
const server = testBackends().find((b) => b.name === "server");
const KEPT = process.env.CHIDAO_PERF_DATABASE_URL;
const enabled = process.env.CHIDAO_PERF === "1" && (server !== undefined || KEPT !== undefined);

describe.skipIf(!enabled)(`task reads on ${TASKS} tasks (server; runs with CHIDAO_PERF=1 only: seeding takes minutes)`, () => {
  let database: Database;
  const log = (...a: unknown[]) => console.log("[perf]", ...a);

  beforeAll(async () => {
    database = KEPT ? await openDatabase({ url: KEPT, poolSize: 4 }) : await server!.open();
    const { rows } = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from tasks`);
    if (rows[0]!.n === 0) {
      let t = Date.now();
      await importHierarchy(database.db, UNITS_DATA_DIR);
      log(`hierarchy imported in ${Date.now() - t} ms`);
      t = Date.now();
      await seed(database, TASKS);
      log(`seeded in ${Date.now() - t} ms`);
    }
    log(await sizes(database));
  }, 3_600_000);
  afterAll(() => database?.close());

  it("lists an agency's open shares in p95 < 20 ms", async () => {
    const agencies = await sampleAgencies(database, 200);
    const times: number[] = [];
    for (const [i, agencyId] of [...agencies, ...agencies].entries()) {
      const actor: Actor = { userId: null, name: "perf", role: "agency_member", scope: await scopeOf(database.db, { unitId: null, agencyId }) };
      const t = performance.now();
      const page = await agencyOpenTasks({ db: database.db, actor }, { limit: 50 });
      if (i >= agencies.length) times.push(performance.now() - t);
      expect(page.items.length).toBeLessThanOrEqual(50);
    }
    log("agency open list", stats(times));
    await explain(database, "agency open list (heaviest agency)", sql`select id, task_id, role, status, percent, due_at, version from (
      (select * from assignments where agency_id = ${agencies[0]!} and status = 'open' order by due_at limit 50)
      union all (select * from assignments where agency_id = ${agencies[0]!} and status = 'in_progress' order by due_at limit 50)) s order by due_at, id limit 50`);
    expect(p95(times)).toBeLessThan(20);
  });

  it("ranks a province's overdue shares by agency in p95 < 100 ms, and by district", async () => {
    const provinces = (await database.db.execute<{ id: number }>(sql`select id from units where level = 'province' and list = '2021-11-01' order by id`)).rows.map((r) => Number(r.id));
    const byAgency: number[] = [];
    const byUnit: number[] = [];
    for (const round of [0, 1]) {
      for (const unitId of provinces) {
        const actor: Actor = { userId: null, name: "perf", role: "office", scope: await scopeOf(database.db, { unitId, agencyId: null }) };
        let t = performance.now();
        const ranked = await overdueByAgency({ db: database.db, actor });
        if (round) byAgency.push(performance.now() - t);
        t = performance.now();
        await overdueByUnit({ db: database.db, actor });
        if (round) byUnit.push(performance.now() - t);
        expect(ranked.agencies.length).toBeGreaterThan(0);
      }
    }
    log("province overdue by agency", stats(byAgency));
    log("province overdue by district", stats(byUnit));
    await explain(database, "province overdue by agency", sql`select agency_id, count(*) as n, min(due_at) as oldest from assignments
      where status in ('open', 'in_progress') and due_at < now() and province_id = ${provinces[0]!} group by agency_id order by n desc, oldest asc, agency_id limit 50`);
    expect(p95(byAgency)).toBeLessThan(100);
    expect(p95(byUnit)).toBeLessThan(100);
  });

  it("measures the task list of a province office and of an agency (reported, not bounded)", async () => {
    const province = Number((await database.db.execute<{ id: number }>(sql`select id from units where level = 'province' and code = '01' and list = '2021-11-01'`)).rows[0]!.id);
    const office: Actor = { userId: null, name: "perf", role: "office", scope: await scopeOf(database.db, { unitId: province, agencyId: null }) };
    const [heaviest] = await sampleAgencies(database, 1);
    const member: Actor = { userId: null, name: "perf", role: "agency_member", scope: await scopeOf(database.db, { unitId: null, agencyId: heaviest! }) };
    for (const [name, actor, options] of [
      ["office list", office, {}],
      ["office overdue list", office, { overdue: true }],
      ["agency list", member, {}],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        await listTasks({ db: database.db, actor }, { ...options, limit: 50 });
        if (i) times.push(performance.now() - t);
      }
      log(`listTasks: ${name}`, stats(times));
    }
  });
});

/**
 * Tasks spread over the 63 provinces, due 2021–2027 (about half past due now), in every status;
 * one to three shares each, a quarter at province level with a few departments holding most
 * (as a People's Committee and a health department do), the rest over districts and communes.
 */
async function seed(database: Database, count: number): Promise<void> {
  const db = database.db;
  await db.execute(sql`drop table if exists bench_agencies, bench_counts, bench_provinces`);
  await db.execute(sql`
    create table bench_agencies as
    select x.id as agency_id, x.lvl, x.province_id, x.district_id, x.commune_id,
           (row_number() over (partition by x.province_id, x.lvl order by x.id) - 1)::int as idx
    from (select a.id, a.level as lvl, ${unitChainColumns("u", "p")}
          from agencies a join units u on u.id = a.unit_id left join units p on p.id = u.parent_id
          where u.list = '2021-11-01' and a.retired_at is null) x`);
  await db.execute(sql`create table bench_counts as select province_id, lvl, count(*)::int as n from bench_agencies group by 1, 2`);
  await db.execute(sql`create table bench_provinces as select id, (row_number() over (order by id) - 1)::int as idx from units where level = 'province' and list = '2021-11-01'`);
  await db.execute(sql`analyze bench_agencies, bench_counts, bench_provinces`);
  await db.execute(sql`
    insert into tasks (title, text, status, deadline, due_at, unit_id, province_id, confirmed_at, percent)
    select 'Nhiệm vụ ' || g, 'Nội dung nhiệm vụ số ' || g,
           (array['open','open','in_progress','in_progress','done','done','done','cancelled','open','proposed'])[1 + g % 10],
           jsonb_build_object('kind', 'fixed', 'due', to_char(timestamptz '2021-01-01' + ((g * 7919) % 2400) * interval '1 day', 'YYYY-MM-DD')),
           timestamptz '2021-01-01' + ((g * 7919) % 2400) * interval '1 day',
           p.id, p.id, case when g % 10 = 9 then null else now() end, 0
    from generate_series(1::bigint, ${count}) g join bench_provinces p on p.idx = g % 63`);
  await db.execute(sql`analyze tasks`);
  // The agency's index is computed first so that the join is on equal keys (a hash join), not a
  // filter over every agency of the province.
  await db.execute(sql`
    insert into assignments (task_id, agency_id, role, status, reported_status, due_at, province_id, district_id, commune_id)
    select pick.task_id, ba.agency_id, case when pick.k = 1 then 'lead' else 'support' end, pick.status,
           case when pick.status = 'proposed' then 'open' else pick.status end, pick.due_at, ba.province_id, ba.district_id, ba.commune_id
    from (
      select s.task_id, s.k, s.status, s.due_at, s.province_id, s.lvl,
             floor(c.n * (case when s.lvl = 'province' then s.r * s.r * s.r else s.r end))::int as idx
      from (
        select t.id as task_id, k, t.status, t.due_at, t.province_id,
               case when (t.id * 31 + k * 17) % 4 = 0 then 'province' when (t.id * 13 + k * 7) % 2 = 0 then 'district' else 'commune' end as lvl,
               ((t.id * 7919 + k * 104729) % 10007) / 10007.0 as r
        from tasks t join (values (1), (2), (3)) as shares(k) on k <= 1 + t.id % 3
      ) s
      join bench_counts c on c.province_id = s.province_id and c.lvl = s.lvl
    ) pick
    join bench_agencies ba on ba.province_id = pick.province_id and ba.lvl = pick.lvl and ba.idx = pick.idx
    on conflict do nothing`);
  await db.execute(sql`vacuum analyze tasks`);
  await db.execute(sql`vacuum analyze assignments`);
  await db.execute(sql`vacuum analyze task_units`);
}

async function sizes(database: Database): Promise<Record<string, number>> {
  const { rows } = await database.db.execute<{ tasks: number; shares: number; max_agency: number }>(sql`
    select (select count(*) from tasks)::int as tasks, (select count(*) from assignments)::int as shares,
           (select max(n) from (select count(*)::int as n from assignments where status in ('open', 'in_progress') group by agency_id) m) as max_agency`);
  return rows[0]!;
}

/** The agencies with the most open shares first, then others at random. */
async function sampleAgencies(database: Database, n: number): Promise<number[]> {
  const heavy = await database.db.execute<{ agency_id: number }>(sql`
    select agency_id from assignments where status in ('open', 'in_progress') group by agency_id order by count(*) desc limit ${Math.ceil(n / 4)}`);
  const random = await database.db.execute<{ agency_id: number }>(sql`select agency_id from bench_agencies order by md5(agency_id::text) limit ${n - heavy.rows.length}`);
  return [...heavy.rows, ...random.rows].map((r) => Number(r.agency_id));
}

async function explain(database: Database, name: string, query: ReturnType<typeof sql>): Promise<void> {
  const { rows } = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${query}`);
  console.log(`[perf] EXPLAIN ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
}

function p95(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

function stats(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(1);
  return `n=${times.length} p50=${at(0.5)} ms p95=${at(0.95)} ms max=${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}
