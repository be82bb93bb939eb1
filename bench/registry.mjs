// Registry benchmarks (rows e1–e4 of `npm run bench`, or alone: `node bench/registry.mjs`):
// ingestion of generated documents through the whole pipeline (extract, parse, store, citations,
// resolution) on PGlite and on a PostgreSQL server, and search latency over 100,000 documents on
// the server. CHIDAO_BENCH_SCALE (default 1) scales the document counts for a quick run; the
// rows say what was measured. The server is a private cluster (scripts/pg-cluster.mjs), or
// CHIDAO_BENCH_DATABASE_URL.
import { sql } from "drizzle-orm";
import { ROOT } from "./inputs.mjs";
import { makeCorpus, makeQueries } from "./corpus.mjs";
import { startCluster } from "../scripts/pg-cluster.mjs";

const dist = (p) => import(new URL(`${p}/dist/index.js`, `file://${ROOT}`).href);
const { openDatabase } = await dist("packages/db");
const { Registry, importHierarchy, UNITS_DATA_DIR } = await dist("packages/registry");
const { codeKey, nameKey } = await dist("packages/core");

const SCALE = Number(process.env.CHIDAO_BENCH_SCALE ?? 1);
const INGEST_DOCS = Math.max(50, Math.round(10_000 * SCALE));
const SEARCH_DOCS = Math.max(500, Math.round(100_000 * SCALE));
const TARGET_SEARCH_P95_MS = 50;
/** CHIDAO_BENCH_ONLY=search: only row e4, the index filled without the ingest rows (minutes, not the hour e1/e3 take). */
const SEARCH_ONLY = process.env.CHIDAO_BENCH_ONLY === "search";
const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

async function hierarchyRow(id, label, registry) {
  const started = performance.now();
  const r = await importHierarchy(registry.db, UNITS_DATA_DIR);
  const seconds = (performance.now() - started) / 1000;
  return { id, label, input: "data/units (2021 + 2025 lists)", result: `${fmt(seconds, 1)} s (${fmt(r.inserted.units)} units, ${fmt(r.inserted.agencies)} agencies, ${fmt(r.inserted.successors)} successor links)`, target: "", verdict: "info", raw: { seconds, ...r.inserted } };
}

