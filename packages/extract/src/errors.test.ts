/** Every failure is a ChidaoError with a code and both messages, and no stack or tool dump in them. */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChidaoError } from "@chidao/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractBuffer, extractFile, type ExtractOptions } from "./index.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chidao-errors-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ChidaoError);
  const err = e as ChidaoError;
  for (const msg of [err.vi, err.en]) {
    expect(msg.length).toBeGreaterThan(10);
    expect(msg).not.toMatch(/\n\s+at |Error:/); // no stack trace, no raw exception text
  }
  return err.code;
}

async function fileWith(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const extract = (name: string, bytes: Uint8Array | string, opts?: ExtractOptions) => fileWith(name, bytes).then((p) => extractFile(p, opts));

describe("extract errors", () => {
  it("FILE_NOT_FOUND for a missing path", async () => {
    expect(await codeOf(extractFile(join(dir, "khong-co.txt")))).toBe("FILE_NOT_FOUND");
  });

  it("FILE_UNREADABLE for a directory", async () => {
    expect(await codeOf(extractFile(dir))).toBe("FILE_UNREADABLE");
  });

  it.skipIf(process.getuid?.() === 0)("FILE_UNREADABLE without read permission", async () => {
    const path = await fileWith("secret.txt", "abc");
    await chmod(path, 0o000);
    expect(await codeOf(extractFile(path))).toBe("FILE_UNREADABLE");
  });

  it("FILE_EMPTY for a 0-byte file and an empty buffer", async () => {
    expect(await codeOf(extract("empty.txt", ""))).toBe("FILE_EMPTY");
    expect(await codeOf(extractBuffer(new Uint8Array(), "x.pdf"))).toBe("FILE_EMPTY");
  });

  it("FILE_TOO_LARGE from the file size, before reading", async () => {
    expect(await codeOf(extract("big.txt", "x".repeat(2000), { maxBytes: 1000 }))).toBe("FILE_TOO_LARGE");
    expect(await codeOf(extractBuffer(new Uint8Array(2000), "big.pdf", { maxBytes: 1000 }))).toBe("FILE_TOO_LARGE");
  });

  it("FILE_BINARY for NUL bytes or control bytes in a .txt", async () => {
    expect(await codeOf(extract("img.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])))).toBe("FILE_BINARY");
    expect(await codeOf(extract("ctl.md", new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0x02)))))).toBe("FILE_BINARY");
  });

  it("FORMAT_UNSUPPORTED for .doc, .xlsx and unknown files", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await codeOf(extract("cu.doc", ole))).toBe("FORMAT_UNSUPPORTED");
    expect(await codeOf(extract("bang.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe("FORMAT_UNSUPPORTED");
    expect(await codeOf(extract("anh.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])))).toBe("FORMAT_UNSUPPORTED");
  });

  it("FORMAT_CORRUPT for a broken .docx", async () => {
    expect(await codeOf(extract("hong.docx", "this is not a zip"))).toBe("FORMAT_CORRUPT");
    const truncatedZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml garbage")]);
    expect(await codeOf(extract("cut.docx", truncatedZip))).toBe("FORMAT_CORRUPT");
  });

  it("FORMAT_CORRUPT for a broken .pdf", async () => {
    expect(await codeOf(extract("hong.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"))).toBe("FORMAT_CORRUPT");
  });

  it("keeps the cause in details, not in the message", async () => {
    const e = await extract("hong2.docx", "not a zip").catch((err: ChidaoError) => err);
    expect((e as ChidaoError).details).toMatchObject({ format: "docx" });
    expect(JSON.stringify((e as ChidaoError).toJSON())).toContain("FORMAT_CORRUPT");
  });
});
