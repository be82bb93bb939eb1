/**
 * The fields ../shared/eval/score.mjs scores, folded the way it compares them, so two records
 * can be compared for "the same scored fields".
 */
import { foldKey, type DocumentRecord } from "@chidao/core";

const f = (s: string | null | undefined): string => foldKey(s ?? "").replace(/^[\s\-–•*.,;:]+|[\s.,;:]+$/g, "");

export function scoredView(r: DocumentRecord): Record<string, unknown> {
  const groups = new Map<string, { lead: Set<string>; support: Set<string>; deadlines: Set<string> }>();
  for (const t of r.tasks) {
    const k = t.ref.split(/[.\-)]/)[0]!;
    const g = groups.get(k) ?? { lead: new Set(), support: new Set(), deadlines: new Set() };
    t.lead.forEach((x) => g.lead.add(f(x)));
    t.support.forEach((x) => g.support.add(f(x)));
    if (t.deadline) g.deadlines.add(t.deadline);
    groups.set(k, g);
  }
  return {
    system: r.system,
    issuer: f(r.issuer?.name),
    parent: f(r.issuer?.parent),
    code: f(r.code).replace(/\s+/g, "").toUpperCase(),
    type: r.type?.code ?? null,
    place: f(r.place),
    date: r.date,
    subject: f(r.subject),
    urgency: r.urgency,
    signer: [f(r.signer.name), f(r.signer.title), [...r.signer.authority].sort()],
    recipients: r.recipients.map(f),
    distribution: r.distribution.map(f),
    citations: r.citations.map((c) => [c.code.replace(/\s+/g, "").toUpperCase(), c.date]).sort(),
    tasks: [...groups.entries()].sort().map(([k, g]) => [k, [...g.lead].sort(), [...g.support].sort(), [...g.deadlines].sort()]),
  };
}
