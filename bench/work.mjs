// Task-tracker benchmarks (rows f0–f3 of `npm run bench`, or alone: `node bench/work.mjs`), on a
// PostgreSQL server with 1,000,000 tasks over the 2021 hierarchy (bench/work-data.mjs):
// an agency's open-task list, a province's overdue roll-up, and the task-list API under load
// (autocannon on loopback, bounded in time). CHIDAO_BENCH_SCALE scales the task count.
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { ROOT } from "./inputs.mjs";
import { generateTasks } from "./work-data.mjs";
import { startCluster } from "../scripts/pg-cluster.mjs";

const dist = (p) => import(new URL(`${p}/dist/index.js`, `file://${ROOT}`).href);
const { openDatabase } = await dist("packages/db");
const { Registry, importHierarchy, UNITS_DATA_DIR } = await dist("packages/registry");
const { agencyOpenTasks, overdueByAgency, scopeOf, ensureFirstAdmin, createToken, createUser, actorOf, findUserByName } = await dist("packages/work");
const { buildApp } = await dist("apps/server");

const SCALE = Number(process.env.CHIDAO_BENCH_SCALE ?? 1);
const TASKS = Math.max(10_000, Math.round(1_000_000 * SCALE));
const TARGET_AGENCY_P95_MS = 20;
const TARGET_ROLLUP_P95_MS = 100;
const API_SECONDS = 10;
const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

function percentiles(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

async function timed(calls) {
  const times = [];
  for (const call of calls) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  return percentiles(times);
}

/** Agencies with work, busiest and quietest alike, each as its own member would ask. */
async function agencyActors(db, n) {
  const { rows } = await db.execute(sql`select agency_id from assignments where status in ('open', 'in_progress') group by agency_id order by hashint4(agency_id) limit ${n}`);
  const actors = [];
  for (const r of rows) actors.push({ userId: null, name: "bench", role: "agency_member", scope: await scopeOf(db, { unitId: null, agencyId: r.agency_id }) });
  return actors;
}

async function provinceActors(db) {
  const { rows } = await db.execute(sql`select id from units where level = 'province' and list = '2021-11-01' order by code`);
  const actors = [];
  for (const r of rows) actors.push({ userId: null, name: "bench", role: "office", scope: await scopeOf(db, { unitId: r.id, agencyId: null }) });
  return actors;
}

async function apiThroughput(registry, province) {
  await ensureFirstAdmin(registry.db, "bench-admin-password");
  const admin = await actorOf(registry.db, await findUserByName(registry.db, "admin"));
  const office = await createUser({ db: registry.db, actor: admin }, { username: "bench.office", role: "office", unitId: province });
  const { token } = await createToken({ db: registry.db, actor: admin }, office.id, "bench");
  const app = await buildApp(registry);
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const url = `http://127.0.0.1:${app.server.address().port}/api/tasks?status=open&limit=50`;
    const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (probe.status !== 200) throw new Error(`GET /api/tasks answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    const result = await autocannon({ url, connections: 10, duration: API_SECONDS, headers: { authorization: `Bearer ${token}` } });
    return { requestsPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
  } finally {
    await app.close();
  }
}

export async function workRows() {
  const cluster = process.env.CHIDAO_BENCH_DATABASE_URL ? null : await startCluster({ settings: ["shared_buffers=1GB", "work_mem=32MB"] });
  const url = process.env.CHIDAO_BENCH_DATABASE_URL ?? cluster?.url;
  if (!url) {
    return ["f0", "f1", "f2", "f3"].map((id) => ({ id, label: "task tracker, PostgreSQL server", input: "—", result: "skipped: no server (apt-get install postgresql)", target: "", verdict: "skip" }));
  }
  const registry = new Registry(await openDatabase({ url }));
  const rows = [];
  try {
    await registry.db.execute(sql`truncate tasks, assignments, reports, reminders, sessions, api_tokens, users, documents, files, document_files, citations, mentions, mention_agencies, units, unit_successors, agencies, agency_aliases cascade`);
    await importHierarchy(registry.db, UNITS_DATA_DIR);
    const made = await generateTasks(registry.db, TASKS);
    rows.push({ id: "f0", label: "generate tasks (server-side SQL)", input: "2021 hierarchy", result: `${fmt(made.tasks)} tasks, ${fmt(made.assignments)} shares in ${fmt(made.seconds, 0)} s`, target: "", verdict: "info", raw: made });
    const agencies = await agencyActors(registry.db, 330);
    for (const actor of agencies.slice(0, 30)) await agencyOpenTasks({ db: registry.db, actor }, { limit: 50 });
    const a = await timed(agencies.slice(30).map((actor) => () => agencyOpenTasks({ db: registry.db, actor }, { limit: 50 })));
    rows.push({ id: "f1", label: "an agency's open-task list", input: `${fmt(a.n)} agencies, page of 50`, result: `p50 ${fmt(a.p50, 1)} ms · p95 ${fmt(a.p95, 1)} ms · p99 ${fmt(a.p99, 1)} ms`, target: `p95 < ${TARGET_AGENCY_P95_MS} ms`, verdict: a.p95 < TARGET_AGENCY_P95_MS ? "PASS" : "FAIL", raw: a });
    const provinces = await provinceActors(registry.db);
    for (const actor of provinces.slice(0, 5)) await overdueByAgency({ db: registry.db, actor }, {});
    const rounds = [...provinces, ...provinces, ...provinces];
    const r = await timed(rounds.map((actor) => () => overdueByAgency({ db: registry.db, actor }, {})));
    rows.push({ id: "f2", label: "a province's overdue roll-up by agency", input: `${provinces.length} provinces × 3`, result: `p50 ${fmt(r.p50, 1)} ms · p95 ${fmt(r.p95, 1)} ms · p99 ${fmt(r.p99, 1)} ms`, target: `p95 < ${TARGET_ROLLUP_P95_MS} ms`, verdict: r.p95 < TARGET_ROLLUP_P95_MS ? "PASS" : "FAIL", raw: r });
    const api = await apiThroughput(registry, provinces[0].scope.provinceId);
    rows.push({ id: "f3", label: "GET /api/tasks (a province office)", input: `autocannon, 10 connections, ${API_SECONDS} s`, result: `${fmt(api.requestsPerSec, 0)} req/s · p50 ${fmt(api.p50, 0)} ms · p99 ${fmt(api.p99, 0)} ms · ${api.errors} errors`, target: "", verdict: api.errors === 0 ? "info" : "FAIL", raw: api });
  } finally {
    await registry.close();
    cluster?.stop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await workRows();
  for (const r of rows) console.log(`${r.id}  ${r.label.padEnd(40)} ${r.input.padEnd(30)} ${r.result}  ${r.target} ${r.verdict}`);
}
