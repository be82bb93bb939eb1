// Generated directives for the registry benchmarks: the 17 real-genre texts we hold (samples/ and
// fixtures/genre/) varied so that every document is distinct, as a province's year of documents
// would be: its own number/symbol and date, another province named where the template named its
// own, and a sentence of words drawn from the whole genre vocabulary (so search indexes do not
// see 17 documents repeated). Deterministic for a given seed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./inputs.mjs";
import { prng } from "../scripts/prng.mjs";

const { parseDocument } = await import(new URL("packages/core/dist/index.js", `file://${ROOT}`).href);

function templateTexts() {
  const dirs = [join(ROOT, "samples"), join(ROOT, "fixtures/genre")];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(d, f), "utf8")));
}

function provinces() {
  const csv = readFileSync(join(ROOT, "..", "shared", "data", "units-2021", "units_2021-11-01_flat.csv"), "utf8");
  return csv.split("\n").slice(1).map((l) => l.split(",")).filter((c) => c[0] === "1").map((c) => c[4]);
}


export function makeCorpus(seed = 1) {
  const templates = templateTexts().map((text) => {
    const r = parseDocument(text);
    return { text, code: r.code, place: r.place, date: r.date, issuer: r.issuer?.name ?? null, type: r.type, subject: r.subject };
  });
  const names = provinces();
  const words = [...new Set(templates.flatMap((t) => t.text.split(/[^\p{L}]+/u)).filter((w) => w.length > 2))];
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  /** The i-th generated document: { text, fields } (fields: what the parser would find, for direct inserts). */
  return function documentAt(i) {
    const t = templates[i % templates.length];
    const province = pick(names);
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const year = 2020 + Math.floor(rnd() * 3);
    const number = `${i + 1}`;
    let text = t.text;
    if (t.code) text = text.replace(t.code, t.code.replace(/^\d+/, number));
    text = text.replace(/ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u, `ngày ${day} tháng ${month} năm ${year}`);
    if (t.place && t.place.length > 3) text = text.split(t.place).join(province);
    const sentence = Array.from({ length: 24 }, () => pick(words)).join(" ");
    text = text.replace(/\n\n/, `\n\n${sentence}.\n\n`);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const code = t.code ? t.code.replace(/^\d+/, number) : `${number}/CV`;
    const issuer = t.issuer && t.place ? t.issuer.split(t.place).join(province) : t.issuer;
    return { text, fields: { code, date, issuer, type: t.type, subject: t.subject ? t.subject.split(t.place ?? "\u0000").join(province) : null, province } };
  };
}

/** Search queries of the genre: words, diacritics dropped or not, phrases, codes, filters. */
export function makeQueries(n, seed = 7) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const names = provinces();
  const texts = ["phòng, chống dịch", "phong chong dich", "tiêm vắc xin", "tiem vac xin", "cách ly", "xét nghiệm", "giãn cách xã hội", "\"Chỉ thị 16\"", "16/CT-TTg", "công điện hỏa tốc", "Ban Chỉ đạo", "Trung tâm chỉ huy", "tổ COVID cộng đồng", "hỗ trợ lương thực", "khu cách ly tập trung", "vùng xanh", "bao cao ket qua", "Sở Y tế chủ trì", "UBND các huyện", "test nhanh kháng nguyên"];
  return Array.from({ length: n }, () => {
    const kind = rnd();
    if (kind < 0.5) return { q: pick(texts) };
    if (kind < 0.7) return { q: pick(names) };
    if (kind < 0.85) return { q: pick(texts), type: pick(["CV", "TB", "CT", "KH", "QĐ"]) };
    return { q: `${pick(texts)} ${pick(names)}`, from: "2021-01-01", to: "2021-12-31" };
  });
}
