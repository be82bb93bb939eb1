// `node bench/hierarchy-import.mjs`: imports data/units (the 2021 and 2025 unit lists, the 2025
// mappings, every unit's standing agencies and their aliases) into a fresh in-memory PGlite, and
// into a PostgreSQL server when CHIDAO_BENCH_DATABASE_URL is set (the import is idempotent there:
// on a database that already holds the hierarchy it measures a no-op run). Runs on the built JS:
// `npx tsc -b` first. Prints the time of a first and a second (no-op) run and the row counts.
import { join } from "node:path";
import { ROOT } from "./inputs.mjs";

const { openDatabase } = await import(new URL("packages/db/dist/index.js", `file://${ROOT}`).href);
const { importHierarchy } = await import(new URL("packages/registry/dist/index.js", `file://${ROOT}`).href);
const { sql } = await import(new URL("node_modules/drizzle-orm/index.js", `file://${ROOT}`).href);

const DATA_DIR = join(ROOT, "data/units");
const TABLES = ["units", "unit_successors", "agencies", "agency_aliases"];

async function counts(db) {
  const out = {};
  for (const table of TABLES) out[table] = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0].n;
  return out;
}

async function bench(label, options) {
  const database = await openDatabase(options);
  try {
    const runs = [];
    for (const run of ["first", "second"]) {
      const t0 = performance.now();
      const result = await importHierarchy(database.db, DATA_DIR);
      runs.push({ run, ms: Math.round(performance.now() - t0), inserted: result.inserted, skippedLinks: result.skippedLinks });
    }
    const rows = await counts(database.db);
    console.log(`\n${label} (${database.location})`);
    for (const r of runs) console.log(`  ${r.run} run: ${(r.ms / 1000).toFixed(1)} s, inserted ${JSON.stringify(r.inserted)}, mapping links skipped ${r.skippedLinks}`);
    console.log(`  rows: ${TABLES.map((t) => `${t} ${rows[t].toLocaleString("en-US")}`).join(" · ")}`);
    return { label, runs, rows };
  } finally {
    await database.close();
  }
}

const results = [await bench("PGlite, in memory", { dataDir: "memory" })];
const url = process.env.CHIDAO_BENCH_DATABASE_URL;
if (url) results.push(await bench("PostgreSQL server", { url }));
else console.log("\n(set CHIDAO_BENCH_DATABASE_URL to measure a PostgreSQL server too)");
