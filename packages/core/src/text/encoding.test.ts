import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeBytes, encodeTcvn3, encodeVni, encodeWindows1258, repairMojibake, toViqr } from "./encoding.js";
import { CP1252, TCVN3, decodeWith } from "./legacy.js";
import { toned, VOWELS } from "./letters.js";
import { fromViqr } from "./viqr.js";
import { fromVniString } from "./vni.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Bytes shown as Windows-1252 characters: how legacy text turns into mojibake. */
const asCp1252 = (bytes: Uint8Array): string => decodeWith(bytes, CP1252);
const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

const DOCS_DIR = fileURLToPath(new URL("../../../../../shared/eval/dev/docs/", import.meta.url));
const DOCS = existsSync(DOCS_DIR)
  ? readdirSync(DOCS_DIR)
      .filter((f) => f.endsWith(".txt"))
      .map((name) => ({ name, text: readFileSync(DOCS_DIR + name, "utf8").normalize("NFC") }))
  : [];
const NO_DOCS = "skipped if ../shared/eval/dev/docs is missing";

// Real words covering every vowel shape and tone, the open oa/oe/uy clusters and rare letters.
const WORDS = (
  "công văn chỉ thị ủy ban uỷ nhân dân tỉnh thành phố huyện xã phường đảng cộng sản việt nam kết luận " +
  "quyết định nghị thông báo hướng dẫn kế hoạch phòng chống dịch bệnh tế giáo dục đào tạo người thực hiện " +
  "nghiêm túc khẩn trương trường hợp xét nghiệm cách ly tiêm vắc xin hỗ trợ kinh phí ngân sách khuya thuyết " +
  "hoà hòa thuỷ thủy quý mỹ kỹ lý ỷ lại ẵm ẳng ặc ngoẹo khuỷu nguyễn trần phạm vũ võ đặng bùi đỗ hồ ngô dương " +
  "giữa gìn giếng yêu yến ưu ước rượu mười khoẻ oán toà thuở quốc gia địa bàn cấp ủy chính quyền đoàn thể"
).split(" ");

const LETTERS = [...VOWELS].flatMap((v) => [0, 1, 2, 3, 4, 5].map((t) => toned(v, t))).concat(["đ", "Đ"]);
const SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", " (", ") ", "; ", ": ", " - ", "/", " “", "” ", " 19 ", " (a) ", " + ", " \\* ", "**", "? "];

const casing = (word: string): fc.Arbitrary<string> =>
  fc.constantFrom(word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase());
const realWord = fc.constantFrom(...WORDS).chain(casing);
const letterRun = fc.array(fc.constantFrom(...LETTERS, "a", "n", "g", "t", "h"), { minLength: 1, maxLength: 6 }).map((a) => a.join(""));

/** Words (and with `letters`, runs of any Vietnamese letters) joined by separators. */
function textOf(word: fc.Arbitrary<string>, minWords = 1): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: minWords, maxLength: 30 })
    .map((parts) => parts.map(([w, sep]) => w + sep).join("").trim());
}

/** TCVN3 has no toned capitals: they come back lower case unless the word is visibly capitals. */
const tcvnView = (text: string): string => text.toLowerCase();

