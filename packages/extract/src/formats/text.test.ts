import { describe, expect, it } from "vitest";
import { extractBuffer } from "../index.js";
import { looksBinary, withUtf16Bom } from "./text.js";

const VI = "Số: 62/TWĐTN-VP\nKính gửi: Các tỉnh đoàn\n";

describe("plain text adapter", () => {
  it("reads UTF-16 BE with a BOM and LE without one", async () => {
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(VI, "utf16le").swap16()]);
    expect((await extractBuffer(be, "a.txt")).text).toBe(VI.trimEnd());
    const le = new Uint8Array(Buffer.from(VI, "utf16le"));
    const r = await extractBuffer(le, "a.txt");
    expect(r.text).toBe(VI.trimEnd());
    expect(r.encoding).toBe("utf-16le");
  });

  it("keeps Markdown markup for the parser to strip", async () => {
    const r = await extractBuffer(new TextEncoder().encode("# Chỉ thị\n\n**Kính gửi:** Sở Y tế  \n"), "a.md");
    expect(r.text).toBe("# Chỉ thị\n\n**Kính gửi:** Sở Y tế");
    expect(r.format).toBe("md");
  });

  it("normalizes to NFC, LF, no BOM, no trailing spaces, keeping form feeds", async () => {
    const src = "\ufeffHà Nội  \r\nTrang 1\r\n\fTrang 2".normalize("NFD");
    const r = await extractBuffer(new TextEncoder().encode(src), "a.txt");
    expect(r.text).toBe("Hà Nội\nTrang 1\n\fTrang 2");
  });

  it("tells binary from text", () => {
    expect(looksBinary(new TextEncoder().encode(VI))).toBe(false);
    expect(looksBinary(new Uint8Array([0x41, 0, 0x42]))).toBe(true);
    expect(looksBinary(withUtf16Bom(new Uint8Array(Buffer.from(VI, "utf16le"))))).toBe(false);
    expect(looksBinary(new TextEncoder().encode("\x1b[1mESC is fine\t\f"))).toBe(false);
  });
});
