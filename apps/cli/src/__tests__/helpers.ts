/** Test helpers: an in-memory io and a throw-away directory of small documents. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliIo } from "../io.js";

export interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(overrides: Partial<CliIo> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: false,
    env: {},
    ...overrides,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** A short công văn laid out like the real ones: enough for every adapter and the parser. */
export const SAMPLE_CV = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH ĐẮK LẮK",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "",
  "Số: 115/UBND-KGVX",
  "V/v tăng cường phòng, chống dịch COVID-19",
  "Đắk Lắk, ngày 18 tháng 6 năm 2021",
  "",
  "Kính gửi:",
  "- Sở Y tế;",
  "- UBND các huyện, thị xã, thành phố.",
  "",
  "Thực hiện Công điện số 28/CĐ-TTg ngày 11/01/2022 của Thủ tướng Chính phủ, UBND tỉnh yêu cầu:",
  "1. Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai xét nghiệm, báo cáo UBND tỉnh trước ngày 31/7/2021.",
  "2. UBND các huyện, thị xã, thành phố tăng cường kiểm tra.",
  "",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn A",
  "",
].join("\n");

export interface TempTree {
  root: string;
  path: (rel: string) => string;
  cleanup: () => void;
}

/** Files given as relative path → content (string or bytes). */
export function makeTree(files: Record<string, string | Uint8Array>): TempTree {
  const root = mkdtempSync(join(tmpdir(), "chidao-cli-"));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { root, path: (rel) => join(root, rel), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Parse JSON Lines output into objects (fails the test on a malformed line). */
export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}
