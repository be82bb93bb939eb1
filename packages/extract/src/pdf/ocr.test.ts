import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCache, writeCache, type CacheKey } from "./cache.js";
import { cleanOcrText } from "./ocr.js";

describe("cleanOcrText", () => {
  it("drops form feeds, trailing spaces and blank edges; composes to NFC", () => {
    expect(cleanOcrText("\n\nHa\u0300 Nô\u0323i  \n\nTrang\f\n\n")).toBe("Hà Nội\n\nTrang");
  });
});

describe("OCR cache", () => {
  const key: CacheKey = { sha256: "ab".repeat(32), tesseractVersion: "tesseract 5.3.0", dpi: 300, language: "vie" };

  it("round-trips page texts and separates keys by dpi and version", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chidao-cache-"));
    try {
      expect(await readCache(dir, key)).toEqual({});
      expect(await writeCache(dir, key, { "1": "Trang một" })).toBe(true);
      expect(await readCache(dir, key)).toEqual({ "1": "Trang một" });
      expect(await readCache(dir, { ...key, dpi: 250 })).toEqual({});
      expect(await readCache(dir, { ...key, tesseractVersion: "tesseract 5.4.0" })).toEqual({});
      expect((await readdir(join(dir, "ocr"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports failure instead of throwing when the folder cannot be created", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chidao-cache-"));
    try {
      await writeFile(join(dir, "file"), "x");
      expect(await writeCache(join(dir, "file", "sub"), key, { "1": "x" })).toBe(false); // ENOTDIR
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
