import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect.js";

const ascii = (s: string) => new TextEncoder().encode(s);

describe("detectFormat", () => {
  it("trusts magic bytes over the file name", () => {
    expect(detectFormat(ascii("%PDF-1.7\n..."), "van-ban.txt")).toBe("pdf");
    expect(detectFormat(ascii("\r\n%PDF-1.4"), "x.bin")).toBe("pdf");
    expect(detectFormat(ascii("PK\x03\x04....word/document.xml...."), "x.zip")).toBe("docx");
    expect(detectFormat(ascii("<!DOCTYPE html><html>"), "x.doc")).toBe("html");
    expect(detectFormat(ascii('<div class="content"><p>Số: 1</p></div>'), "x.txt")).toBe("html");
    expect(detectFormat(ascii("\ufeff  <html lang=vi>"), "x")).toBe("html");
    expect(detectFormat(new Uint8Array([0xff, 0xfe, ...Buffer.from("<html>", "utf16le")]), "x.txt")).toBe("html");
  });

  it("falls back to the extension", () => {
    expect(detectFormat(ascii("Số: 12/UBND"), "a.TXT")).toBe("txt");
    expect(detectFormat(ascii("# Chỉ thị"), "a.md")).toBe("md");
    expect(detectFormat(ascii("plain"), "a.htm")).toBe("html");
    expect(detectFormat(ascii("PK\x03\x04 broken"), "a.docx")).toBe("docx"); // reported later as FORMAT_CORRUPT
  });

  it("lets Markdown open with an HTML block", () => {
    expect(detectFormat(ascii('<div align="center">\n\n# Công văn\n</div>'), "README.md")).toBe("md");
  });

  it("treats an extension-less text file as text", () => {
    expect(detectFormat(ascii("Kính gửi: Sở Y tế"), "congvan")).toBe("txt");
  });

  it("returns null for what it cannot read", () => {
    expect(detectFormat(ascii("PK\x03\x04 xl/workbook.xml"), "a.xlsx")).toBeNull();
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "a.doc")).toBeNull();
    expect(detectFormat(ascii("{\\rtf1\\ansi"), "a.rtf")).toBeNull();
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0, 1]), "anh")).toBeNull();
    expect(detectFormat(ascii("abc"), "a.odt")).toBeNull();
  });
});
