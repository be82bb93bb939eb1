/**
 * @module pages/inbox/uploads
 * The uploads of this browser tab: a small store outside React so a reviewer can open a parsed
 * document and come back to the inbox while the other files are still going. Two at a time.
 */
import { useSyncExternalStore } from "react";
import { uploadDocument, type IngestResult } from "./api.js";

export type UploadState = "queued" | "uploading" | "processing" | "done" | "error";

export interface Upload {
  key: string;
  name: string;
  size: number;
  state: UploadState;
  loaded: number;
  result: IngestResult | null;
  error: unknown;
}

const ACCEPT = [".txt", ".md", ".html", ".htm", ".docx", ".pdf"];
export const ACCEPT_ATTR = ACCEPT.join(",");
const PARALLEL = 2;

let uploads: Upload[] = [];
const files = new Map<string, File>();
const listeners = new Set<() => void>();
let csrf: string | null = null;
let onDone: ((result: IngestResult) => void) | null = null;
let counter = 0;

function emit(): void {
  for (const l of listeners) l();
}

function patch(key: string, change: Partial<Upload>): void {
  uploads = uploads.map((u) => (u.key === key ? { ...u, ...change } : u));
  emit();
}

export function accepted(file: File): boolean {
  const name = file.name.toLowerCase();
  return ACCEPT.some((ext) => name.endsWith(ext));
}

/** Queue files; those of another kind are listed at once as errors (not sent). */
export function enqueue(list: Iterable<File>, token: string | null, done: (result: IngestResult) => void): void {
  csrf = token;
  onDone = done;
  const added: Upload[] = [];
  for (const file of list) {
    const key = `u${++counter}`;
    const ok = accepted(file);
    if (ok) files.set(key, file);
    added.push({ key, name: file.name, size: file.size, state: ok ? "queued" : "error", loaded: 0, result: null, error: ok ? null : "unsupported" });
  }
  uploads = [...added, ...uploads];
  emit();
  pump();
}

function pump(): void {
  const running = uploads.filter((u) => u.state === "uploading" || u.state === "processing").length;
  const next = uploads.filter((u) => u.state === "queued").reverse().slice(0, Math.max(0, PARALLEL - running));
  for (const u of next) void run(u.key);
}

async function run(key: string): Promise<void> {
  const file = files.get(key);
  if (!file) return;
  patch(key, { state: "uploading", loaded: 0 });
  try {
    const result = await uploadDocument(file, csrf, (loaded, total) => patch(key, { loaded, state: loaded >= total ? "processing" : "uploading" }));
    files.delete(key);
    patch(key, { state: "done", loaded: file.size, result });
    onDone?.(result);
  } catch (error) {
    patch(key, { state: "error", error });
  } finally {
    pump();
  }
}

/** Send a failed file again (one that was sent; a file of another kind cannot be). */
export function retry(key: string): void {
  if (!files.has(key)) return;
  patch(key, { state: "queued", error: null, loaded: 0 });
  pump();
}

export function canRetry(key: string): boolean {
  return files.has(key);
}

/** Forget finished and failed rows. */
export function clearFinished(): void {
  for (const u of uploads) if (u.state === "error") files.delete(u.key);
  uploads = uploads.filter((u) => u.state !== "done" && u.state !== "error");
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUploads(): Upload[] {
  return useSyncExternalStore(subscribe, () => uploads);
}
