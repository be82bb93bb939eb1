/**
 * @module pages/inbox/InboxPage
 * The inbox: drop one or many directive documents (or choose them), watch each upload's progress,
 * open each parsed document for review; below, the documents still waiting for a reviewer
 * (proposed tasks to confirm, agency mentions to settle).
 */
import { useMemo, useRef, useState, type DragEvent } from "react";
import { Link } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import type { Page } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { formatDate, formatSize, keys, useDocument, type DocumentSummary, type ReviewItem, type TaskItem } from "./api.js";
import { ACCEPT_ATTR, canRetry, clearFinished, enqueue, retry, useUploads, type Upload } from "./uploads.js";
import "./inbox.css";

export default function InboxPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const uploads = useUploads();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const add = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    enqueue(Array.from(list), session.csrfToken, () => {
      void client.invalidateQueries({ queryKey: keys.recent });
      void client.invalidateQueries({ queryKey: keys.proposed });
      void client.invalidateQueries({ queryKey: keys.queue });
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  const done = uploads.filter((u) => u.state === "done").length;
  const failed = uploads.filter((u) => u.state === "error").length;
  const active = uploads.length - done - failed;

  return (
    <section className="page inbox" aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">{t("inbox.title")}</h1>
      </div>
      <p className="muted">{t("inbox.intro")}</p>

      <div
        className={"inbox-drop" + (dragging ? " is-dragging" : "")}
        data-testid="inbox-drop"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p className="inbox-drop-title">{t("inbox.drop.title")}</p>
        <p className="muted">{t("inbox.drop.formats")}</p>
        <input
          ref={input}
          id="inbox-file"
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT_ATTR}
          data-testid="inbox-file-input"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
        <button type="button" className="button-primary inbox-choose" onClick={() => input.current?.click()}>
          {t("inbox.drop.choose")}
        </button>
      </div>

      <p className="visually-hidden" aria-live="polite" role="status">
        {uploads.length > 0 ? t("inbox.upload.summary", { done, failed, active }) : ""}
      </p>

      {uploads.length > 0 && (
        <section aria-labelledby="uploads-title" className="card">
          <div className="page-head">
            <h2 id="uploads-title">{t("inbox.upload.title")}</h2>
            <span className="muted">{t("inbox.upload.summary", { done, failed, active })}</span>
            {done + failed > 0 && (
              <div className="actions">
                <button type="button" className="button-quiet" onClick={clearFinished}>
                  {t("inbox.upload.clear")}
                </button>
              </div>
            )}
          </div>
          <ul className="upload-list">
            {uploads.map((u) => (
              <UploadRow key={u.key} upload={u} />
            ))}
          </ul>
        </section>
      )}

      <Waiting />
    </section>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  const { t, i18n } = useTranslation();
  const percent = upload.size > 0 ? Math.min(100, Math.round((upload.loaded / upload.size) * 100)) : upload.state === "done" ? 100 : 0;
  const id = upload.result?.id ?? null;
  return (
    <li className={`upload-row upload-${upload.state}`} data-testid="upload-row" data-state={upload.state}>
      <div className="upload-file">
        <strong className="upload-name">{upload.name}</strong>
        <span className="muted">{formatSize(upload.size, i18n.language)}</span>
      </div>
      <div className="upload-progress">
        <progress max={100} value={upload.state === "processing" ? undefined : percent} aria-label={t("inbox.upload.progressOf", { name: upload.name })} />
        <span className="upload-state">
          {upload.state === "uploading" ? t("inbox.upload.percent", { percent }) : t(`inbox.upload.state.${upload.state}`)}
          {upload.result && upload.result.status !== "created" ? ` · ${t(`inbox.upload.result.${upload.result.status}`)}` : ""}
        </span>
      </div>
      <div className="upload-outcome">
        {upload.state === "error" && (
          <>
            {upload.error === "unsupported" ? (
              <p className="notice notice-error" role="alert">
                {t("inbox.upload.unsupported")}
              </p>
            ) : (
              <ErrorNotice error={upload.error} />
            )}
            {canRetry(upload.key) && (
              <button type="button" onClick={() => retry(upload.key)}>
                {t("inbox.upload.retry")}
              </button>
            )}
          </>
        )}
        {id && <UploadedDocument id={id} />}
      </div>
    </li>
  );
}

function UploadedDocument({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useDocument(id);
  return (
    <div className="upload-doc">
      {data && (
        <span className="upload-doc-title">
          <strong>{data.code ?? t("inbox.noCode")}</strong> {data.issuer ? `· ${data.issuer}` : ""} {data.date ? `· ${formatDate(data.date, i18n.language)}` : ""}
        </span>
      )}
      <Link className="button-link" to={`/inbox/${id}`} data-testid="review-link">
        {t("inbox.upload.review")}
      </Link>
    </div>
  );
}

/** Recent documents, with what is still waiting on each: proposed tasks, mentions to settle. */
function Waiting() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const recent = useQuery({ queryKey: keys.recent, queryFn: () => api<Page<DocumentSummary>>(`/api/documents${query({ limit: 20 })}`) });
  const proposed = useQuery({ queryKey: keys.proposed, queryFn: () => api<Page<TaskItem>>(`/api/tasks${query({ status: "proposed", limit: 500 })}`), enabled: can("read") });
  const queue = useQuery({ queryKey: keys.queue, queryFn: () => api<ReviewItem[]>(`/api/review${query({ limit: 200 })}`), enabled: can("catalog.edit") });

  const counts = useMemo(() => {
    const tasks = new Map<string, number>();
    for (const task of proposed.data?.items ?? []) if (task.documentId) tasks.set(task.documentId, (tasks.get(task.documentId) ?? 0) + 1);
    const mentions = new Map<string, number>();
    for (const m of queue.data ?? []) mentions.set(m.document.id, (mentions.get(m.document.id) ?? 0) + 1);
    return { tasks, mentions };
  }, [proposed.data, queue.data]);

  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t("inbox.waiting.title")}</h2>
      {recent.isPending && <Loading />}
      {recent.error && <ErrorNotice error={recent.error} />}
      {recent.data && recent.data.items.length === 0 && <p className="muted">{t("inbox.waiting.empty")}</p>}
      {recent.data && recent.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("inbox.waiting.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.waiting.code")}</th>
                <th scope="col">{t("inbox.waiting.subject")}</th>
                <th scope="col">{t("inbox.waiting.date")}</th>
                <th scope="col">{t("inbox.waiting.tasks")}</th>
                <th scope="col">{t("inbox.waiting.mentions")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("inbox.waiting.action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.data.items.map((d) => {
                const tasks = counts.tasks.get(d.id) ?? 0;
                const mentions = counts.mentions.get(d.id) ?? 0;
                return (
                  <tr key={d.id}>
                    <td>
                      <strong>{d.code ?? t("inbox.noCode")}</strong>
                      <div className="muted">{d.issuer}</div>
                    </td>
                    <td>{d.subject}</td>
                    <td>{formatDate(d.date, i18n.language)}</td>
                    <td>{tasks > 0 ? <span className="badge badge-proposed">{tasks}</span> : <span className="muted">0</span>}</td>
                    <td>{mentions > 0 ? <span className="badge badge-overdue">{mentions}</span> : <span className="muted">0</span>}</td>
                    <td>
                      <Link to={`/inbox/${d.id}`} aria-label={t("inbox.waiting.open", { code: d.code ?? t("inbox.noCode") })}>
                        {t("inbox.waiting.review")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
