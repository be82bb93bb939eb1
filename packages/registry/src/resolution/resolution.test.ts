import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { isChidaoError, nameKey, parseDocument } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { resolveDocument } from "./resolve-document.js";
import { reviewQueue, settleMention } from "./review.js";
import { loadCatalog } from "./load-catalog.js";

const { units, agencies, agencyAliases, documents, mentions, mentionAgencies } = schema;

/** Kết luận of the Khánh Hòa Provincial Party Committee, 24/07/2021 (a real document, samples/). */
const SAMPLE = fileURLToPath(new URL("../../../../samples/002_79799927f9410f28.txt", import.meta.url));

/** Khánh Hòa and its districts as the 2021-11-01 list has them (../shared/data/units-2021). */
const DISTRICTS: readonly [string, string, string][] = [
  ["568", "Nha Trang", "Thành phố"],
  ["569", "Cam Ranh", "Thành phố"],
  ["570", "Cam Lâm", "Huyện"],
  ["571", "Vạn Ninh", "Huyện"],
  ["572", "Ninh Hòa", "Thị xã"],
  ["573", "Khánh Vĩnh", "Huyện"],
  ["574", "Diên Khánh", "Huyện"],
  ["575", "Khánh Sơn", "Huyện"],
  ["576", "Trường Sa", "Huyện"],
];

interface Seeded {
  province: number;
  agency: (unitId: number | null, roleKey: string) => number;
}

