import { FirstPairs } from "./first-pairs.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lowerChars } from "../text/fold.js";
import { endsWithUnitWord, findAgencies, hasPluralWord, levelOf, readAgencyList, toSource } from "./recognize.js";
import { isBoundary, standsAt } from "./stands-at.js";
import { NameWordsAt, sortedCompounds, sortedStops } from "./name-words.js";
import { WordIndex, WordKey } from "./word-index.js";

const list = (text: string) => readAgencyList(toSource(text), 0, text.length).mentions;
const names = (text: string) => list(text).map((m) => m.text);

describe("agency lists split where the genre splits them", () => {
  it("keeps a sector name with 'và' whole", () => {
    expect(names("Sở Nông nghiệp và Phát triển nông thôn, Sở Giao thông vận tải chủ trì")).toEqual(["Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải"]);
  });

  it("keeps a collective enumeration as one mention", () => {
    const m = list("các sở, ban, ngành liên quan và UBND các huyện, thị xã, thành phố triển khai");
    expect(m.map((x) => x.text)).toEqual(["các sở, ban, ngành liên quan", "UBND các huyện, thị xã, thành phố"]);
    expect(m.every((x) => x.collective)).toBe(true);
    expect(m[1]!.level).toBe("district");
    expect(m[1]!.expanded).toBe("Ủy ban nhân dân các huyện, thị xã, thành phố");
  });

  it("distributes a plural head over capitalised names", () => {
    expect(names("Các đảng ủy Công an tỉnh, Quân sự tỉnh, Bộ đội Biên phòng tỉnh chỉ đạo")).toEqual(["Các đảng ủy Công an tỉnh", "đảng ủy Quân sự tỉnh", "đảng ủy Bộ đội Biên phòng tỉnh"]);
  });

  it("reads roles that stand for their agency", () => {
    const m = list("Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh có trách nhiệm");
    expect(m[0]!.text).toBe("Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh");
    expect(m[0]!.role).toBe("chủ tịch");
  });

  it("stops at the verb that follows the name", () => {
    expect(names("Ban Tuyên giáo Tỉnh ủy phối hợp với các cơ quan")).toEqual(["Ban Tuyên giáo Tỉnh ủy"]);
    expect(names("Ban hành kèm theo Quyết định này")).toEqual([]);
  });

  it("types levels from the words", () => {
    expect(levelOf("Bộ Y tế")).toBe("central");
    expect(levelOf("Sở Y tế")).toBe("province");
    expect(levelOf("các đoàn thể chính trị - xã hội của tỉnh")).toBe("province");
    expect(levelOf("UBND các xã, phường, thị trấn")).toBe("commune");
  });

  it("finds every mention in a paragraph", () => {
    const text = "Sở Y tế chủ trì, phối hợp với Sở Thông tin và Truyền thông và các địa phương.";
    expect(findAgencies(toSource(text)).map((m) => m.text)).toEqual(["Sở Y tế", "Sở Thông tin và Truyền thông", "các địa phương"]);
  });
});


describe("a name's plural word is read on the name as on its lower case", () => {
  const piece = fc.constantFrom("các", "Các", "CÁC", "cÁc", "những", "Những", "NHỮNG", "nhữnG", "ca", "c", "á", " ", "x", "_", "1", "\u212A", "\u017F", "İ", "Σ", "đ", "-", "\u{1F600}");
  const name = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));

  it("matches /\\bcác\\b|\\bnhững\\b/u on lowerChars(name)", () => {
    fc.assert(fc.property(name, (s) => {
      expect(hasPluralWord(s)).toBe(/\bcác\b|\bnhững\b/u.test(lowerChars(s)));
    }));
  });
});

describe("hand-written lookups agree with what they replace", () => {
  const piece = fc.constantFrom("sở", "ban", "chỉ đạo", "tổ chức", "và", "y tế", "an toàn", "thực phẩm", "liên quan", "có", " ", ",", ".", ";", ")", "\n", "&", "a", "1", "\u{1F600}");
  const text = fc.array(piece, { maxLength: 10 }).map((p) => p.join(""));

  it("standsAt is startsWith and a whole-word boundary", () => {
    fc.assert(fc.property(text, text, fc.nat(40), (s, w, at) => {
      expect(standsAt(s, at, w)).toBe(s.startsWith(w, at) && isBoundary(s, at + w.length));
    }));
  });

  it("one index of compounds and stops answers as two separate indexes", () => {
    const compounds = new WordIndex(sortedCompounds, (w) => w);
    const stops = new WordIndex(sortedStops, (w) => w);
    const entries = fc.constantFrom(...sortedCompounds.slice(0, 40), ...sortedStops.slice(0, 40));
    const mixed = fc.array(fc.oneof(piece, entries), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(mixed, fc.nat(60), (s, at) => {
      const key = new WordKey().set(s, at);
      const words = new NameWordsAt().set(key);
      expect(words.compounds).toEqual(compounds.get(key));
      expect(words.stops?.map((x) => x.text)).toEqual(stops.get(key));
    }));
  });

  it("a list read again with another end is the list read afresh", () => {
    const names = fc.constantFrom("Sở Y tế", "các sở, ban, ngành", "UBND các huyện", "Ban Chỉ đạo", " chủ trì", ", ", " và ", "Các đảng ủy", " Công an tỉnh", "tổ chức", ".");
    const body = fc.array(names, { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(body, fc.array(fc.nat(80), { minLength: 1, maxLength: 6 }), (s, ends) => {
      const shared = toSource(s);
      for (const end of ends) expect(readAgencyList(shared, 0, end)).toEqual(readAgencyList(toSource(s), 0, end));
    }));
  });
  it("WordKey reads the word, its bare form and their hashes as the patterns say", () => {
    const hash = (w: string) => Array.from({ length: w.length }, (_, i) => w.charCodeAt(i)).reduce((h, c) => (Math.imul(h, 31) + c) & 0x3fffffff, 0);
    const units = fc.constantFrom("sở", "y", "tế", ".", ",", ";", ":", ")", "(", " ", "\n", "\t", "a", "Đ", "\u{1F600}");
    const words = fc.array(units, { maxLength: 14 }).map((p) => p.join(""));
    fc.assert(fc.property(words, fc.nat(30), (s, at) => {
      const key = new WordKey().set(s, at);
      const word = /^[^ ,\n\t]*/.exec(s.slice(at, at + 24))![0];
      const bare = word.replace(/[.,;:)]+$/, "");
      expect([key.end, key.hash, key.bareEnd, key.bareHash]).toEqual([at + word.length, hash(word), at + bare.length, hash(bare)]);
    }), { numRuns: 5000 });
  });

  it("endsWithUnitWord is UNIT_WORD on the slice", () => {
    const UNIT_WORD = /(?:^|\s)(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s*$/u;
    const bits = fc.constantFrom("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn", "thị", "phố", "ấn", "h", "n", " ", "\n", "\u00a0", "a", "x", ",", "\u{1F600}");
    const s = fc.array(bits, { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(s, fc.nat(30), fc.nat(40), (t, lo, end) => {
      const e = Math.min(end, t.length);
      expect(endsWithUnitWord(t, Math.min(lo, e), e)).toBe(UNIT_WORD.test(t.slice(Math.min(lo, e), e)));
    }), { numRuns: 20000 });
  });

  it("FirstPairs never rules out an entry that starts at the offset", () => {
    const entries = fc.array(text, { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(entries, fc.nat(), text, text, (es, pick, before, after) => {
      const s = before + es[pick % es.length]! + after;
      expect(new FirstPairs(es).mayStartAt(s, before.length)).toBe(true);
    }));
  });
});
