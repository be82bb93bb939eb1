/**
 * @module parser/names
 * Vietnamese capitalisation of agency names, titles and person names read from all-caps
 * headers and signature blocks ("TỈNH ỦY ĐẮK LẮK" → "Tỉnh ủy Đắk Lắk", "PHÓ CHÁNH VĂN PHÒNG" →
 * "Phó Chánh Văn phòng"), and recognition of a person's name.
 */
import { nearestProvince } from "../agencies/places.js";
import { collapseTrimmed, foldChars, isSpaceUnit, isUpperUnit, lowerChars, splitSpaces, startsUpper, stripTrailingPunct, upperShare } from "../text/fold.js";
import { memoize } from "../memo.js";

const FIXED: Readonly<Record<string, string>> = {
  "thủ tướng chính phủ": "Thủ tướng Chính phủ",
  "chính phủ": "Chính phủ",
  "bộ chính trị": "Bộ Chính trị",
  "ban bí thư": "Ban Bí thư",
  "ban chấp hành trung ương": "Ban Chấp hành Trung ương",
  "văn phòng chính phủ": "Văn phòng Chính phủ",
  "văn phòng trung ương": "Văn phòng Trung ương",
  "quốc hội": "Quốc hội",
};

/** Words written with a capital wherever they stand in a name. */
const PROPER = new Set(["việt", "nam", "trung", "ương", "đảng", "hồ", "chí", "minh", "quốc", "hội", "chính", "phủ", "tổ", "covid-19"]);
const PROPER_PAIRS = ["việt nam", "trung ương", "chính phủ", "hồ chí minh", "quốc hội", "tổ quốc", "covid-19"];
const UNIT_WORDS = new Set(["tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "phố", "tp", "tp.", "thành"]);
const HEAD_WORDS = ["ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "tổng cục", "chi cục", "cục", "sở", "bộ", "ban", "văn phòng", "tổng liên đoàn", "liên đoàn", "trung tâm", "viện", "vụ", "phòng", "ủy ban", "uỷ ban", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "thành ủy", "thành uỷ", "thị ủy", "đảng ủy", "bảo hiểm xã hội", "đài", "báo", "hội"];
const ABBREV = /^(?:[A-ZĐ]{2,6}\d*|[A-ZĐ]+&[A-ZĐ]+|COVID-19|TNCS|TP\.?)$/u;
const KEEP_UPPER = new Set(["UBND", "HĐND", "MTTQ", "TW", "TP", "TNCS", "BCĐ", "BCH", "PT-TH", "TT&TT", "VN", "HCM", "COVID-19"]);

function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Capitalises an agency name written in capitals; a name already in mixed case is kept. */
export function agencyCase(name: string): string {
  const trimmed = collapseTrimmed(name);
  if (!isAllCaps(trimmed)) return trimmed;
  const lower = lowerChars(trimmed);
  const fixed = FIXED[lower];
  if (fixed) return fixed;
  const words = trimmed.split(" ");
  const lowerWords = lower.split(" ");
  let afterUnit = /^(?:tỉnh|huyện|thành|thị|quận|đảng) (?:ủy|uỷ|uy)\s/u.test(lower);
  let afterHead = -1;
  const out = lowerWords.map((w, i) => {
    const orig = words[i]!;
    if (KEEP_UPPER.has(orig) || (ABBREV.test(orig) && !/[AEIOUYĂÂÊÔƠƯÁÀẢÃẠ]/u.test(orig.slice(1)))) return orig;
    if (i === 0) return capitalize(w);
    if (afterUnit && i > 1) return capitalize(w);
    if (afterUnit) return w;
    if (UNIT_WORDS.has(w) && !(w === "thành" && lowerWords[i + 1] !== "phố")) {
      if (w !== "thị" && w !== "thành") afterUnit = true;
      return w;
    }
    if (w === "phố" || w === "trấn") {
      afterUnit = true;
      return w;
    }
    if (i === afterHead) return capitalize(w);
    if (PROPER.has(w) && properAt(lowerWords, i)) return capitalize(w);
    if (w === "-" || w === "và") afterHead = i + 1;
    return w;
  });
  return fixCaseAfterHead(out, lowerWords).join(" ");
}

function properAt(words: string[], i: number): boolean {
  return PROPER_PAIRS.some((p) => {
    const parts = p.split(" ");
    for (let k = 0; k < parts.length; k++) {
      const start = i - k;
      if (start >= 0 && parts.every((part, j) => words[start + j] === part)) return true;
    }
    return false;
  });
}

/** The word after a head noun opens the sector name: "Ban Dân vận", "Sở Y tế", "Cục Thuế". */
function fixCaseAfterHead(out: string[], lower: string[]): string[] {
  const joined = lower.join(" ");
  for (const head of HEAD_WORDS) {
    const at = joined.startsWith(head + " ") ? 0 : -1;
    if (at !== 0) continue;
    const n = head.split(" ").length;
    const next = lower[n];
    if (next && !UNIT_WORDS.has(next) && next !== "nhân" && next !== "cán" && next !== "thường") out[n] = capitalize(out[n]!);
    break;
  }
  return out;
}

export function isAllCaps(s: string): boolean {
  return s.length <= 400 && upperShare(s) > 0.85;
}

const TITLE_FIXED: Readonly<Record<string, string>> = {
  "chánh văn phòng": "Chánh Văn phòng",
  "phó chánh văn phòng": "Phó Chánh Văn phòng",
  "bí thư thứ nhất": "Bí thư Thứ nhất",
  "phó trưởng ban thường trực": "Phó Trưởng ban Thường trực",
  "phó trưởng ban": "Phó Trưởng ban",
  "trưởng ban": "Trưởng ban",
  "phó chủ tịch thường trực": "Phó Chủ tịch Thường trực",
  "phó thủ tướng": "Phó Thủ tướng",
  "phó giám đốc": "Phó Giám đốc",
  "phó cục trưởng": "Phó Cục trưởng",
  "phó bí thư": "Phó Bí thư",
  "phó bí thư thường trực": "Phó Bí thư Thường trực",
  "phó chủ nhiệm": "Phó Chủ nhiệm",
  "phó tổng cục trưởng": "Phó Tổng cục trưởng",
  "phó vụ trưởng": "Phó Vụ trưởng",
  "phó trưởng phòng": "Phó Trưởng phòng",
};

/** "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng". */
export function titleCase(title: string): string {
  const t = collapseTrimmed(title);
  if (!isAllCaps(t)) return t;
  const lower = lowerChars(t);
  const fixed = TITLE_FIXED[lower];
  if (fixed) return fixed;
  const words = lower.split(" ");
  if (words[0] === "phó" && words.length > 1) return ["Phó", capitalize(words[1]!), ...words.slice(2)].join(" ");
  return capitalize(lower);
}

/** Common Vietnamese family names (folded), for telling a signer's name from other lines. */
const SURNAMES = new Set(
  "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh mai trinh doan luong lam thai ha to cao vuong vi vua giang lo quang ta chau truong kieu lai la mac tong kim thach quach hua dieu luu ton nong ma sung hau bach khong chu au tang y diep nghiem than tieu van trieu ung lu ninh lang hong giap khuat".split(" "),
);

/** A person's name: 2–5 capitalised words, the first a known family name (or all 2–4 plain). */
export function isPersonName(s: string, strict = true): boolean {
  // Pure in its arguments: the closing scans ask it of the same lines and pieces many times.
  if (!mayOpenName(s)) return false;
  return strict ? strictName(s) : looseName(s);
}

/**
 * False only when isPersonNameUncached is false for `s` either way, before the memo hashes `s`
 * (most lines asked, "- Như trên,", open with a bullet). Its first word must start upper-case,
 * and that word opens with the first non-space unit of `s`: stripTrailingPunct only cuts at the
 * end, and with nothing but spaces left there are fewer than two words. A surrogate pair is
 * left to the full test (startsUpper reads it by regex).
 */
export function mayOpenName(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  if (i === s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 0xd800 && c <= 0xdbff) || isUpperUnit(c);
}

const strictName = memoize((s) => isPersonNameUncached(s, true), 20_000);
const looseName = memoize((s) => isPersonNameUncached(s, false), 20_000);

export function isPersonNameUncached(s: string, strict: boolean): boolean {
  const t = stripTrailingPunct(s).trim();
  const words = splitSpaces(t, 6);
  if (words.length < 2 || words.length > 5) return false;
  if (/\d|[()/:]/.test(t)) return false;
  const allCaps = isAllCaps(t);
  if (!words.every((w) => startsUpper(w) && (allCaps || !/\p{Lu}/u.test(w.slice(1))))) return false;
  const folded = foldChars(t).toLowerCase();
  if (NOT_A_NAME.test(folded) || nearestProvince(t) !== null && foldChars(nearestProvince(t)!) === folded) return false;
  const first = foldChars(words[0]!);
  if (SURNAMES.has(first)) return true;
  return !strict && words.length <= 4;
}

/** Capitalised words of the genre that are no one's name (offices, titles, headings). */
const NOT_A_NAME = /^(?:van phong|yeu cau|pho\s|chu tich|cuc\s|noi nhan|kinh gui|cong hoa|doc lap|thu tuong|bo truong|giam doc|ban\s|so\s|uy ban|tinh uy|dang uy|trung tam|trung uong|viet nam|quyet dinh|thong bao|chi thi|ke hoach|cong van|nghi quyet)/;

/** "NGUYỄN VĂN A" → "Nguyễn Văn A". */
export function personCase(s: string): string {
  const t = collapseTrimmed(stripTrailingPunct(s));
  return isAllCaps(t) ? lowerChars(t).split(" ").map(capitalize).join(" ") : t;
}
