/**
 * vitest globalSetup: starts a private PostgreSQL cluster (scripts/pg-cluster.mjs) for the
 * integration tests and stops it afterwards. Without the server binaries the server runs are
 * skipped and a line says so, unless CHIDAO_REQUIRE_SERVER=1 (CI, where .ci/run installs them).
 */
import { startCluster } from "../../scripts/pg-cluster.mjs";

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.CHIDAO_TEST_DATABASE_URL || process.env.CHIDAO_TEST_SERVER === "off") return undefined;
  const cluster = await startCluster();
  if (!cluster) {
    if (process.env.CHIDAO_REQUIRE_SERVER === "1") throw new Error("CHIDAO_REQUIRE_SERVER=1 but no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
    console.warn("[tests] PostgreSQL server binaries not found (apt-get install postgresql): server-backend tests are skipped; PGlite tests run.");
    return undefined;
  }
  process.env.CHIDAO_TEST_DATABASE_URL = cluster.url;
  console.log(`[tests] PostgreSQL ${cluster.version} test cluster at ${cluster.url}`);
  return () => cluster.stop();
}