describe("legacy tables", () => {
  it("VNI: letters are base + modifier byte, checked against the brief and xvnkb vni.h", () => {
    const expected: Record<string, string> = {
      à: "aø", á: "aù", ả: "aû", ã: "aõ", ạ: "aï", â: "aâ", ầ: "aà", ấ: "aá", ẩ: "aå", ẫ: "aã", ậ: "aä",
      ă: "aê", ằ: "aè", ắ: "aé", ẳ: "aú", ẵ: "aü", ặ: "aë", ê: "eâ", ệ: "eä", ô: "oâ", ố: "oá", ơ: "ô",
      ớ: "ôù", ư: "ö", ự: "öï", đ: "ñ", ì: "ì", í: "í", ỉ: "æ", ĩ: "ó", ị: "ò", ỳ: "yø", ỵ: "î",
      À: "AØ", Ậ: "AÄ", Ặ: "AË", Ơ: "Ô", Ư: "Ö", Ữ: "ÖÕ", Đ: "Ñ", Ỉ: "Æ", Ĩ: "Ó", Ị: "Ò", Ỵ: "Î", Ó: "OÙ",
    };
    for (const [letter, vni] of Object.entries(expected)) expect(asCp1252(encodeVni(letter)), letter).toBe(vni);
    expect(asCp1252(encodeVni("Xin chào các bạn"))).toBe("Xin chaøo caùc baïn");
  });

  it("TCVN3: byte values match the public TCVN3 (ABC) table (xvnkb tcvn.h), 0xCA = ấ, 0xB5 = à", () => {
    const expected =
      "á B8 à B5 ả B6 ã B7 ạ B9 â A9 ấ CA ầ C7 ẩ C8 ẫ C9 ậ CB ă A8 ắ BE ằ BB ẳ BC ẵ BD ặ C6 " +
      "é D0 è CC ẻ CE ẽ CF ẹ D1 ê AA ế D5 ề D2 ể D3 ễ D4 ệ D6 ó E3 ò DF ỏ E1 õ E2 ọ E4 ô AB ố E8 ồ E5 ổ E6 " +
      "ỗ E7 ộ E9 ơ AC ớ ED ờ EA ở EB ỡ EC ợ EE ú F3 ù EF ủ F1 ũ F2 ụ F4 ư AD ứ F8 ừ F5 ử F6 ữ F7 ự F9 " +
      "í DD ì D7 ỉ D8 ĩ DC ị DE ý FD ỳ FA ỷ FB ỹ FC ỵ FE đ AE Ă A1 Â A2 Ê A3 Ô A4 Ơ A5 Ư A6 Đ A7";
    const pairs = expected.split(" ");
    for (let i = 0; i < pairs.length; i += 2) {
      expect(hex(encodeTcvn3(pairs[i]!)), pairs[i]).toBe(pairs[i + 1]);
      expect(decodeWith(Uint8Array.of(parseInt(pairs[i + 1]!, 16)), TCVN3)).toBe(pairs[i]);
    }
  });

  it("Windows-1258: precomposed where the code page has the letter, else base + combining tone", () => {
    expect(hex(encodeWindows1258("á"))).toBe("E1");
    expect(hex(encodeWindows1258("ệ"))).toBe("EA F2");
    expect(hex(encodeWindows1258("ữ"))).toBe("FD DE");
    expect(hex(encodeWindows1258("Đ"))).toBe("D0");
  });

  it("VIQR: marks after the vowel, dd for đ", () => {
    expect(toViqr("Việt Nam")).toBe("Vie^.t Nam");
    expect(toViqr("Đường")).toBe("DDu+o+`ng");
    expect(fromViqr("Vie^.t Nam")).toBe("Việt Nam");
    expect(fromViqr("Ha` No^.i.")).toBe("Hà Nội.");
    expect(fromViqr("Nam\\.")).toBe("Nam.");
  });
});

describe("codec round trips (property)", () => {
  const anyLetters = textOf(fc.oneof(realWord, letterRun));

  it("VNI: every Vietnamese letter survives", () => {
    fc.assert(fc.property(anyLetters, (text) => {
      expect(fromVniString(asCp1252(encodeVni(text)))).toBe(text);
    }), { numRuns: 300 });
  });

  it("TCVN3: lower-case text survives (.VnTime has no toned capitals)", () => {
    fc.assert(fc.property(anyLetters.map((t) => t.toLowerCase()), (text) => {
      expect(decodeWith(encodeTcvn3(text), TCVN3)).toBe(text);
    }), { numRuns: 300 });
  });

  it("Windows-1258: every letter survives", () => {
    const decode1258 = (bytes: Uint8Array) => decodeBytes(bytes).text;
    fc.assert(fc.property(anyLetters, (text) => {
      expect(decode1258(encodeWindows1258(text + " Việt Nam"))).toBe(text + " Việt Nam");
    }), { numRuns: 200 });
  });

  it("VIQR: words (one tone each) and literal marks survive", () => {
    const marks = fc.constantFrom("a", "ê", "d", "D", "đ", ".", "?", "'", "^", "(", "+", "~", "`", "\\", "dd", "a.");
    const viqrText = textOf(fc.oneof(realWord, fc.constantFrom(...LETTERS), marks));
    fc.assert(fc.property(viqrText, (text) => {
      expect(fromViqr(toViqr(text))).toBe(text);
    }), { numRuns: 500 });
  });
});

