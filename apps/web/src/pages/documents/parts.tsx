/**
 * @module pages/documents/parts
 * Small pieces the document pages share: a snippet with its matches marked, a document's type
 * label, a date in the reader's format, and the placeholder badge.
 */
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, type DocumentSummary, type Snippet } from "./data.js";

/** The snippet's text with each match in <mark>: text nodes only, never parsed HTML. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: { text: string; marked: boolean }[] = [];
  const marks = [...snippet.marks].filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const mark of marks) {
    const start = Math.max(mark.start, at);
    const end = Math.min(mark.end, snippet.text.length);
    if (end <= start) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return (
    <>
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return null;
  return <time dateTime={value}>{formatDate(value, i18n.language)}</time>;
}

/** Type codes offered in the filter, with their catalog keys (codes keep their Vietnamese letters). */
export const TYPES: { key: string; code: string }[] = [
  { key: "CT", code: "CT" },
  { key: "CD", code: "CĐ" },
  { key: "CV", code: "CV" },
  { key: "TB", code: "TB" },
  { key: "KL", code: "KL" },
  { key: "QD", code: "QĐ" },
  { key: "KH", code: "KH" },
  { key: "NQ", code: "NQ" },
  { key: "HD", code: "HD" },
  { key: "BC", code: "BC" },
];

/** The type's name as read ("Công văn"); for a placeholder, the catalog's name of its code. */
export function typeLabel(doc: Pick<DocumentSummary, "type">, t: (key: string) => string): string | null {
  const { code, name } = doc.type;
  // A placeholder carries the cited type's code in `name` (code null): name it from the catalog.
  const known = TYPES.find((ty) => ty.code === (code ?? name));
  if (name && name !== known?.code) return name;
  return known ? t(`documents.types.${known.key}`) : (code ?? name);
}

export function PlaceholderBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-placeholder" title={t("documents.placeholderHint")}>
      {t("documents.placeholder")}
    </span>
  );
}

/** The document's code, or words saying it has none. */
export function codeOf(doc: Pick<DocumentSummary, "code">, t: (key: string) => string): string {
  return doc.code ?? t("documents.noCode");
}
