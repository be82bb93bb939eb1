/**
 * @module i18n
 * Vietnamese first, English second. Every string a user reads comes from the catalogs in
 * locales/ (a test checks both hold the same keys and do not leak the other language). The
 * choice is remembered in localStorage; an account's own locale applies after sign-in.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * One catalog file per area and language (locales/vi/tasks.json …): common.json at the top
 * level, every other file under its area's name ("tasks.title").
 */
const files = import.meta.glob<Record<string, unknown>>("./locales/*/*.json", { eager: true, import: "default" });

export function catalogOf(locale: string): Record<string, unknown> {
  const catalog: Record<string, unknown> = {};
  for (const [path, messages] of Object.entries(files)) {
    const [, lang, area] = /\.\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path) ?? [];
    if (lang !== locale || !area) continue;
    if (area === "common") Object.assign(catalog, messages);
    else catalog[area] = messages;
  }
  return catalog;
}

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = "chidao.locale";

function initialLocale(): Locale {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "vi";
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: catalogOf("vi") }, en: { translation: catalogOf("en") } },
  lng: initialLocale(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export { i18n };
