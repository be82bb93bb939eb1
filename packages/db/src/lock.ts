/**
 * @module lock
 * PGlite has no server to arbitrate: two processes opening one data folder would corrupt it. A
 * lock file holding the owner's pid guards the folder; a lock left by a process that is gone is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ChidaoError } from "@chidao/core";

export interface DataLock {
  readonly path: string;
  release(): void;
}

const LOCK_FILE = "chidao.lock";
/** Locks this process holds: a lock file naming our own pid is stale only if it is not one of them. */
const held = new Set<string>();

export function lockDataDir(dir: string, pid: number = process.pid): DataLock {
  const path = join(dir, LOCK_FILE);
  if (!tryCreate(path, pid)) {
    const owner = ownerOf(path);
    const ours = owner === pid && pid === process.pid;
    if (owner !== null && (ours ? held.has(path) : isAlive(owner))) throw lockedError(dir, owner);
    rmSync(path, { force: true });
    if (!tryCreate(path, pid)) throw lockedError(dir, ownerOf(path));
  }
  held.add(path);
  let holding = true;
  return {
    path,
    release() {
      if (holding && ownerOf(path) === pid) rmSync(path, { force: true });
      if (holding) held.delete(path);
      holding = false;
    },
  };
}

function tryCreate(path: string, pid: number): boolean {
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, `${pid}\n`);
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(dir: string, owner: number | null): ChidaoError {
  return new ChidaoError({
    code: "DB_LOCKED",
    vi: `Thư mục dữ liệu ${dir} đang được một tiến trình khác dùng${owner ? ` (pid ${owner})` : ""}. Hãy dừng tiến trình đó, hoặc dùng thư mục khác (--data).`,
    en: `The data folder ${dir} is in use by another process${owner ? ` (pid ${owner})` : ""}. Stop that process or use another folder (--data).`,
    details: { dir, owner },
  });
}
