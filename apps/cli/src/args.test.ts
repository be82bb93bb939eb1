import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";

describe("parseCliArgs", () => {
  it("reads parse with every option", () => {
    const r = parseCliArgs(["parse", "--json", "--ocr", "never", "--no-cache", "--max-bytes", "1000", "a.txt", "dir/"]);
    expect(r).toEqual({
      ok: true,
      command: { kind: "parse", options: { json: true, ocr: "never", cache: false, maxBytes: 1000, paths: ["a.txt", "dir/"] } },
    });
  });

  it("defaults: summary, ocr auto, cache on, no size limit", () => {
    const r = parseCliArgs(["parse", "x.pdf"]);
    expect(r.ok && r.command).toEqual({ kind: "parse", options: { json: false, ocr: "auto", cache: true, maxBytes: undefined, paths: ["x.pdf"] } });
  });

  it.each([
    [["--help"], "main"],
    [["-h"], "main"],
    [["help"], "main"],
    [["help", "parse"], "parse"],
    [["parse", "--help"], "parse"],
  ])("%j asks for help on %s", (argv, topic) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, command: { kind: "help", topic } });
  });

  it("reads --version", () => {
    expect(parseCliArgs(["--version"])).toEqual({ ok: true, command: { kind: "version" } });
  });

  it.each([
    [[]],
    [["frobnicate"]],
    [["help", "nope"]],
    [["parse"]],
    [["parse", "--ocr", "sometimes", "a.txt"]],
    [["parse", "--ocr"]],
    [["parse", "--max-bytes", "10MB", "a.txt"]],
    [["parse", "--max-bytes", "0", "a.txt"]],
    [["parse", "--bogus", "a.txt"]],
    [["parse", "--json=yes", "a.txt"]],
  ])("%j is a usage error with both languages", (argv) => {
    const r = parseCliArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.vi.length).toBeGreaterThan(0);
      expect(r.error.en.length).toBeGreaterThan(0);
    }
  });

  it("names the unknown option", () => {
    const r = parseCliArgs(["parse", "--bogus", "a.txt"]);
    expect(!r.ok && r.error.vi).toContain("--bogus");
  });
});
