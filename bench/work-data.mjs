// A million tasks over the 2021 hierarchy, generated inside the server in a few statements (no
// round trip per row), for the task-tracker benchmarks (bench/work.mjs). Deterministic: rows
// are picked by hashing the task number, not by random().
import { sql } from "drizzle-orm";

/**
 * Each task: one lead share (an agency of a province, district or commune of the 2021 list) and,
 * for two tasks in three, a support share (the next agency of the same unit); owned by the unit
 * above the lead agency's (a province assigns to its districts, a district to its communes).
 * Status: 50 % open, 30 % in progress, 15 % done, 5 % cancelled; due dates spread from 120 days
 * before `now` to 240 after, so about a third of the live work is overdue.
 */
export async function generateTasks(db, count, now = new Date()) {
  await db.execute(sql`drop table if exists bench_agencies`);
  await db.execute(sql`
    create unlogged table bench_agencies as
    select row_number() over (order by a.id) as rn, a.id, a.unit_id, u.level,
      case u.level when 'province' then u.id when 'district' then u.parent_id else p.parent_id end as province_id,
      case u.level when 'district' then u.id when 'commune' then u.parent_id end as district_id,
      case u.level when 'commune' then u.id end as commune_id,
      case u.level when 'province' then u.id else u.parent_id end as owner_id
    from agencies a join units u on u.id = a.unit_id left join units p on p.id = u.parent_id
    where u.list = '2021-11-01'`);
  await db.execute(sql`create index on bench_agencies (rn)`);
  const { rows } = await db.execute(sql`select count(*)::int as n from bench_agencies`);
  const pool = rows[0].n;
  const started = performance.now();
  const at = now.toISOString();
  for (let from = 1; from <= count; from += 100_000) {
    const to = Math.min(count, from + 99_999);
    await db.execute(sql`
      with picked as (
        select g, (abs(hashint4(g)) % ${pool}) + 1 as rn, abs(hashint4(g * 7 + 3)) % 100 as s, abs(hashint4(g * 13 + 5)) % 360 as d
        from generate_series(${from}::int, ${to}::int) g
      ), made as (
        insert into tasks (id, title, text, status, deadline, due_at, unit_id, province_id, district_id, commune_id, percent, created_at, confirmed_at)
        select p.g, 'Nhiệm vụ ' || p.g, 'Triển khai nhiệm vụ phòng, chống dịch số ' || p.g,
          case when p.s < 50 then 'open' when p.s < 80 then 'in_progress' when p.s < 95 then 'done' else 'cancelled' end,
          jsonb_build_object('kind', 'fixed', 'due', to_char(${at}::timestamptz + (p.d - 120) * interval '1 day', 'YYYY-MM-DD')),
          ${at}::timestamptz + (p.d - 120) * interval '1 day',
          a.owner_id, a.province_id, case when a.level = 'commune' then a.district_id end, null,
          case when p.s >= 80 and p.s < 95 then 100 when p.s >= 50 then p.s - 40 else 0 end,
          ${at}::timestamptz - interval '200 days', ${at}::timestamptz - interval '200 days'
        from picked p join bench_agencies a on a.rn = p.rn
        returning id, status, due_at, percent
      )
      insert into assignments (task_id, agency_id, role, status, percent, due_at, province_id, district_id, commune_id)
      select m.id, a.id, 'lead', m.status, m.percent, m.due_at, a.province_id, a.district_id, a.commune_id
      from made m join picked p on p.g = m.id join bench_agencies a on a.rn = p.rn
      union all
      select m.id, a.id, 'support', m.status, m.percent, m.due_at, a.province_id, a.district_id, a.commune_id
      from made m join picked p on p.g = m.id join bench_agencies a on a.rn = (p.rn % ${pool}) + 1
      where p.g % 3 <> 0
      on conflict do nothing`);
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('tasks', 'id'), ${count})`);
  await db.execute(sql`drop table bench_agencies`);
  await db.execute(sql`vacuum analyze tasks`);
  await db.execute(sql`vacuum analyze assignments`);
  await db.execute(sql`vacuum analyze task_units`);
  const seconds = (performance.now() - started) / 1000;
  const counted = await db.execute(sql`select (select count(*) from tasks)::int as tasks, (select count(*) from assignments)::int as assignments`);
  return { seconds, ...counted.rows[0] };
}