async function ingestRate(registry, count) {
  const documentAt = makeCorpus(1);
  const started = performance.now();
  let failed = 0;
  for (let i = 0; i < count; i++) {
    try {
      await registry.ingest({ bytes: Buffer.from(documentAt(i).text), fileName: `gen-${i}.txt` });
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { count, seconds, docsPerSec: count / seconds, failed };
}

/** Documents inserted directly (no parse): fills the search index up to `total` rows quickly. */
async function bulkFill(db, from, total) {
  const documentAt = makeCorpus(2);
  for (let start = from; start < total; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(total, start + 500); i++) {
      const d = documentAt(i);
      const f = d.fields;
      rows.push(sql`('stored', ${f.issuer}, ${f.issuer ? nameKey(f.issuer) : null}, ${`${f.code}#${i}`}, ${codeKey(`${f.code}#${i}`)}, ${f.type?.code ?? null}, ${f.type?.name ?? null}, ${f.date}::date, ${f.subject}, ${d.text}, 'bench')`);
    }
    await db.execute(sql`insert into documents (status, issuer, issuer_key, code, code_key, type_code, type_name, date, subject, text, parser_version) values ${sql.join(rows, sql`, `)}`);
  }
  // As autovacuum would on a live server: the visibility map lets index scans skip heap visits.
  await db.execute(sql`vacuum analyze documents, document_search`);
}

async function searchLatency(registry, n = 300) {
  const queries = makeQueries(n + 30);
  for (const q of queries.slice(0, 30)) await registry.search(q); // warm-up
  const times = [];
  for (const q of queries.slice(30)) {
    const t = performance.now();
    await registry.search(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), queries: times.length };
}

async function countDocs(db) {
  const { rows } = await db.execute(sql`select count(*)::int as n from documents where status = 'stored'`);
  return rows[0].n;
}

export async function registryRows() {
  const rows = [];
  if (!SEARCH_ONLY) rows.push(...(await embeddedRows()));
  rows.push(...(await serverRows()));
  return rows;
}

async function embeddedRows() {
  const rows = [];
  // PGlite, in memory.
  const embedded = new Registry(await openDatabase({ dataDir: "memory" }));
  try {
    rows.push(await hierarchyRow("e0", "hierarchy import, PGlite", embedded));
    const r = await ingestRate(embedded, INGEST_DOCS);
    await embedded.maintain(); // what `chidao ingest` does after a batch, and the server every 10 minutes
    rows.push({ id: "e1", label: "ingest, PGlite (whole pipeline)", input: `${fmt(r.count)} generated docs`, result: `${fmt(r.docsPerSec, 1)} docs/s (${fmt(r.seconds, 1)} s; ${r.failed} failed)`, target: "", verdict: "info", raw: r });
    const s = await searchLatency(embedded);
    rows.push({ id: "e2", label: "search, PGlite", input: `${fmt(await countDocs(embedded.db))} docs, ${s.queries} queries`, result: `p50 ${fmt(s.p50, 1)} ms · p95 ${fmt(s.p95, 1)} ms · p99 ${fmt(s.p99, 1)} ms`, target: "", verdict: "info", raw: s });
  } finally {
    await embedded.close();
  }
  return rows;
}

async function serverRows() {
  const rows = [];
  // PostgreSQL server.
  const cluster = process.env.CHIDAO_BENCH_DATABASE_URL ? null : await startCluster({ settings: ["shared_buffers=1GB", "work_mem=32MB"] });
  const url = process.env.CHIDAO_BENCH_DATABASE_URL ?? cluster?.url;
  if (!url) {
    rows.push({ id: "e0s", label: "hierarchy import, PostgreSQL server", input: "—", result: "skipped: no server", target: "", verdict: "skip" });
    rows.push({ id: "e3", label: "ingest, PostgreSQL server", input: "—", result: "skipped: no server (apt-get install postgresql)", target: "", verdict: "skip" });
    rows.push({ id: "e4", label: "search, PostgreSQL server", input: "—", result: "skipped: no server", target: `p95 < ${TARGET_SEARCH_P95_MS} ms`, verdict: "skip" });
    return rows;
  }
  const server = new Registry(await openDatabase({ url }));
  try {
    await server.db.execute(sql`truncate documents, files, document_files, citations, mentions, mention_agencies, units, unit_successors, agencies, agency_aliases cascade`);
    if (!SEARCH_ONLY) {
      rows.push(await hierarchyRow("e0s", "hierarchy import, PostgreSQL server", server));
      const r = await ingestRate(server, INGEST_DOCS);
      rows.push({ id: "e3", label: "ingest, PostgreSQL server", input: `${fmt(r.count)} generated docs`, result: `${fmt(r.docsPerSec, 1)} docs/s (${fmt(r.seconds, 1)} s; ${r.failed} failed)`, target: "", verdict: "info", raw: r });
    }
    const fillStarted = performance.now();
    await bulkFill(server.db, SEARCH_ONLY ? 0 : INGEST_DOCS, SEARCH_DOCS);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const s = await searchLatency(server);
    const verdict = s.p95 < TARGET_SEARCH_P95_MS ? "PASS" : "FAIL";
    rows.push({ id: "e4", label: "search, PostgreSQL server", input: `${fmt(await countDocs(server.db))} docs, ${s.queries} queries`, result: `p50 ${fmt(s.p50, 1)} ms · p95 ${fmt(s.p95, 1)} ms · p99 ${fmt(s.p99, 1)} ms (index filled in ${fmt(fillSeconds, 0)} s)`, target: `p95 < ${TARGET_SEARCH_P95_MS} ms`, verdict, raw: s });
  } finally {
    await server.close();
    cluster?.stop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await registryRows();
  for (const r of rows) console.log(`${r.id}  ${r.label.padEnd(34)} ${r.input.padEnd(28)} ${r.result}  ${r.target} ${r.verdict}`);
}
