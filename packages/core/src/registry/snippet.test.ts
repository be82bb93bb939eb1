import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { queryWords, snippetOf } from "./snippet.js";

const TEXT = "Căn cứ tình hình dịch bệnh,\nTỉnh ủy Đắk Lắk yêu cầu các cấp ủy tăng cường công tác phòng, chống dịch COVID-19 trên địa bàn.";

describe("snippetOf", () => {
  it("marks the query's words on the original text, whatever its diacritics", () => {
    const s = snippetOf(TEXT, "phong chong dich");
    const marked = s.marks.map((m) => s.text.slice(m.start, m.end));
    expect(marked).toEqual(expect.arrayContaining(["phòng", "chống", "dịch"]));
    expect(s.text).toContain("phòng, chống dịch");
  });
  it("finds Đắk Lắk from Dak Lak, and whole words only", () => {
    const s = snippetOf(TEXT, "Dak Lak");
    expect(s.marks.map((m) => s.text.slice(m.start, m.end))).toEqual(["Đắk", "Lắk"]);
    expect(snippetOf(TEXT, "ong").marks).toEqual([]);
  });
  it("drops the websearch operator words", () => {
    expect(queryWords("covid OR dịch")).toEqual(["covid", "dich"]);
  });
  it("never throws and its marks always lie inside its text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, query) => {
        const s = snippetOf(text, query, 40);
        return s.marks.every((m) => m.start >= 0 && m.end <= s.text.length && m.start < m.end);
      }),
    );
  });
});
