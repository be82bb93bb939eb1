/**
 * The message catalogs are complete and do not leak: every area has the same keys in Vietnamese
 * and English, no message is empty, no Vietnamese in the English catalog and no English words in
 * the Vietnamese one. A language's own name ("Tiếng Việt" in the language menu) is the one
 * allowed crossing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";

const LOCALES = fileURLToPath(new URL("./locales/", import.meta.url));
const areas = readdirSync(join(LOCALES, "vi")).filter((f) => f.endsWith(".json")).sort();

type Messages = { [key: string]: string | Messages };
const load = (locale: string, area: string) => JSON.parse(readFileSync(join(LOCALES, locale, area), "utf8")) as Messages;

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys whose message names a language in that language (the language menu). */
const OWN_NAMES = new Set(["locales.vi", "locales.en"]);
const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** Common English words that have no business in a Vietnamese message. */
const ENGLISH_WORDS = /(?<!\p{L})(the|and|of|to|is|are|with|for|from|this|that|task|tasks|document|documents|sign|search|save|cancel|loading|error|upload|report|reports|agency|agencies|page|next|previous|open|done|overdue|status|none|all|filter|export|unit|units|dashboard|directory|inbox|please|week|total|people)(?!\p{L})/iu;
/** Placeholders ({{count}}) and format names may appear in either language. */
const strip = (message: string) => message.replace(/\{\{[^}]*\}\}/g, "").replace(/\b(API|PDF|DOCX|XLSX|CSV|HTML|TXT|MD|ID|URL|OK|COVID(-19)?)\b/g, "");

describe("message catalogs", () => {
  it("has the same areas in both languages", () => {
    expect(readdirSync(join(LOCALES, "en")).filter((f) => f.endsWith(".json")).sort()).toEqual(areas);
  });

  describe.each(areas)("%s", (area) => {
    const vi = flatten(load("vi", area));
    const en = flatten(load("en", area));

    it("has the same keys in Vietnamese and English, none empty", () => {
      expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
      for (const [key, message] of [...vi, ...en]) expect(message.trim(), key).not.toBe("");
    });

    it("has the same placeholders in both languages, numbers formatted", () => {
      const placeholders = (m: string) => (m.match(/\{\{[^}]*\}\}/g) ?? []).sort();
      for (const [key, message] of vi) expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(message));
      // A bare {{count}} would print 10000; counts go through the number formatter.
      const bare = [...vi, ...en].filter(([, m]) => /\{\{(count|total|n)\}\}/.test(m));
      expect(bare).toEqual([]);
    });

    it("has no Vietnamese in the English catalog", () => {
      const leaks = [...en].filter(([key, m]) => !OWN_NAMES.has(key) && VIETNAMESE_LETTERS.test(strip(m)));
      expect(leaks).toEqual([]);
    });

    it("has no English in the Vietnamese catalog", () => {
      const leaks = [...vi].filter(([key, m]) => !OWN_NAMES.has(key) && ENGLISH_WORDS.test(strip(m)));
      expect(leaks).toEqual([]);
    });
  });
});

describe("number formatting", () => {
  const catalog = (locale: string) => Object.fromEntries(areas.map((a) => [a.replace(/\.json$/, ""), load(locale, a)]));
  const i18n = createInstance();
  void i18n.init({ resources: { vi: { translation: catalog("vi") }, en: { translation: catalog("en") } }, lng: "vi", interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });

  it("writes counts with each language's thousands separator", () => {
    expect(i18n.t("tasks.table.count", { count: 12345, lng: "vi" })).toContain("12.345");
    expect(i18n.t("tasks.table.count", { count: 12345, lng: "en" })).toContain("12,345");
  });
});
