/** Our own bugs: reported as INTERNAL with a generic bilingual message; the stack only on request. */
import { afterAll, describe, expect, it, vi } from "vitest";
import { captureIo, jsonLines, makeTree, SAMPLE_CV } from "./__tests__/helpers.js";
import { main } from "./main.js";

vi.mock("@chidao/core", async (importOriginal) => {
  const core = await importOriginal<typeof import("@chidao/core")>();
  return {
    ...core,
    parseDocument: (text: string, options?: Parameters<typeof core.parseDocument>[1]) => {
      if (text.includes("BOOM")) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return core.parseDocument(text, options);
    },
  };
});

describe("unexpected exceptions", () => {
  const tree = makeTree({ "a.txt": SAMPLE_CV, "b.txt": `${SAMPLE_CV}\nBOOM\n` });
  afterAll(() => tree.cleanup());

  it("a parser crash on one file is INTERNAL for that file only; the batch goes on", async () => {
    const c = captureIo();
    expect(await main(["parse", "--json", tree.root], c.io)).toBe(1);
    const [good, bad] = jsonLines(c.stdout());
    expect(good).toHaveProperty("text");
    expect(bad).toMatchObject({ source: { file: tree.path("b.txt") }, error: { code: "INTERNAL" } });
    expect(c.stderr()).toMatch(/b\.txt: Lỗi nội bộ .+ \(Internal .+\)\n$/);
    expect(c.stderr()).not.toContain("Cannot read properties");
  });

  it("CHIDAO_DEBUG=1 adds the stack", async () => {
    const c = captureIo({ env: { CHIDAO_DEBUG: "1" } });
    await main(["parse", tree.path("b.txt")], c.io);
    expect(c.stderr()).toContain("TypeError: Cannot read properties");
    expect(c.stderr()).toMatch(/\n\s+at /);
  });

  it("a crash outside any file is caught by main: exit 3, generic message, no stack", async () => {
    const c = captureIo();
    c.io.stdout = { write: () => { throw new Error("disk full"); } };
    expect(await main(["parse", "--json", tree.path("a.txt")], c.io)).toBe(3);
    expect(c.stderr()).toContain("[INTERNAL]");
    expect(c.stderr()).not.toContain("disk full");
  });
});
