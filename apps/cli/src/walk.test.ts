import { afterAll, describe, expect, it } from "vitest";
import { relative } from "node:path";
import { symlinkSync } from "node:fs";
import { makeTree } from "./__tests__/helpers.js";
import { expandInputs } from "./walk.js";

describe("expandInputs", () => {
  const tree = makeTree({
    "b.txt": "b",
    "a.md": "a",
    "sub/c.PDF": "c",
    "sub/deeper/d.docx": "d",
    "sub/e.html": "e",
    "sub/f.htm": "f",
    ".hidden.txt": "h",
    ".git/x.txt": "x",
    "notes.xyz": "n",
    "image.png": "p",
  });
  symlinkSync(tree.root, tree.path("sub/loop"));
  afterAll(() => tree.cleanup());

  it("walks directories recursively in sorted order, supported formats only, hidden skipped", async () => {
    const { items, sawDirectory } = await expandInputs([tree.root]);
    expect(sawDirectory).toBe(true);
    expect(items.map((i) => relative(tree.root, i.file))).toEqual([
      "a.md", "b.txt", "sub/c.PDF", "sub/deeper/d.docx", "sub/e.html", "sub/f.htm",
    ]);
  });

  it("keeps file arguments as given, in argument order, even unsupported or missing ones", async () => {
    const args = [tree.path("notes.xyz"), tree.path("missing.txt"), tree.path("a.md")];
    const { items, sawDirectory } = await expandInputs(args);
    expect(sawDirectory).toBe(false);
    expect(items.map((i) => i.file)).toEqual(args);
  });
});
