/**
 * @module walk
 * Command-line paths → the ordered list of files to read. A file argument is taken as given
 * (whatever its extension: the extractor says why it cannot read it); a directory is walked
 * recursively in sorted order, keeping only the formats chidao reads and skipping hidden entries.
 */
import { lstat, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { toFailure, type Failure } from "./failure.js";

import { SUPPORTED_EXTENSIONS } from "@chidao/extract";

export { SUPPORTED_EXTENSIONS };

/** One input: a file to read, or a path that already failed (an unreadable directory). */
export interface InputItem {
  file: string;
  failure?: Failure;
}

export interface Inputs {
  items: InputItem[];
  /** Any argument was a directory: the output is then a batch even if it holds one file. */
  sawDirectory: boolean;
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const items: InputItem[] = [];
  let sawDirectory = false;
  for (const p of paths) {
    if (!(await isDirectory(p))) {
      items.push({ file: p });
      continue;
    }
    sawDirectory = true;
    await walkDirectory(p, items);
  }
  return { items, sawDirectory };
}

/** A missing path is "not a directory": reading it as a file reports FILE_NOT_FOUND. */
async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function walkDirectory(dir: string, out: InputItem[]): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort(byCodePoint);
  } catch (e) {
    out.push({ file: dir, failure: toFailure(e) });
    return;
  }
  for (const name of names) await visit(join(dir, name), name, out);
}

async function visit(path: string, name: string, out: InputItem[]): Promise<void> {
  const kind = await entryKind(path);
  if (kind === "directory") await walkDirectory(path, out);
  else if (kind === "file" && SUPPORTED_EXTENSIONS.has(extname(name).toLowerCase())) out.push({ file: path });
}

/** A link to a file is read; a link to a directory is skipped (it could loop back up the tree). */
async function entryKind(path: string): Promise<"file" | "directory" | "other"> {
  try {
    const link = (await lstat(path)).isSymbolicLink();
    const s = await stat(path);
    if (s.isDirectory()) return link ? "other" : "directory";
    return s.isFile() ? "file" : "other";
  } catch {
    return "other";
  }
}

/** Code-point order, not locale order: the same listing on every machine and in every test. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
