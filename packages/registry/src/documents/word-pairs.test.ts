import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { phrasesAsWordPairs } from "./word-pairs.js";

describe("phrasesAsWordPairs", () => {
  it("turns each phrase into the conjunction of its adjacent pairs", () => {
    expect(phrasesAsWordPairs("'chi' <-> 'thi' <-> '16'")).toBe("'chi thi' & 'thi 16'");
    expect(phrasesAsWordPairs("'dak' <-> 'lak'")).toBe("'dak lak'");
    expect(phrasesAsWordPairs("'covid' & !( 'dak' <-> 'lak' )")).toBe("'covid' & !'dak lak'");
    expect(phrasesAsWordPairs("'chi' <-> 'thi' <-> '16' & !( 'dak' <-> 'lak' ) | 'covid'")).toBe("( ( 'chi thi' & 'thi 16' ) & !'dak lak' ) | 'covid'");
  });

  it("leaves queries without phrases as they mean, and the empty query empty", () => {
    expect(phrasesAsWordPairs("'phong' & 'chong' & 'dich'")).toBe("'phong' & 'chong' & 'dich'");
    expect(phrasesAsWordPairs("'16/ct-ttg'")).toBe("'16/ct-ttg'");
    expect(phrasesAsWordPairs("")).toBe("");
  });

  it("requires on their own the operands no pair covers: groups, prefixes, other distances", () => {
    expect(phrasesAsWordPairs("'a' <2> 'b'")).toBe("'a' & 'b'");
    expect(phrasesAsWordPairs("'a':* <-> 'b' <-> 'c'")).toBe("'b c' & 'a':*");
    expect(phrasesAsWordPairs("( 'a' | 'b' ) <-> 'c'")).toBe("( 'a' | 'b' ) & 'c'");
  });

  it("keeps quotes and backslashes inside lexemes", () => {
    expect(phrasesAsWordPairs("'o''neil' <-> 'x\\\\y'")).toBe("'o''neil x\\\\y'");
  });

  it("rejects what is not a tsquery", () => {
    expect(() => phrasesAsWordPairs("'unterminated")).toThrow(SyntaxError);
    expect(() => phrasesAsWordPairs("( 'a'")).toThrow(SyntaxError);
  });
});

/**
 * Against the database: a document holding a phrase is always found by the pair query, and a
 * two-word phrase finds exactly what the positional phrase finds.
 */
describe.each(testBackends())("word pairs in the stored search vector on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database.close());

  const syllables = ["chỉ", "thị", "số", "16", "phòng", "chống", "dịch", "Đắk", "Lắk", "ủy", "ban", "covid-19", "16/CT-TTg", "ngày"];
  const word = fc.constantFrom(...syllables);

  async function matches(body: string, query: string): Promise<{ pairs: boolean; positional: boolean }> {
    const [folded] = (await database.db.execute<{ words: string }>(sql`select websearch_to_tsquery('simple'::regconfig, chidao_fold(${query}))::text as words`)).rows;
    const rewritten = phrasesAsWordPairs(folded!.words);
    const [row] = (
      await database.db.execute<{ pairs: boolean; positional: boolean }>(sql`
        select chidao_search_vector(null, null, null, ${body}) @@ ${rewritten}::tsquery as pairs,
          to_tsvector('simple'::regconfig, chidao_fold(${body})) @@ websearch_to_tsquery('simple'::regconfig, chidao_fold(${query})) as positional`)
    ).rows;
    return row!;
  }

  it("finds every document that holds the phrase; two-word phrases exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(word, { minLength: 2, maxLength: 4 }), async (body, phrase) => {
        const result = await matches(body.join(" "), `"${phrase.join(" ")}"`);
        if (result.positional) expect(result.pairs).toBe(true);
        if (phrase.length === 2 && !phrase.some((w) => /[-/]/.test(w))) expect(result.pairs).toBe(result.positional);
      }),
      { numRuns: 150 },
    );
  });

  it("finds a phrase the body holds, and not one it does not", async () => {
    const body = "Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng; tỉnh Đắk Lắk phòng, chống dịch";
    expect((await matches(body, '"phong chong dich"')).pairs).toBe(true);
    expect((await matches(body, '"Dak Lak"')).pairs).toBe(true);
    expect((await matches(body, '"Chỉ thị 16"')).pairs).toBe(false);
    expect((await matches(body, '"Chỉ thị số 16/CT-TTg"')).pairs).toBe(true);
  });
});