describe("decodeBytes", () => {
  it("reads UTF-8 with and without BOM, and UTF-16 with BOM or by its NUL bytes", () => {
    const text = "Ủy ban nhân dân tỉnh Khánh Hòa";
    const le = new Uint8Array(Buffer.from(text, "utf16le"));
    const be = le.slice().map((_, i, a) => a[i ^ 1]!);
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: "utf-8", converted: false });
    expect(decodeBytes(utf8("\ufeff" + text)).text).toBe(text);
    expect(decodeBytes(Uint8Array.of(0xff, 0xfe, ...le))).toEqual({ text, encoding: "utf-16le", converted: false });
    expect(decodeBytes(Uint8Array.of(0xfe, 0xff, ...be))).toEqual({ text, encoding: "utf-16be", converted: false });
    expect(decodeBytes(le)).toEqual({ text, encoding: "utf-16le", converted: false });
    expect(decodeBytes(be)).toEqual({ text, encoding: "utf-16be", converted: false });
  });

  it("returns NFC and repairs PDF Ƣ/ƣ artefacts", () => {
    expect(decodeBytes(utf8("Vie\u0302\u0323t Nam")).text).toBe("Việt Nam");
    expect(decodeBytes(utf8("BỘ TRƢỞNG")).text).toBe("BỘ TRƯỞNG");
  });

  it.each([
    ["tcvn3", encodeTcvn3],
    ["vni-windows", encodeVni],
    ["windows-1258", encodeWindows1258],
  ] as const)("detects %s on a short line", (encoding, encode) => {
    expect(decodeBytes(encode("Xin chào các bạn"))).toEqual({ text: "Xin chào các bạn", encoding, converted: true });
  });

  it("decodes UTF-8 with a damaged byte as UTF-8, not as a legacy code page", () => {
    const bytes = utf8("Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành thực hiện nghiêm");
    const damaged = Uint8Array.of(...bytes.subarray(0, 20), 0xff, ...bytes.subarray(20));
    expect(decodeBytes(damaged).encoding).toBe("utf-8");
    expect(decodeBytes(damaged).text).toContain("thực hiện nghiêm");
  });

  it("recovers sentences encoded in every legacy form (property)", () => {
    const sentence = textOf(realWord, 8).map((t) => t.toLowerCase());
    fc.assert(
      fc.property(sentence, (text) => {
        expect(decodeBytes(encodeVni(text))).toMatchObject({ text, encoding: "vni-windows" });
        expect(decodeBytes(encodeTcvn3(text))).toMatchObject({ text, encoding: "tcvn3" });
        expect(decodeBytes(encodeWindows1258(text))).toMatchObject({ text, encoding: "windows-1258" });
        expect(decodeBytes(utf8(toViqr(text)))).toMatchObject({ text, encoding: "viqr" });
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, and returns NFC, on random bytes (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const { text } = decodeBytes(bytes);
        expect(text.normalize("NFC")).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  describe.skipIf(DOCS.length === 0)(`whole eval documents (${NO_DOCS})`, () => {
    it.each(DOCS.map((d) => [d.name, d.text] as const))("%s: every encoding round-trips and is named", (_name, text) => {
      expect(decodeBytes(utf8(text))).toEqual({ text, encoding: "utf-8", converted: false });
      expect(decodeBytes(encodeVni(text))).toEqual({ text, encoding: "vni-windows", converted: true });
      expect(decodeBytes(encodeWindows1258(text))).toEqual({ text, encoding: "windows-1258", converted: true });
      expect(decodeBytes(utf8(toViqr(text)))).toEqual({ text, encoding: "viqr", converted: true });
      const tcvn = decodeBytes(encodeTcvn3(text));
      expect(tcvn.encoding).toBe("tcvn3");
      expect(tcvnView(tcvn.text)).toBe(tcvnView(text));
      // Capitals come back where the word shows them ("ĐẢNG CỘNG SẢN"), and lower case is exact.
      const lines = text.split("\n");
      tcvn.text.split("\n").forEach((line, i) => {
        if (!/[ÀÁẢÃẠẦẤẨẪẬẰẮẲẴẶÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/.test(lines[i]!)) expect(line).toBe(lines[i]);
      });
    });

    it.each(DOCS.map((d) => [d.name, d.text] as const))("%s: mojibake in a UTF-8 file is repaired", (_name, text) => {
      expect(decodeBytes(utf8(asCp1252(encodeVni(text))))).toEqual({ text, encoding: "vni-windows", converted: true });
      expect(decodeBytes(utf8(asCp1252(utf8(text))))).toEqual({ text, encoding: "utf-8", converted: true });
      const tcvn = decodeBytes(utf8(asCp1252(encodeTcvn3(text))));
      expect(tcvn.encoding).toBe("tcvn3");
      expect(tcvnView(tcvn.text)).toBe(tcvnView(text));
    });
  });
});

describe("repairMojibake", () => {
  it("repairs the DOMAIN.md examples (TCVN3 shown as Windows-1252)", () => {
    expect(repairMojibake("Ban ChÊp hµnh Trung ¬ng ®¶ng céng s¶n viÖt nam")).toEqual({
      text: "Ban Chấp hành Trung ơng đảng cộng sản việt nam",
      encoding: "tcvn3",
    });
    expect(repairMojibake("Ban ChÊp hµnh Trung \u00ad¬ng")).toEqual({ text: "Ban Chấp hành Trung ương", encoding: "tcvn3" });
    expect(repairMojibake("Uû ban nh©n d©n")).toEqual({ text: "Uỷ ban nhân dân", encoding: "tcvn3" });
  });

  it("restores TCVN3 capitals typed in the .VnTimeH font where the word shows them", () => {
    expect(repairMojibake("§¶NG CéNG S¶N VIÖT NAM").text).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(repairMojibake("TØNH ñY §¾K L¾K").text).toBe("TỈNH ỦY ĐẮK LẮK");
  });

  it("repairs VNI, VIQR and UTF-8 read as Windows-1252", () => {
    expect(repairMojibake("Xin chaøo caùc baïn")).toEqual({ text: "Xin chào các bạn", encoding: "vni-windows" });
    expect(repairMojibake("Vie^.t Nam")).toEqual({ text: "Việt Nam", encoding: "viqr" });
    expect(repairMojibake("Ha` No^.i, nga`y 5 tha'ng 8.")).toEqual({ text: "Hà Nội, ngày 5 tháng 8.", encoding: "viqr" });
    expect(repairMojibake("Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a")).toEqual({ text: "Cộng hòa xã hội chủ nghĩa", encoding: "utf-8" });
  });

  it("maps NFD to NFC and Ƣ/ƣ to Ư/ư without naming an encoding", () => {
    expect(repairMojibake("Vie\u0302\u0323t")).toEqual({ text: "Việt", encoding: null });
    expect(repairMojibake("BỘ TRƢỞNG, Bộ trƣởng")).toEqual({ text: "BỘ TRƯỞNG, Bộ trưởng", encoding: null });
  });

  it("converts only the mojibake lines of a mixed document", () => {
    const doc = "Ủy ban nhân dân tỉnh\nBan ChÊp hµnh Trung ­¬ng\nNhư trên;\nCông an tỉnh\nXin chaøo caùc baïn";
    expect(repairMojibake(doc).text).toBe("Ủy ban nhân dân tỉnh\nBan Chấp hành Trung ương\nNhư trên;\nCông an tỉnh\nXin chào các bạn");
  });

  it("leaves Western text with Latin-1 symbols alone", () => {
    const text = "Nhiệt độ 30°C, giá 5 € « café » naïve façade ± 2";
    expect(repairMojibake(text)).toEqual({ text, encoding: null });
  });

  it("leaves genuine Unicode Vietnamese unchanged, NFC or NFD (property)", () => {
    fc.assert(fc.property(textOf(fc.oneof(realWord, letterRun)), (text) => {
      expect(repairMojibake(text).text).toBe(text);
      expect(repairMojibake(text.normalize("NFD")).text).toBe(text);
    }), { numRuns: 500 });
  });

  it("leaves markdown code spans beside Vietnamese alone (not VIQR)", () => {
    const text = "Chạy lệnh `hoa` và `ma` trên máy chủ; a^2 + b^2";
    expect(repairMojibake(text)).toEqual({ text, encoding: null });
  });

  it("repairs legacy lines and keeps genuine lines in mixed documents (property)", () => {
    // A line of one repeated word can read as Vietnamese in two encodings ("c«ng" is "công" in
    // TCVN3 and a valid syllable in VNI); real lines mix words, so the generator does too.
    const line = textOf(realWord, 8)
      .map((t) => t.replace(/\n/g, " ").toLowerCase())
      .filter((t) => new Set(t.split(/\s+/)).size >= 4);
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 8 }), line, fc.boolean(), (genuine, legacy, vni) => {
        const garbled = asCp1252(vni ? encodeVni(legacy) : encodeTcvn3(legacy));
        const doc = [...genuine.slice(0, 1), garbled, ...genuine.slice(1)].join("\n");
        expect(repairMojibake(doc).text).toBe([...genuine.slice(0, 1), legacy, ...genuine.slice(1)].join("\n"));
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(DOCS.length === 0)(`repairs mojibake paragraphs pasted into real documents (${NO_DOCS})`, () => {
    for (const { text } of DOCS) {
      const lines = text.split("\n");
      const garbled = lines.map((l, i) => (i % 3 === 1 && l.length > 40 ? asCp1252(encodeTcvn3(l.toLowerCase())) : l));
      const expected = lines.map((l, i) => (i % 3 === 1 && l.length > 40 ? l.toLowerCase() : l));
      expect(repairMojibake(garbled.join("\n")).text).toBe(expected.join("\n"));
      expect(repairMojibake(text)).toEqual({ text, encoding: null });
    }
  });

  it("never throws, and returns NFC, on arbitrary strings (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => {
        const out = repairMojibake(text).text;
        expect(out.normalize("NFC")).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});

describe("performance", () => {
  const paragraph = DOCS.length > 0 ? DOCS.map((d) => d.text).join("\n") : WORDS.join(" ") + "\n";
  const tenMegabytes = (() => {
    const parts: string[] = [];
    for (let n = 0; n < 10_000_000; n += paragraph.length) parts.push(paragraph);
    return parts.join("\n").slice(0, 10_000_000);
  })();

  it("takes the fast path on 10 KB of valid UTF-8 (< 0.1 ms over TextDecoder)", () => {
    const bytes = utf8(tenMegabytes.slice(0, 10_000));
    const decoder = new TextDecoder();
    const perCall = (f: () => unknown): number => {
      let best = Infinity;
      for (let round = 0; round < 5; round++) {
        const start = performance.now();
        for (let i = 0; i < 100; i++) f();
        best = Math.min(best, (performance.now() - start) / 100);
      }
      return best;
    };
    perCall(() => decodeBytes(bytes));
    expect(perCall(() => decodeBytes(bytes)) - perCall(() => decoder.decode(bytes))).toBeLessThan(0.1);
  });

  // Alone each input decodes in 0.2–0.6 s (the 1 s target); the suite shares two cores with
  // other test files and a database server, so the guard here is 1.5 s on the best of three runs:
  // still far below what a quadratic step would take on 10 MB.
  it("decodes 10 MB inputs in well under two seconds each, even beside other tests", () => {
    const random = (n: number): Uint8Array => new Uint8Array(n).map(() => (Math.random() * 256) | 0);
    const inputs: Record<string, () => Uint8Array> = {
      "utf-8": () => utf8(tenMegabytes),
      tcvn3: () => encodeTcvn3(tenMegabytes),
      "vni-windows": () => encodeVni(tenMegabytes),
      "windows-1258": () => encodeWindows1258(tenMegabytes),
      viqr: () => utf8(toViqr(tenMegabytes)),
      "tcvn3 mojibake": () => utf8(asCp1252(encodeTcvn3(tenMegabytes))),
      "vni mojibake": () => utf8(asCp1252(encodeVni(tenMegabytes))),
      "mojibake lines in Unicode": () =>
        utf8(tenMegabytes.split("\n").map((l, i) => (i % 3 === 1 && l.length > 40 ? asCp1252(encodeTcvn3(l)) : l)).join("\n")),
      "random bytes": () => random(10_000_000),
      "random Latin-1 as UTF-8": () => utf8(asCp1252(random(6_000_000))),
    };
    const BUDGET_MS = 1500;
    const bestOf = (bytes: Uint8Array): number => {
      let best = Infinity;
      for (let run = 0; run < 3 && best >= BUDGET_MS; run++) {
        const start = performance.now();
        decodeBytes(bytes);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    for (const [name, make] of Object.entries(inputs)) expect(bestOf(make()), name).toBeLessThan(BUDGET_MS);
  });
});
