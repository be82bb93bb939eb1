/**
 * The real executable: bin/chidao.js → dist/main.js, spawned as a user would run it.
 * Skipped (with the reason in its title) when dist is missing or older than src: run `npx tsc -b`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, SAMPLE_CV } from "./__tests__/helpers.js";

const cliRoot = fileURLToPath(new URL("..", import.meta.url));
const bin = join(cliRoot, "bin", "chidao.js");
const distMain = join(cliRoot, "dist", "main.js");

/** Built after the last source change: tsc -b rewrites the build info on every build that did work. */
function distIsFresh(): boolean {
  const built = [distMain, join(cliRoot, "tsconfig.tsbuildinfo")].filter(existsSync);
  if (!existsSync(distMain)) return false;
  const src = join(cliRoot, "src");
  const newestSrc = Math.max(...readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("__tests__"))
    .map((f) => statSync(join(src, f)).mtimeMs));
  return Math.max(...built.map((f) => statSync(f).mtimeMs)) >= newestSrc;
}

const fresh = distIsFresh();

describe.skipIf(!fresh)(`bin/chidao.js (${fresh ? "dist is built" : "SKIPPED: dist missing or stale, run npx tsc -b"})`, () => {
  const tree = makeTree({ "a.txt": SAMPLE_CV });
  afterAll(() => tree.cleanup());
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, CHIDAO_DEBUG: "" } });

  it("parse --json prints one JSON object and exits 0", () => {
    const r = run("parse", "--json", tree.path("a.txt"));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: { file: tree.path("a.txt"), format: "txt" } });
  });

  it("a missing file exits 3 with a one-line bilingual message and no stack", () => {
    const r = run("parse", tree.path("nope.txt"));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^chidao: .*nope\.txt.* \(.+\)\n$/);
  });

  it("a usage error exits 2", () => {
    expect(run("parse", "--what").status).toBe(2);
  });
});
