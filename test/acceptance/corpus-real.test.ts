/**
 * Acceptance: every document of ../shared/corpus/real (37 real ones, many scanned PDFs) yields
 * a record and no crash. Prints, for the closing note, how many had issuer, code, date and signer.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@chidao/core";
import { extractFile } from "@chidao/extract";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = `${root}../shared/corpus/real`;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(?:md|txt|html?|pdf|docx)$/.test(f)).sort() : [];

describe.skipIf(files.length === 0)("every document of ../shared/corpus/real yields a record", () => {
  it(`parses all ${files.length} documents without a crash`, async () => {
    const rows: string[] = [];
    const found = { issuer: 0, code: 0, date: 0, signer: 0 };
    for (const f of files) {
      const extracted = await extractFile(`${dir}/${f}`, { cacheDir: null });
      const r = parseDocument(extracted.text, { source: { file: f } });
      expect(r.parser.name).toBe("chidao");
      const has = { issuer: !!r.issuer, code: !!r.code, date: !!r.date, signer: !!r.signer.name };
      for (const k of Object.keys(found) as (keyof typeof found)[]) if (has[k]) found[k]++;
      rows.push(`${f}\t${r.issuer?.name ?? "-"}\t${r.code ?? "-"}\t${r.date ?? "-"}\t${r.signer.name ?? "-"}\t${r.tasks.length} tasks${extracted.ocr ? "\tOCR" : ""}`);
    }
    console.log(rows.join("\n"));
    console.log(`corpus/real: ${files.length} documents; issuer ${found.issuer}, code ${found.code}, date ${found.date}, signer ${found.signer}`);
    expect(rows).toHaveLength(files.length);
  }, 1_200_000);
});
