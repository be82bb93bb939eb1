/**
 * vitest globalSetup: starts a private PostgreSQL cluster (Debian's `postgresql` binaries) on a
 * free loopback port for the integration tests, and stops it afterwards. Without the binaries the
 * server runs are skipped and a line says so; CI installs them (.ci/run), so there they run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

function binDir(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(PG_ROOT, versions[0], "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** initdb and postgres refuse to run as root: run them as the `postgres` user Debian creates. */
function run(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot ? spawnSync("runuser", ["-u", "postgres", "--", bin, ...args], { encoding: "utf8" }) : spawnSync(bin, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.CHIDAO_TEST_DATABASE_URL) return undefined;
  if (process.env.CHIDAO_TEST_SERVER === "off") return undefined;
  const bin = binDir();
  if (!bin) {
    console.warn("[tests] PostgreSQL server binaries not found (apt-get install postgresql): server-backend tests are skipped; PGlite tests run.");
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "chidao-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  run(join(bin, "initdb"), ["-D", data, "-U", "chidao", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
  run(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, "start"]);
  process.env.CHIDAO_TEST_DATABASE_URL = `postgres://chidao@127.0.0.1:${port}/postgres`;
  console.log(`[tests] PostgreSQL ${bin.split("/").at(-2)} test cluster on 127.0.0.1:${port}`);
  return () => {
    try {
      run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
