/**
 * @module tasks/title
 * A task's title: the first clause of its text, short enough for a list row. Directive tasks are
 * long sentences ("Sở Y tế chỉ đạo tăng cường …; đẩy nhanh tiến độ tiêm vắc xin …"); their first
 * clause names who does what.
 */

export const TITLE_MAX = 120;

/**
 * @example titleOf("- Sở Y tế chủ trì, phối hợp với các địa phương tổ chức tiêm vắc xin; báo cáo kết quả.")
 * // "Sở Y tế chủ trì, phối hợp với các địa phương tổ chức tiêm vắc xin"
 */
export function titleOf(text: string): string {
  const flat = text.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim().replace(/^[-–—•+]\s*/, "");
  return clip(firstClause(flat));
}

/** Up to the first ";" or ":", or a full stop that ends a sentence (not "1.5", not "TP.HCM"). */
function firstClause(s: string): string {
  const end = /[;:]|\.(?=\s|$)/.exec(s);
  return (end ? s.slice(0, end.index) : s).trim();
}

/** Long clauses are cut at the last comma that keeps most of them, else at a word, marked "…". */
function clip(s: string): string {
  if (s.length <= TITLE_MAX) return s;
  const head = s.slice(0, TITLE_MAX - 1);
  const comma = head.lastIndexOf(",");
  if (comma >= TITLE_MAX / 2) return head.slice(0, comma).trim();
  const space = head.lastIndexOf(" ");
  return `${(space > 0 ? head.slice(0, space) : head).trim()}…`;
}
