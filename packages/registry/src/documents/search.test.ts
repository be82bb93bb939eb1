import { readFileSync, readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { ingestBuffer } from "./ingest.js";
import { RANKED_AT_MOST, searchDocuments } from "./search.js";
import { cascadeOf } from "./cascade.js";
import { getDocument } from "./queries.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const samples = readdirSync(join(ROOT, "samples")).sort().map((f) => ({ fileName: f, bytes: readFileSync(join(ROOT, "samples", f)) }));

describe.each(testBackends())("search and cascade on $name", (backend) => {
  let database: Database;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    database = await backend.open();
    for (const s of samples) {
      const r = await ingestBuffer(database.db, s);
      ids.set(r.record!.code!, r.id);
    }
  });
  afterAll(() => database.close());

  const codes = async (q: Parameters<typeof searchDocuments>[1]) => (await searchDocuments(database.db, q)).items.map((i) => i.code);

  it("finds accented words from unaccented queries, with marked snippets", async () => {
    const page = await searchDocuments(database.db, { q: "phong chong dich" });
    expect(page.total).toBe(5);
    const s = page.items[0]!.snippet!;
    expect(s.marks.map((m) => s.text.slice(m.start, m.end).toLowerCase())).toEqual(expect.arrayContaining(["phòng", "chống", "dịch"]));
    expect(await codes({ q: "Dak Lak" })).toEqual(["820-CV/TU"]);
    expect((await codes({ q: "Điện Biên" }))[0]).toBe("115/UBND-KGVX");
  });

  it("ranks a subject match first and honours phrases and exclusions", async () => {
    expect((await codes({ q: "\"Khanh Hoa\"" }))[0]).toBe("122-TB/TU");
    const excluded = await codes({ q: "covid -\"dak lak\"" });
    expect(excluded).toHaveLength(4);
    expect(excluded).not.toContain("820-CV/TU");
  });

  it("filters by type, date range and issuer, and pages", async () => {
    expect((await codes({ type: "TB" })).sort()).toEqual(["122-TB/TU", "283-TB/TU"]);
    expect(await codes({ from: "2021-07-21", to: "2021-08-01" })).toEqual(["122-TB/TU", "282-CV/BDVTW"]);
    expect(await codes({ issuer: "TỈNH ỦY KHÁNH HOÀ" })).toEqual(["122-TB/TU"]);
    const page = await searchDocuments(database.db, { limit: 2, offset: 4 });
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 4 });
    expect(page.items).toHaveLength(1);
    expect((await searchDocuments(database.db, { q: "khongcotrongvanban" })).total).toBe(0);
  });

  it("keeps the search index with the documents: stored ones only, updated with them", async () => {
    const count = async (q: string) => (await database.db.execute<{ n: number }>(sql.raw(q))).rows[0]!.n;
    expect(await count("select count(*)::int as n from document_search")).toBe(await count("select count(*)::int as n from documents where status = 'stored'"));
    expect(await count("select count(*)::int as n from document_search s join documents d on d.id = s.document_id where d.status <> 'stored'")).toBe(0);
    const id = ids.get("283-TB/TU")!;
    await database.db.execute(sql`update documents set subject = subject || ' chuaxuathien' where id = ${id}`);
    expect(await codes({ q: "chuaxuathien" })).toEqual(["283-TB/TU"]);
    await database.db.execute(sql`update documents set subject = replace(subject, ' chuaxuathien', '') where id = ${id}`);
    expect(await codes({ q: "chuaxuathien" })).toEqual([]);
  });

  it("walks the cascade down from a central directive and up from a provincial notice", async () => {
    const kh = ids.get("122-TB/TU")!;
    const up = await cascadeOf(database.db, kh, "up");
    expect(up.nodes.filter((n) => n.depth === 1).map((n) => n.code).sort()).toEqual(["04/CĐ-UBND", "16/CT-TTg", "6880/UBND-KGVX"]);
    const ct16 = up.nodes.find((n) => n.code === "16/CT-TTg")!;
    expect(ct16.status).toBe("placeholder");
    expect(ct16.type).toEqual({ code: "CT", name: "Chỉ thị" });
    const down = await cascadeOf(database.db, ct16.id, "down");
    expect(down.nodes.filter((n) => n.depth === 1).map((n) => n.code).sort()).toEqual(["122-TB/TU", "282-CV/BDVTW", "283-TB/TU"]);
    expect(down.edges).toContainEqual({ from: kh, to: ct16.id });
  });

  it("reads a document with its files, the documents it cites and those citing it", async () => {
    const detail = await getDocument(database.db, ids.get("283-TB/TU")!);
    expect(detail.files).toHaveLength(1);
    expect(detail.record?.text).toContain("Kon Tum");
    expect(detail.cites.map((c) => c.code)).toEqual(expect.arrayContaining(["1102/CĐ-TTg", "16/CT-TTg"]));
    await expect(getDocument(database.db, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDocument(database.db, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** More matches than are ranked: newest first, through the bounded walk and through the index. */
describe.each(testBackends())("broad searches on $name", (backend) => {
  let database: Database;
  const BROAD = RANKED_AT_MOST + 300;
  beforeAll(async () => {
    database = await backend.open();
    // Every document says "giãn cách xã hội"; one in a hundred is a plan (KH), and only the
    // oldest plans also say "vùng xanh": rare among plans although plans are many.
    await database.db.execute(sql`
      insert into documents (status, code, code_key, type_code, date, subject, text, parser_version)
      select 'stored', i || '/CV', i || '/cv', case when i % 100 = 0 then 'KH' else 'CV' end,
        date '2021-01-01' + (i % 700), 'Về giãn cách xã hội số ' || i,
        'Thực hiện giãn cách xã hội toàn tỉnh.' || case when i % 100 = 0 and i < 500 then ' Giữ vùng xanh.' else '' end, 'test'
      from generate_series(1, ${BROAD}) i`);
    await database.db.execute(sql`analyze document_search`);
  });
  afterAll(() => database.close());

  it("lists a broad query newest first with a lower bound of its total", async () => {
    const page = await searchDocuments(database.db, { q: "gian cach xa hoi", limit: 5 });
    expect(page.sort).toBe("date");
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThan(RANKED_AT_MOST);
    const dates = page.items.map((i) => i.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe("2022-12-01"); // date '2021-01-01' + 699 days
    const next = await searchDocuments(database.db, { q: "gian cach xa hoi", limit: 5, offset: 5 });
    expect(next.items.map((i) => i.id)).not.toContain(page.items[0]!.id);
  });

  it("pages deep into a broad query from the index itself, past what the walk reads", async () => {
    const deep = await searchDocuments(database.db, { q: "gian cach xa hoi", limit: 5, offset: 1500 });
    const { rows } = await database.db.execute<{ id: string }>(sql`select id from documents order by date desc nulls last, id limit 5 offset 1500`);
    expect(deep.items.map((i) => i.id)).toEqual(rows.map((r) => r.id));
  });

  it("finds matches that are rare among the filtered rows, and none where there are none", async () => {
    const plans = await searchDocuments(database.db, { q: "gian cach \"vung xanh\"", type: "KH" });
    expect(plans.items.map((i) => i.code).sort()).toEqual(["100/CV", "200/CV", "300/CV", "400/CV"]);
    const broadPlans = await searchDocuments(database.db, { q: "gian cach xa hoi", type: "KH", limit: 100 });
    expect(broadPlans.items).toHaveLength(Math.floor(BROAD / 100));
    expect((await searchDocuments(database.db, { q: "gian cach khongcodau", type: "KH" })).items).toEqual([]);
  });
});