async function seed(db: Db): Promise<Seeded> {
  const unitRow = (code: string, level: "province" | "district", name: string, unitType: string, parentId: number | null) => ({
    code,
    level,
    name,
    fullName: `${unitType} ${name}`,
    unitType,
    parentId,
    provinceCode: "56",
    list: "2021-11-01",
    nameKey: nameKey(name),
  });
  const [province] = await db.insert(units).values(unitRow("56", "province", "Khánh Hòa", "Tỉnh", null)).returning({ id: units.id });
  const districts = await db
    .insert(units)
    .values(DISTRICTS.map(([code, name, type]) => unitRow(code, "district", name, type, province!.id)))
    .returning({ id: units.id, name: units.name });
  const rows: (typeof agencies.$inferInsert)[] = [
    { unitId: null, level: "central", kind: "ministry", roleKey: "bo-y-te", name: "Bộ Y tế", fullName: "Bộ Y tế", origin: "standing" },
    { unitId: null, level: "central", kind: "ministry", roleKey: "bo-gddt", name: "Bộ Giáo dục và Đào tạo", fullName: "Bộ Giáo dục và Đào tạo", origin: "standing" },
    ...(
      [
        ["people_committee", "ubnd", "Ủy ban nhân dân tỉnh"],
        ["department", "so-y-te", "Sở Y tế"],
        ["department", "so-cong-thuong", "Sở Công Thương"],
        ["department", "so-tttt", "Sở Thông tin và Truyền thông"],
        ["party_committee", "tinh-uy", "Tỉnh ủy"],
        ["party_board", "ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy"],
        ["police", "cong-an", "Công an tỉnh"],
        ["military", "bchqs", "Bộ Chỉ huy Quân sự tỉnh"],
        ["steering_committee", "bcd-covid", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh"],
      ] as const
    ).map(([kind, roleKey, name]) => ({ unitId: province!.id, level: "province" as const, kind, roleKey, name, fullName: `${name} Khánh Hòa`, origin: "standing" as const })),
    ...districts.map((d) => ({ unitId: d.id, level: "district" as const, kind: "people_committee", roleKey: "ubnd", name: "Ủy ban nhân dân", fullName: `Ủy ban nhân dân ${d.name}`, origin: "standing" as const })),
  ];
  const inserted = await db.insert(agencies).values(rows).returning({ id: agencies.id, unitId: agencies.unitId, roleKey: agencies.roleKey });
  const agency = (unitId: number | null, roleKey: string): number => inserted.find((a) => a.unitId === unitId && a.roleKey === roleKey)!.id;
  await db.insert(agencyAliases).values({ agencyId: agency(province!.id, "ubnd"), alias: "UBND tỉnh", aliasKey: nameKey("UBND tỉnh"), scopeUnitId: province!.id, origin: "seed" });
  return { province: province!.id, agency };
}

async function storeSample(db: Db): Promise<string> {
  const record = parseDocument(readFileSync(SAMPLE, "utf8"));
  const [doc] = await db
    .insert(documents)
    .values({ status: "stored", issuer: record.issuer?.name ?? null, code: record.code, date: record.date, subject: record.subject, record, text: record.text })
    .returning({ id: documents.id });
  return doc!.id;
}

async function mentionAt(db: Db, documentId: string, path: string) {
  const [m] = await db.select().from(mentions).where(eq(mentions.documentId, documentId)).then((rows) => rows.filter((r) => r.path === path));
  const links = m ? await db.select().from(mentionAgencies).where(eq(mentionAgencies.mentionId, m.id)) : [];
  return { mention: m, agencyIds: links.filter((l) => l.kind === "resolved").map((l) => l.agencyId).sort(), candidates: links.filter((l) => l.kind === "candidate").length };
}

describe.each(testBackends())("mention resolution on $name", (backend) => {
  it("resolves a stored document, keeps reviewed mentions, and learns from a review", async () => {
    const database = await backend.open();
    try {
      const { db } = database;
      const { province, agency } = await seed(db);
      const documentId = await storeSample(db);

      const summary = await resolveDocument(db, documentId);
      expect(summary).toMatchObject({ documentId, unitId: province, issuerLevel: "province", kept: 0 });
      expect(summary.resolved).toBeGreaterThan(10);
      expect(summary.mentions).toBe(summary.resolved + summary.ambiguous + summary.unresolved);

      expect((await mentionAt(db, documentId, "issuer")).agencyIds).toEqual([agency(province, "tinh-uy")]);
      const lead = await mentionAt(db, documentId, "tasks[5].lead[0]");
      expect(lead.mention).toMatchObject({ text: "Sở Y tế", status: "resolved", role: "lead", reason: "role so-y-te of province Khánh Hòa" });
      expect(lead.agencyIds).toEqual([agency(province, "so-y-te")]);
      const fanOut = (await db.select().from(mentions).where(eq(mentions.documentId, documentId))).find((m) => m.text === "UBND các huyện, thị xã, thành phố")!;
      expect(fanOut).toMatchObject({ status: "resolved", collective: true, reason: "fan-out: ubnd of 9 districts" });

      // "Ban Chỉ đạo" alone names no catalogue entry: it waits for a person.
      const before = await mentionAt(db, documentId, "tasks[7].lead[0]");
      expect(before.mention).toMatchObject({ text: "Ban Chỉ đạo", status: "unresolved" });
      const queue = await reviewQueue(db, { limit: 100, offset: 0 });
      expect(queue.some((q) => q.mentionId === before.mention!.id && q.document.id === documentId)).toBe(true);
      expect(queue.every((q) => !q.reason.startsWith("generic:"))).toBe(true);

      await settleMention(db, before.mention!.id, [agency(province, "bcd-covid")]);
      const settled = await mentionAt(db, documentId, "tasks[7].lead[0]");
      expect(settled.mention).toMatchObject({ status: "resolved", confidence: 1, reason: "chosen in review" });
      expect(settled.mention!.reviewedAt).not.toBeNull();
      const [alias] = await db.select().from(agencyAliases).where(eq(agencyAliases.origin, "review"));
      expect(alias).toMatchObject({ aliasKey: "ban chi dao", scopeUnitId: province, agencyId: agency(province, "bcd-covid") });

      const again = await resolveDocument(db, documentId);
      expect(again.kept).toBe(1);
      const reviewed = await mentionAt(db, documentId, "tasks[7].lead[0]");
      expect(reviewed.mention!.id).toBe(settled.mention!.id);
      const other = (await db.select().from(mentions).where(eq(mentions.documentId, documentId))).filter((m) => m.text === "Ban Chỉ đạo" && m.path !== "tasks[7].lead[0]");
      expect(other.length).toBeGreaterThan(0);
      for (const m of other) expect(m).toMatchObject({ status: "resolved", reason: "alias 'ban chi dao' in province Khánh Hòa" });
      expect((await reviewQueue(db, { limit: 100, offset: 0 })).some((q) => q.text === "Ban Chỉ đạo")).toBe(false);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("cuts the catalogue to the document's date", async () => {
    const database = await backend.open();
    try {
      const { db } = database;
      const { province } = await seed(db);
      await db.insert(agencies).values({ unitId: province, level: "province", kind: "department", roleKey: "so-nn-mt", name: "Sở Nông nghiệp và Môi trường", fullName: "x", origin: "standing", validFrom: "2025-03-01" });
      const key = nameKey("Sở Nông nghiệp và Môi trường");
      expect((await loadCatalog(db, { date: "2021-07-24" })).rolesNamed(key)).toEqual([]);
      expect((await loadCatalog(db, { date: "2025-07-01" })).rolesNamed(key)).toContainEqual({ roleKey: "so-nn-mt", level: "province" });
    } finally {
      await database.close();
    }
  }, 60_000);

  it("refuses an unknown document, mention or agency", async () => {
    const database = await backend.open();
    try {
      const { db } = database;
      const missing = await resolveDocument(db, "00000000-0000-0000-0000-000000000000").catch((e: unknown) => e);
      expect(isChidaoError(missing) && missing.code).toBe("NOT_FOUND");
      const noMention = await settleMention(db, 999_999, [1]).catch((e: unknown) => e);
      expect(isChidaoError(noMention) && noMention.code).toBe("NOT_FOUND");
      const none = await settleMention(db, 1, []).catch((e: unknown) => e);
      expect(isChidaoError(none) && none.code).toBe("INVALID_INPUT");
    } finally {
      await database.close();
    }
  }, 60_000);
});
