/**
 * A data/units folder cut down to some provinces, for integration tests: the real rows of the
 * 2021 and 2025 lists and of the mappings whose (old) province is one of `provinceCodes`, so a
 * test imports in a second instead of the minute the whole country takes on PGlite.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const UNITS_DATA_DIR = fileURLToPath(new URL("../../data/units", import.meta.url));

/** Which column holds the province code that decides whether a row is kept. */
const FILES: readonly (readonly [string, number])[] = [
  ["units_2021-11-01_flat.csv", 3],
  ["units_2025-07-01_flat.csv", 3],
  ["mapping/province_63_to_34.csv", 0],
  ["mapping/commune_2025-03_to_2025-07.csv", 0],
];

export function unitsSubset(provinceCodes: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "chidao-units-"));
  mkdirSync(join(dir, "mapping"));
  for (const [file, column] of FILES) {
    const [header, ...lines] = readFileSync(join(UNITS_DATA_DIR, file), "utf8").split("\r\n").filter(Boolean);
    const kept = lines.filter((line) => provinceCodes.includes(line.split(",")[column] ?? ""));
    writeFileSync(join(dir, file), [header, ...kept, ""].join("\r\n"));
  }
  return dir;
}
