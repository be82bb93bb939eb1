/**
 * @module pages/documents/DocumentsPage
 * Search the documents: words with or without diacritics, filters by type, issuer and date,
 * results with their matches marked. Everything lives in the URL (?q=&type=&issuer=&from=&to=
 * &page=) so a search is linkable and Back returns to it.
 */
import { useEffect, useRef, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { useDocumentSearch, type SearchHit } from "./data.js";
import { DateText, PlaceholderBadge, SnippetText, codeOf, typeLabel } from "./parts.js";
import "./documents.css";

const PAGE_SIZE = 20;
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
const FIELDS = ["q", "type", "issuer", "from", "to"] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const type = params.get("type") ?? "";
  const issuer = params.get("issuer") ?? "";
  const from = valid(params.get("from"));
  const to = valid(params.get("to"));
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const search = useDocumentSearch({ q: q.trim() || undefined, type: type || undefined, issuer: issuer.trim() || undefined, from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const heading = useRef<HTMLHeadingElement>(null);
  const filtered = FIELDS.some((f) => params.get(f));

  useEffect(() => {
    document.title = `${t("documents.title")} · ${t("app.name")}`;
  }, [t]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? "").trim();
      if (value) next.set(field, value);
    }
    setParams(next);
  }

  function goTo(p: number) {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete("page");
    else next.set("page", String(p));
    setParams(next);
    heading.current?.focus();
  }

  const data = search.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const count = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN").format(data?.total ?? 0);

  return (
    <section className="page documents-page">
      <h1 ref={heading} tabIndex={-1}>
        {t("documents.title")}
      </h1>
      {/* Keyed by the URL so Back and Forward show the search they return to. */}
      <form key={params.toString()} role="search" className="card doc-search" onSubmit={submit} aria-label={t("documents.search.label")}>
        <div className="doc-search-main">
          <div className="field doc-search-q">
            <label htmlFor="doc-q">{t("documents.search.label")}</label>
            <input id="doc-q" name="q" type="search" defaultValue={q} placeholder={t("documents.search.placeholder")} aria-describedby="doc-q-hint" data-testid="document-search" autoComplete="off" />
            <span id="doc-q-hint" className="muted doc-hint">
              {t("documents.search.hint")}
            </span>
          </div>
          <button type="submit" className="button-primary">
            {t("common.search")}
          </button>
        </div>
        <fieldset className="filters doc-filters">
          <legend className="visually-hidden">{t("documents.filters.legend")}</legend>
          <div className="field">
            <label htmlFor="doc-type">{t("documents.filters.type")}</label>
            <select id="doc-type" name="type" defaultValue={type}>
              <option value="">{t("documents.filters.anyType")}</option>
              {TYPES.map((ty) => (
                <option key={ty.key} value={ty.code}>
                  {t(`documents.types.${ty.key}`)} ({ty.code})
                </option>
              ))}
              {type && !TYPES.some((ty) => ty.code === type) ? <option value={type}>{type}</option> : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="doc-issuer">{t("documents.filters.issuer")}</label>
            <input id="doc-issuer" name="issuer" type="text" defaultValue={issuer} placeholder={t("documents.filters.issuerPlaceholder")} />
          </div>
          <div className="field">
            <label htmlFor="doc-from">{t("documents.filters.from")}</label>
            <input id="doc-from" name="from" type="date" defaultValue={from ?? ""} max={to} />
          </div>
          <div className="field">
            <label htmlFor="doc-to">{t("documents.filters.to")}</label>
            <input id="doc-to" name="to" type="date" defaultValue={to ?? ""} min={from} />
          </div>
          {filtered ? (
            <button type="button" className="button-quiet" onClick={() => setParams(new URLSearchParams())}>
              {t("documents.filters.clear")}
            </button>
          ) : null}
        </fieldset>
      </form>

      <div aria-live="polite" aria-busy={search.isFetching} className="doc-results-head">
        {data ? (
          <p className="muted">
            {data.totalExact ? t("documents.results.count", { formatted: count }) : t("documents.results.about", { formatted: count })}
            {data.total > 0 ? <> · {data.sort === "relevance" ? t("documents.results.byRelevance") : t("documents.results.byDate")}</> : null}
            {search.isFetching ? <> · {t("common.loading")}</> : null}
          </p>
        ) : null}
      </div>
      {search.isPending ? <Loading /> : null}
      {search.error ? <ErrorNotice error={search.error} /> : null}
      {data && data.items.length === 0 ? <p className="notice">{filtered ? t("documents.results.noneFound") : t("documents.results.empty")}</p> : null}
      {data && data.items.length > 0 ? (
        <ol className="doc-results" start={data.offset + 1}>
          {data.items.map((hit) => (
            <Result key={hit.id} hit={hit} />
          ))}
        </ol>
      ) : null}
      {data && pages > 1 ? (
        <nav className="pager" aria-label={t("documents.results.pagination")}>
          <button type="button" onClick={() => goTo(page - 1)} disabled={page <= 1}>
            {t("common.previous")}
          </button>
          <span>{data.totalExact ? t("documents.results.page", { page, pages }) : t("documents.results.pageAbout", { page, pages })}</span>
          <button type="button" onClick={() => goTo(page + 1)} disabled={page >= pages || data.items.length < PAGE_SIZE}>
            {t("common.next")}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

function Result({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const type = typeLabel(hit);
  return (
    <li className="card doc-result" data-testid="document-result">
      <div className="doc-result-head">
        <Link to={`/documents/${hit.id}`} className="doc-result-code">
          {codeOf(hit, t)}
        </Link>
        {type ? <span className="badge">{type}</span> : null}
        {hit.status === "placeholder" ? <PlaceholderBadge /> : null}
        <span className="muted doc-result-meta">
          {hit.issuer}
          {hit.issuer && hit.date ? " · " : null}
          <DateText value={hit.date} />
        </span>
      </div>
      {hit.subject ? <p className="doc-result-subject">{hit.subject}</p> : null}
      {hit.snippet && hit.snippet.text ? (
        <p className="doc-snippet">
          <span className="visually-hidden">{t("documents.results.snippet")}: </span>…<SnippetText snippet={hit.snippet} />…
        </p>
      ) : null}
    </li>
  );
}

function valid(date: string | null): string | undefined {
  return date && ISO_DATE.test(date) ? date : undefined;
}
