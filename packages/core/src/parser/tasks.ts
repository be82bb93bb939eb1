/**
 * @module parser/tasks
 * Tasks: the items of the body that ask someone to act. Who leads comes from the item's subject
 * ("Sở Y tế chủ trì, phối hợp với …"), from its object after "đề nghị / yêu cầu / giao / kêu gọi",
 * or is inherited from the sentence that introduces the list ("… yêu cầu A, B, C triển khai các
 * nhiệm vụ sau:"). "X lãnh đạo/chỉ đạo Y" makes X the lead. Support agencies follow "phối hợp (với)";
 * report-back targets follow "báo cáo … về". Items that only state facts or rules are not tasks.
 */
import type { AgencyMention, Task } from "../document/record.js";
import { readAgencyList, type Source } from "../agencies/recognize.js";
import { collapseTrimmed, isSpaceUnit, startsUpper } from "../text/fold.js";
import { anchored, isLowerAsciiLetter, matchesAt, matchesOf } from "../text/scan.js";
import { findDeadline } from "./deadlines.js";
import { tableTasks } from "./table.js";
import type { Doc } from "./lines.js";
import { fullEnd, type Item, type Outline } from "./outline.js";

export interface TaskContext {
  doc: Doc;
  src: Source;
  docDate: string | null;
  issuer: string | null;
  /** "Kính gửi" items: who acts when neither an item nor its introducing sentence names anyone. */
  recipients?: readonly { span: { start: number; end: number } }[];
  /** Lines of the body, where tables of assignments are looked for. */
  bodyLines?: { from: number; to: number };
}

interface LeadResult {
  lead: AgencyMention[];
  /** The item names its own lead (subject or object), rather than inheriting one. */
  explicit: boolean;
  /** The item states facts or rules ("… được hỗ trợ", "… là …"): no task. */
  descriptive: boolean;
  /** The item opens with an imperative verb ("Tăng cường …", "Chỉ đạo …"). */
  imperative: boolean;
}

const ASK = /^(?:de nghi|yeu cau|giao cho|giao|keu goi|xin|phan cong|chi thi|dong chi)\s+/;
const ASK_AFTER_SUBJECT = /^(?:(?:xin|tran trong|kinh|trân trọng)\s+)*(?:de nghi|yeu cau|giao cho|giao|keu goi|phan cong|thong bao de|thong bao den|xin thong bao de|tran trong thong bao de)\s+/;
const DESCRIPTIVE = /^(?:duoc|la|da|dang|khong|bi|thuoc|gom|bao gom|co the|co quyen|nam trong|tham gia bao hiem|dong|dung)\b/;
const IMPERATIVE = /^(?:chu tri|tang cuong|chi dao|phoi hop|to chuc|ra soat|thuc hien|trien khai|quan triet|xay dung|tong hop|lua chon|thanh lap|chu dong|tiep tuc|day manh|day nhanh|kiem tra|huong dan|thi hanh|khan truong|nang cao|bao dam|dam bao|duy tri|phat huy|treo|long ghep|cung co|tuyen truyen|van dong|bo tri|chuan bi|theo doi|giam sat|xu ly|tap trung|nghien cuu|de xuat|bao cao|cap nhat|quan ly|ho tro|chiu trach nhiem|uu tien|phan cong|danh gia|ban hanh|hoan thien|gui|cung cap|khen thuong|xem xet|tham muu|kip thoi|nghiem tuc|khong de|tuyet doi|kien quyet|tich cuc|thuong xuyen|lam tot|thuc thi|ap dung|tao dieu kien|mo rong|sap xep|huy dong|dieu chinh|bo sung|truy vet|thiet lap|quyet liet|dong vien|phoi hop voi|tiem|xet nghiem|cach ly|lap|soan thao|tham gia|to chuc thuc hien|dang tai|phat dong|chuyen)(?![a-z])/;
const GENERIC_REST = /^(?:(?:nghiem tuc|khan truong|chu dong|kip thoi|phoi hop|trien khai|thuc hien|to chuc|dam bao noi dung|yeu cau|biet|va|,|\.|\/|\s)+)$/;

/**
 * One parse's context with its memo of lead analyses (a field rather than a WeakMap keyed by the
 * context: a WeakMap entry per parse costs an ephemeron-table insert and GC work).
 */
interface Run extends TaskContext {
  leads: Map<number, LeadResult>;
}

