/**
 * @module resolution/document-mentions
 * Every agency mention of a stored record, with where it sits: the issuer, each recipient and
 * distribution line, each task's lead, support and report-to, and the names found in the body.
 */
import type { AgencyMention, DocumentRecord, MentionInput, Span } from "@chidao/core";

export type MentionRole = "issuer" | "recipient" | "lead" | "support" | "report_to" | "distribution" | "body";

export interface PlacedMention {
  /** Where in the record: "tasks[2].lead[0]", "recipients[1]", "issuer". */
  path: string;
  role: MentionRole;
  mention: MentionInput;
  span: Span | null;
}

export function documentMentions(record: DocumentRecord): PlacedMention[] {
  const out: PlacedMention[] = [];
  if (record.issuer?.name) out.push({ path: "issuer", role: "issuer", mention: named(record.issuer.name), span: record.issuer.span ?? null });
  record.recipients.forEach((r, i) => out.push({ path: `recipients[${i}]`, role: "recipient", mention: named(r), span: null }));
  (record.distribution ?? []).forEach((r, i) => out.push({ path: `distribution[${i}]`, role: "distribution", mention: named(r), span: null }));
  record.tasks.forEach((t, i) => {
    t.leadMentions.forEach((m, j) => out.push(parsed(`tasks[${i}].lead[${j}]`, "lead", m)));
    t.supportMentions.forEach((m, j) => out.push(parsed(`tasks[${i}].support[${j}]`, "support", m)));
    t.reportTo.forEach((r, j) => out.push({ path: `tasks[${i}].reportTo[${j}]`, role: "report_to", mention: named(r), span: null }));
  });
  record.agencies.forEach((m, k) => out.push(parsed(`agencies[${k}]`, "body", m)));
  return out.filter((p) => p.mention.text.trim() !== "");
}

/** A name the parser kept as a string (a recipient, a report-to): its kind is not known. */
function named(text: string): MentionInput {
  return { text, kind: "other" };
}

function parsed(path: string, role: MentionRole, m: AgencyMention): PlacedMention {
  return { path, role, mention: m, span: m.span };
}
