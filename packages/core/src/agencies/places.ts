/**
 * @module agencies/places
 * Restores a province name that OCR garbled, by the nearest known name (edit distance on
 * folded text, at most one edit in four letters).
 */
import { foldChars } from "../text/fold.js";
import { PROVINCE_NAMES } from "./provinces.js";
import { memoize } from "../memo.js";

const FOLDED = PROVINCE_NAMES.map((n) => [foldChars(n), n] as const);

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The province a possibly garbled name stands for, or null when none is near enough. */
export const nearestProvince: (name: string) => string | null = memoize(nearestUncached, 10_000);

function nearestUncached(name: string): string | null {
  const f = foldChars(name).replace(/\s+/g, " ").trim();
  if (f.length < 4) return null;
  let best: string | null = null;
  let bestD = Math.max(1, Math.floor(f.length / 4)) + 1;
  if (f.length < 6) bestD = 2;
  for (const [folded, canonical] of FOLDED) {
    const d = folded === f ? 0 : editDistance(f, folded);
    if (d < bestD) {
      bestD = d;
      best = canonical;
    }
  }
  return best;
}

const UNIT_THEN_NAME = /^(.*?(?:^|\s)(?:tinh|thanh pho|tp\.?)\s+)(?!uy(?:\s|$))(\S.*)$/;

/** "Ủy ban nhân dân Tĩnh đitn bien" → "Ủy ban nhân dân tỉnh Điện Biên" (only when the tail is a near miss). */
export function restoreProvinceTail(name: string): string {
  const m = UNIT_THEN_NAME.exec(foldChars(name));
  if (!m) return name;
  const tail = name.slice(m[1]!.length);
  const province = nearestProvince(tail);
  if (!province || foldChars(tail) === foldChars(province)) return name;
  const unit = name.slice(0, m[1]!.length).replace(/t[iỉĩíìị]nh(\s+)$/iu, "tỉnh$1");
  return unit + province;
}
