import { afterAll, describe, expect, it } from "vitest";
import { captureIo, jsonLines, makeTree, SAMPLE_CV } from "./__tests__/helpers.js";
import { main } from "./main.js";

describe("chidao (in process)", () => {
  it("--help prints usage and exits 0", async () => {
    const c = captureIo();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.stdout()).toContain("chidao parse");
    expect(c.stderr()).toBe("");
  });

  it("help parse documents every option", async () => {
    const c = captureIo();
    expect(await main(["help", "parse"], c.io)).toBe(0);
    for (const opt of ["--json", "--ocr", "--no-cache", "--max-bytes"]) expect(c.stdout()).toContain(opt);
  });

  it("--version names the CLI and the parser", async () => {
    const c = captureIo();
    expect(await main(["--version"], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/^chidao \d+\.\d+\.\d+ \(parser \d+\.\d+\.\d+\)\n$/);
  });

  it.each([[[]], [["parse"]], [["parse", "--ocr", "maybe", "a.txt"]], [["nope"]]])(
    "usage error %j exits 2 with a bilingual line and nothing on stdout",
    async (argv) => {
      const c = captureIo();
      expect(await main(argv, c.io)).toBe(2);
      expect(c.stdout()).toBe("");
      expect(c.stderr()).toMatch(/^chidao: .+ \(.+\)\n/);
    },
  );
});

describe("chidao parse (in process)", () => {
  const tree = makeTree({
    "docs/a.txt": SAMPLE_CV,
    "docs/sub/b.md": SAMPLE_CV.replace("115/UBND-KGVX", "116/UBND-KGVX"),
    "docs/.hidden.txt": SAMPLE_CV,
    "docs/skip.xyz": "not read",
    "bad/empty.txt": "",
    "bad/binary.txt": new Uint8Array([0, 1, 2, 3, 0, 255, 254, 0, 0, 0, 7, 8, 0, 0]),
    "bad/corrupt.docx": "this is not a zip archive",
    "bad/notes.xyz": "unsupported",
  });
  afterAll(() => tree.cleanup());

  it("--json with one file prints one JSON object with source filled", async () => {
    const c = captureIo();
    const file = tree.path("docs/a.txt");
    expect(await main(["parse", "--json", file], c.io)).toBe(0);
    const record = JSON.parse(c.stdout()) as { source: Record<string, unknown>; text: string };
    expect(record.source).toMatchObject({ file, format: "txt", ocr: false, bytes: Buffer.byteLength(SAMPLE_CV) });
    expect(record.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof record.source.encoding).toBe("string");
    expect(record.text).toContain("115/UBND-KGVX");
    expect(c.stderr()).toBe("");
  });

  it("--json with a directory prints JSON Lines in sorted order, hidden and unsupported files skipped", async () => {
    const c = captureIo();
    expect(await main(["parse", "--json", tree.path("docs")], c.io)).toBe(0);
    const files = jsonLines(c.stdout()).map((r) => (r.source as { file: string }).file);
    expect(files).toEqual([tree.path("docs/a.txt"), tree.path("docs/sub/b.md")]);
  });

  it("a directory holding one file is still a batch (JSON Lines)", async () => {
    const c = captureIo();
    await main(["parse", "--json", tree.path("docs/sub")], c.io);
    expect(c.stdout().trim().split("\n")).toHaveLength(1);
    expect(c.stdout().endsWith("}\n")).toBe(true);
  });

  it("bad files in a batch: good records still printed, an error line per bad file, exit 1", async () => {
    const c = captureIo();
    const args = ["a.txt", "missing.txt", "bad/empty.txt", "bad/binary.txt", "bad/corrupt.docx", "bad/notes.xyz"]
      .map((p) => (p === "a.txt" ? tree.path("docs/a.txt") : tree.path(p)));
    expect(await main(["parse", "--json", ...args], c.io)).toBe(1);
    const lines = jsonLines(c.stdout());
    expect(lines.map((l) => (l.source as { file: string }).file)).toEqual(args);
    expect(lines[0]).toHaveProperty("text");
    for (const bad of lines.slice(1)) {
      expect(bad.error).toMatchObject({ code: expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } });
    }
    expect((lines[1]?.error as { code: string }).code).toBe("FILE_NOT_FOUND");
    expect(c.stderr().trim().split("\n")).toHaveLength(5);
    expect(c.stderr()).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it("nothing parsed: exit 3", async () => {
    const c = captureIo();
    expect(await main(["parse", tree.path("missing.txt"), tree.path("bad/empty.txt")], c.io)).toBe(3);
    expect(c.stderr()).toMatch(/^chidao: .*missing\.txt.* \(.+\)$/m);
  });

  it("a single bad file with --json: message on stderr only, exit 3", async () => {
    const c = captureIo();
    expect(await main(["parse", "--json", tree.path("missing.txt")], c.io)).toBe(3);
    expect(c.stdout()).toBe("");
    expect(c.stderr().trim().split("\n")).toHaveLength(1);
  });

  it("a directory with no readable formats: exit 3 with a message", async () => {
    const empty = makeTree({ "x.xyz": "x" });
    const c = captureIo();
    expect(await main(["parse", empty.root], c.io)).toBe(3);
    expect(c.stderr()).toContain("(No input files found)");
    empty.cleanup();
  });

  it("--max-bytes rejects a larger file", async () => {
    const c = captureIo();
    expect(await main(["parse", "--json", "--max-bytes", "10", tree.path("docs/a.txt")], c.io)).toBe(3);
    expect(c.stderr()).toContain("a.txt");
    expect(c.stdout()).toBe("");
  });

  it("without --json prints the Vietnamese summary and a tally", async () => {
    const c = captureIo();
    expect(await main(["parse", tree.path("docs"), tree.path("missing.txt")], c.io)).toBe(1);
    const out = c.stdout();
    for (const label of ["Hệ thống", "Cơ quan ban hành", "Số, ký hiệu", "Loại", "Ngày", "Trích yếu", "Kính gửi", "Người ký", "Nơi nhận", "Nhiệm vụ", "Cảnh báo"]) {
      expect(out).toContain(label);
    }
    expect(out).toContain("[1/3]");
    expect(out).toMatch(/Tổng cộng: 3 văn bản · 2 đọc được · 1 lỗi/);
    expect(c.stderr()).toContain("missing.txt");
  });

  it("draws a progress bar on a terminal stderr for several files, never on stdout", async () => {
    const c = captureIo({ isTTY: true, columns: 80 });
    expect(await main(["parse", "--json", tree.path("docs"), tree.path("missing.txt")], c.io)).toBe(1);
    expect(c.stderr()).toContain("tệp");
    expect(c.stderr()).toContain("missing.txt");
    expect(() => jsonLines(c.stdout())).not.toThrow();
  });

  it("no progress bar for one file, even on a terminal", async () => {
    const c = captureIo({ isTTY: true });
    expect(await main(["parse", "--json", tree.path("docs/a.txt")], c.io)).toBe(0);
    expect(c.stderr()).toBe("");
  });
});