/** Tasks of the outline; `intro` is the preamble's addressee list. */
export function parseTasks(taskContext: TaskContext, outline: Outline): Task[] {
  const ctx: Run = { ...taskContext, leads: new Map() };
  const intro = introAddressees(ctx, outline.preamble.start, outline.preamble.end);
  if (!intro.length) intro.push(...recipientAgencies(ctx));
  const tasks: Task[] = [];
  for (const item of outline.items) walk(ctx, item, intro, tasks);
  const closing = outline.closing ? closingTask(ctx, outline) : null;
  if (closing) tasks.push(closing);
  if (!outline.items.length) tasks.push(...paragraphTasks(ctx, outline.preamble.start, outline.preamble.end));
  if (ctx.bodyLines) tasks.push(...tableTasks(ctx.doc, ctx.src, ctx.bodyLines.from, ctx.bodyLines.to, ctx.docDate));
  return tasks;
}

function recipientAgencies(ctx: TaskContext): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const r of ctx.recipients ?? []) out.push(...readAgencyList(ctx.src, r.span.start, r.span.end).mentions);
  return out;
}

/** A body without numbered items: each paragraph that asks a named agency to act is a task. */
function paragraphTasks(ctx: Run, start: number, end: number): Task[] {
  const tasks: Task[] = [];
  let at = start;
  while (at < end) {
    const nl = ctx.doc.text.indexOf("\n", at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const para = { start: at, end: lineEnd };
    at = lineEnd + 1;
    if (!/(?<![a-z])(?:de nghi|yeu cau|giao|keu goi)\s/.test(ctx.doc.folded.slice(para.start, para.end))) continue;
    const item: Item = { kind: "arabic", label: String(tasks.length + 1), ref: String(tasks.length + 1), start: para.start, end: para.end, textStart: para.start, children: [], parent: null, position: tasks.length + 1 };
    const task = askingTask(ctx, item);
    if (task) tasks.push(task);
  }
  return tasks;
}

/** Parts and articles that set goals, scope or rules ask no one to act. */
const NON_TASK_TITLE = /^(?:muc dich|yeu cau|muc tieu|doi tuong|pham vi|giai thich|nguyen tac|can cu|tinh hinh|ket qua|danh gia|xu ly vi pham|trinh tu|thu tuc|muc ho tro|dieu kien|ho so|quy dinh chung|thoi gian|noi dung ho tro|kinh phi|nguon kinh phi|che do|tieu chuan|dinh muc)/;
const TASK_TITLE = /(?:to chuc thuc hien|trach nhiem|thi hanh|hieu luc|nhiem vu|phan cong|giai phap|trien khai|dieu khoan thi hanh)/;

/** A titled part ("I. MỤC ĐÍCH, YÊU CẦU") or article ("Điều 4. Đối tượng được hỗ trợ") that holds no tasks. */
function isRuleSection(ctx: TaskContext, item: Item): boolean {
  if (item.kind !== "dieu" && item.kind !== "roman") return false;
  const lineEnd = ctx.doc.text.indexOf("\n", item.textStart);
  const title = ctx.doc.folded.slice(item.textStart, lineEnd < 0 ? item.end : Math.min(lineEnd, item.end)).trim();
  if (title.length > 100 || /[.;]$/.test(title)) return false;
  return NON_TASK_TITLE.test(title) || (item.kind === "dieu" && !TASK_TITLE.test(title));
}

function walk(ctx: Run, item: Item, inherited: AgencyMention[], out: Task[]): void {
  if (isRuleSection(ctx, item)) return;
  const own = analyzeLead(ctx, item.textStart, item.end);
  const childLeads = hasExplicitDescendant(ctx, item);
  const end = childLeads ? item.end : fullEnd(item);
  if (own.explicit && !own.descriptive && own.lead.length) out.push(makeTask(ctx, item, own.lead, end));
  else if (!own.explicit && !childLeads && own.imperative && inherited.length) out.push(makeTask(ctx, item, inherited, end));
  if (!childLeads) return;
  const pass = own.explicit && own.lead.length ? own.lead : inherited;
  for (const child of item.children) walk(ctx, child, pass, out);
}

function hasExplicitDescendant(ctx: Run, item: Item): boolean {
  return item.children.some((c) => {
    const r = analyzeLead(ctx, c.textStart, c.end);
    return (r.explicit && r.lead.length > 0 && !r.descriptive) || hasExplicitDescendant(ctx, c);
  });
}

/** Who an item (or sentence) in [start, end) addresses (memoized per parse: items are asked twice). */
function analyzeLead(ctx: Run, start: number, end: number): LeadResult {
  const key = start * 1e7 + end;
  const hit = ctx.leads.get(key);
  if (hit) return hit;
  const result = analyzeLeadUncached(ctx, start, end);
  ctx.leads.set(key, result);
  return result;
}

/**
 * "Tổ chức tiêm chủng: Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, …" — a short title before a
 * colon names the work; who does it follows the colon.
 */
function titledItem(ctx: Run, start: number, sentenceEnd: number, end: number): LeadResult | null {
  const colon = ctx.doc.text.indexOf(":", start);
  if (colon < 0 || colon >= sentenceEnd || colon - start > 80 || colon + 1 >= end) return null;
  if (readAgencyList(ctx.src, start, colon).mentions.length) return null;
  const after = analyzeLead(ctx, colon + 1, end);
  return after.explicit ? after : null;
}

function analyzeLeadUncached(ctx: Run, start: number, end: number): LeadResult {
  const { doc, src } = ctx;
  const sentenceEnd = firstSentenceEnd(doc.text, start, end);
  const head = doc.folded.slice(start, sentenceEnd).trimStart();
  const lead0 = start + (doc.folded.slice(start, sentenceEnd).length - head.length);
  const titled = titledItem(ctx, lead0, sentenceEnd, end);
  if (titled) return titled;
  const ask = ASK.exec(head);
  if (ask) {
    const list = readAgencyList(src, lead0 + ask[0].length, sentenceEnd);
    return { lead: list.mentions, explicit: list.mentions.length > 0, descriptive: false, imperative: true };
  }
  const subject = readAgencyList(src, lead0, sentenceEnd);
  if (head.startsWith("nhung") && /^nhung\s/.test(head) && /^[^,.;]{0,60}\snao\s/.test(head)) return { lead: [], explicit: false, descriptive: true, imperative: false };
  if (subject.mentions.length) {
    const rest = doc.folded.slice(subject.end, sentenceEnd).trimStart();
    const asked = ASK_AFTER_SUBJECT.exec(rest);
    if (asked) {
      const at = subject.end + (doc.folded.slice(subject.end, sentenceEnd).length - rest.length) + asked[0].length;
      const object = readAgencyList(src, at, sentenceEnd);
      if (object.mentions.length) return { lead: object.mentions, explicit: true, descriptive: false, imperative: true };
      return objectAfterDe(ctx, at, sentenceEnd);
    }
    if (/^(?:chu tri|lanh dao|chi dao|co trach nhiem|chiu trach nhiem)/.test(rest) || rest === "" || /^[:.]/.test(rest)) {
      return { lead: subject.mentions, explicit: true, descriptive: false, imperative: true };
    }
    if (DESCRIPTIVE.test(rest) && !/^co trach nhiem/.test(rest)) return { lead: [], explicit: false, descriptive: true, imperative: false };
    return { lead: subject.mentions, explicit: true, descriptive: false, imperative: true };
  }
  const inner = objectAfterDe(ctx, lead0, sentenceEnd);
  if (inner.explicit) return inner;
  return { lead: [], explicit: false, descriptive: false, imperative: IMPERATIVE.test(head) };
}

// Anchored patterns start with one of their anchors (see text/scan.ts).
const INNER_ASK = anchored(/(?<![a-z])(?:de nghi|yeu cau|giao cho|keu goi|de)\s+(?=\p{L})/gu, ["de", "yeu cau", "giao cho", "keu goi"]);

/**
 * `matchesOf(INNER_ASK, folded)`. The "de" anchor is in nearly every word "den", "dem", "de" …;
 * a match through it ("de nghi" or "de") needs a non-letter before and white space after, so only
 * those "de" are tried.
 */
export function innerAskMatches(folded: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (let i = folded.indexOf("de"); i >= 0; i = folded.indexOf("de", i + 1)) {
    if (!isLowerAsciiLetter(folded.charCodeAt(i - 1)) && isSpaceUnit(folded.charCodeAt(i + 2))) starts.push(i);
  }
  const fromDe = starts.length;
  for (const anchor of RARE_ASKS) for (let i = folded.indexOf(anchor); i >= 0; i = folded.indexOf(anchor, i + 1)) starts.push(i);
  if (fromDe && starts.length > fromDe) starts.sort((a, b) => a - b);
  return matchesAt(INNER_ASK.sticky, folded, starts);
}

const RARE_ASKS = ["yeu cau", "giao cho", "keu goi"];

/** "Đối với kiến nghị …, đề nghị Ban Chỉ đạo … xem xét", "thông báo để Quý Ủy ban chỉ đạo …". */
function objectAfterDe(ctx: TaskContext, start: number, end: number): LeadResult {
  const folded = ctx.doc.folded.slice(start, end);
  for (const m of innerAskMatches(folded)) {
    const at = start + m.index + m[0].length;
    const list = readAgencyList(ctx.src, at, end);
    const first = list.mentions[0];
    if (!first || !/^\p{Lu}|^các\s|^cac\s/u.test(first.text)) continue;
    const rest = ctx.doc.folded.slice(list.end, end).trimStart();
    if (rest === "" || DESCRIPTIVE.test(rest)) continue;
    return { lead: list.mentions, explicit: true, descriptive: false, imperative: true };
  }
  return { lead: [], explicit: false, descriptive: false, imperative: false };
}

const SENTENCE_END = /[.!?](?:\s|$)|\n/g;

/**
 * Where /[.!?](?:\s|$)|\n/u first matches in text.slice(start, end), as an offset of `text` (`end`
 * if nowhere), searched in `text` itself rather than in a slice: below end - 1 a position matches
 * in both or in neither; at end - 1 the slice's "$" lets any of ".!?\n" end it.
 */
export function firstSentenceEnd(text: string, start: number, end: number): number {
  SENTENCE_END.lastIndex = start;
  const m = SENTENCE_END.exec(text);
  if (m && m.index < end - 1) return m.index;
  return end - 1 >= start && isSentenceStop(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** . ! ? or a line feed. */
function isSentenceStop(unit: number): boolean {
  return unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x0a;
}

const INTRO_ASK = anchored(/(?<![a-z])(?:yeu cau|de nghi|giao cho|giao|keu goi)\s+/g, ["yeu cau", "de nghi", "giao", "keu goi"]);

/** The addressees of the sentence introducing the list ("… yêu cầu A, B, C … triển khai các nhiệm vụ sau:"). */
function introAddressees(ctx: TaskContext, start: number, end: number): AgencyMention[] {
  const folded = ctx.doc.folded.slice(start, end);
  let best: AgencyMention[] = [];
  for (const m of matchesOf(INTRO_ASK, folded)) {
    const list = readAgencyList(ctx.src, start + m.index + m[0].length, end);
    if (list.mentions.length) best = list.mentions;
  }
  return best;
}

function makeTask(ctx: TaskContext, item: Item, lead: AgencyMention[], end: number): Task {
  const { doc } = ctx;
  const original = doc.text.slice(item.textStart, end);
  const folded = doc.folded.slice(item.textStart, end);
  const text = collapseTrimmed(original);
  const support = notLeading(supportOf(ctx, item.textStart, end, folded), lead);
  const deadline = findDeadline(folded, original, ctx.docDate);
  return {
    ref: item.ref,
    text,
    lead: uniqueNames(lead),
    support: uniqueNames(support),
    deadline: deadline?.date ?? null,
    deadlineText: deadline?.text ?? null,
    recurrence: deadline?.recurrence ?? null,
    reportTo: uniqueNames(reportTo(ctx, item.textStart, end, folded)),
    span: { start: item.start, end },
    leadMentions: lead,
    supportMentions: support,
  };
}

function closingTask(ctx: Run, outline: Outline): Task | null {
  const c = outline.closing!;
  const last = outline.items[outline.items.length - 1];
  const ref = last && /^\d+$/.test(last.label) ? String(Number(last.label) + 1) : "closing";
  return askingTask(ctx, { kind: "arabic", label: ref, ref, start: c.start, end: c.end, textStart: c.start, children: [], parent: null, position: 0 });
}

/** A paragraph that names who must act and asks more than the formula "… triển khai thực hiện". */
function askingTask(ctx: Run, item: Item): Task | null {
  const r = analyzeLead(ctx, item.start, item.end);
  if (!r.explicit || !r.lead.length) return null;
  const after = ctx.doc.folded.slice(r.lead[r.lead.length - 1]!.span.end, firstSentenceEnd(ctx.doc.text, item.start, item.end));
  if (GENERIC_REST.test(after.replace(/[^a-z,./ ]/g, " "))) return null;
  return makeTask(ctx, item, r.lead, item.end);
}

const SUPPORT = /(?<![a-z])(?:phoi hop|voi su phoi hop cua|cung voi)\s*(?:chat che\s*)?(?:voi\s+|cung\s+)?/y;
const WITH_HELP = "voi su phoi hop cua";

/**
 * `matchesOf(anchored(SUPPORT, ["phoi hop", WITH_HELP, "cung voi"]), folded)`, with WITH_HELP found
 * from the "phoi hop" it holds (7 units in) rather than by a third scan of the item, and "cung voi"
 * from its "voi" (5 units in): indexOf runs ahead on a pattern's first unit, and "c" is so common
 * that looking for "voi" and checking "cung " before it costs about a third.
 */
export function supportMatches(folded: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (let i = folded.indexOf("phoi hop"); i >= 0; i = folded.indexOf("phoi hop", i + 1)) {
    if (i >= 7 && folded.startsWith(WITH_HELP, i - 7)) starts.push(i - 7);
    starts.push(i);
  }
  const fromPhoiHop = starts.length;
  for (let i = folded.indexOf("voi"); i >= 0; i = folded.indexOf("voi", i + 1)) {
    if (i >= 5 && folded.startsWith("cung ", i - 5)) starts.push(i - 5);
  }
  if (fromPhoiHop && starts.length > fromPhoiHop) starts.sort((a, b) => a - b);
  return matchesAt(SUPPORT, folded, starts);
}

/** Support agencies other than the lead (most items name none, so the lead's keys are seldom made). */
function notLeading(support: Support, lead: AgencyMention[]): AgencyMention[] {
  if (!support.mentions.length) return support.mentions;
  const leadKeys = new Set(lead.map(agencyKey));
  return support.mentions.filter((_, k) => !leadKeys.has(support.keys[k]!));
}

/** Support mentions, each agency once, with their agencyKey (made once, reused by notLeading). */
interface Support {
  mentions: AgencyMention[];
  keys: string[];
}

/** `folded` is the item's folded text, doc.folded.slice(start, end). */
function supportOf(ctx: TaskContext, start: number, end: number, folded: string): Support {
  const mentions: AgencyMention[] = [];
  const keys: string[] = [];
  for (const m of supportMatches(folded)) {
    const at = start + m.index + m[0].length;
    const list = readAgencyList(ctx.src, at, end);
    for (const mention of list.mentions) {
      const key = agencyKey(mention);
      if (keys.includes(key)) continue;
      keys.push(key);
      mentions.push(mention);
    }
  }
  return { mentions, keys };
}

const REPORT = anchored(/(?<![a-z])bao cao(?![a-z])/g, ["bao cao"]);

/** "báo cáo kết quả … về Ban Dân vận Trung ương", "gửi báo cáo về Bộ …", "báo cáo UBND tỉnh"; `folded` as for supportOf. */
function reportTo(ctx: TaskContext, start: number, end: number, folded: string): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of matchesOf(REPORT, folded)) {
    const from = start + m.index + m[0].length;
    const window = ctx.doc.folded.slice(from, Math.min(end, from + 160));
    const direct = readAgencyList(ctx.src, from, Math.min(end, from + 160));
    if (direct.mentions.length && startsUpper(direct.mentions[0]!.text)) {
      out.push(...direct.mentions);
      continue;
    }
    const to = /^[^.;]*?(?<![a-z])(?:ve|len|cho|gui ve|gui)\s+(?=\p{L})/u.exec(window);
    if (!to || /(?<![a-z])de\s/.test(to[0])) continue;
    const list = readAgencyList(ctx.src, from + to[0].length, end);
    if (list.mentions[0] && startsUpper(list.mentions[0].text)) out.push(...list.mentions);
  }
  return out;
}

/** Two mentions name the same agency when their texts agree but for case (each key made once). */
function agencyKey(m: AgencyMention): string {
  return m.text.toLowerCase();
}

function uniqueNames(ms: AgencyMention[]): string[] {
  const out: string[] = [];
  for (const m of ms) {
    const name = collapseTrimmed(m.text);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
