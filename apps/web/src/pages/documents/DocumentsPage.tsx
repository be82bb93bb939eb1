/**
 * @module pages/documents/DocumentsPage
 * Search the documents: words with or without diacritics, filters by type, issuer and date,
 * results with their matches marked. Everything lives in the URL (?q=&type=&issuer=&from=&to=
 * &page=) so a search is linkable and Back returns to it.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { formatDate, parseDate, useDocumentSearch, type SearchHit } from "./data.js";
import { DateText, PlaceholderBadge, SnippetText, TYPES, codeOf, typeLabel } from "./parts.js";
import "./documents.css";

const PAGE_SIZE = 20;
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
  const [bad, setBad] = useState<string[]>([]);
  const filtered = FIELDS.some((f) => params.get(f));

  const key = params.toString();
  useEffect(() => setBad([]), [key]);
  useEffect(() => {
    document.title = `${t("documents.title")} · ${t("app.name")}`;
  }, [t]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const wrong: string[] = [];
    for (const field of FIELDS) {
      let value = String(form.get(field) ?? "").trim();
      if (value && (field === "from" || field === "to")) {
        const date = parseDate(value);
        if (!date) wrong.push(field);
        value = date ?? "";
      }
      if (value) next.set(field, value);
    }
    setBad(wrong);
    if (wrong.length) {
      (event.currentTarget.elements.namedItem(wrong[0]!) as HTMLInputElement | null)?.focus();
      return;
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
      <form key={key} role="search" className="card doc-search" onSubmit={submit} aria-label={t("documents.search.label")}>
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
          <DateField name="from" label={t("documents.filters.from")} value={from} invalid={bad.includes("from")} />
          <DateField name="to" label={t("documents.filters.to")} value={to} invalid={bad.includes("to")} />
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
  const type = typeLabel(hit, t);
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

/** A date typed as the reader writes it (dd/mm/yyyy); the URL keeps YYYY-MM-DD. */
function DateField({ name, label, value, invalid }: { name: string; label: string; value: string | undefined; invalid: boolean }) {
  const { t } = useTranslation();
  const id = `doc-${name}`;
  return (
    <div className="field doc-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={value ? formatDate(value, "vi") : ""}
        placeholder={t("documents.filters.datePlaceholder")}
        title={t("documents.filters.dateHint")}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid ? (
        <span id={`${id}-error`} className="doc-field-error" role="alert">
          {t("documents.filters.dateInvalid")}
        </span>
      ) : null}
    </div>
  );
}
