/**
 * @module documents/identity
 * When two files are one document: the same bytes, or the same issuer, number/symbol and date
 * (a PDF and a DOCX of one directive). A cited document is known by its number/symbol, narrowed
 * by date or year when the citation gives them (numbers restart every year).
 */
import { codeKey, nameKey, type DocumentRecord } from "@chidao/core";

export interface Identity {
  issuerKey: string | null;
  codeKey: string | null;
  date: string | null;
}

export function identityOf(record: DocumentRecord): Identity {
  return {
    issuerKey: record.issuer ? nameKey(record.issuer.name) : null,
    codeKey: record.code ? codeKey(record.code) : null,
    date: record.date,
  };
}

/** An identity complete enough to say that another file is the same document. */
export function isComplete(identity: Identity): identity is { issuerKey: string; codeKey: string; date: string } {
  return identity.issuerKey !== null && identity.codeKey !== null && identity.date !== null;
}

/** The year a citation's date or code gives ("…/2021/NĐ-CP" carries its year). */
export function citedYear(code: string, date: string | null): number | null {
  if (date) return Number(date.slice(0, 4));
  const m = /\/((?:19|20)\d\d)\//u.exec(code);
  return m ? Number(m[1]) : null;
}
