/**
 * @module pages/inbox/RecordEditor
 * The reviewer's correction of a document's header (số, ký hiệu; type; date; issuer; trích yếu;
 * signer; place): only the fields that changed are sent, with If-Match at the version shown, so
 * an edit made on a stale page answers 409 instead of overwriting someone else's change.
 */
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../api/client.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { parseDate } from "../documents/data.js";
import { formatDate, keys, type DocumentDetail } from "./api.js";

/** The document types a reviewer picks from (the registry's codes, as @chidao/core lists them). */
const TYPES: readonly { code: string; name: string }[] = [
  { code: "NQ", name: "Nghị quyết" },
  { code: "QĐ", name: "Quyết định" },
  { code: "CT", name: "Chỉ thị" },
  { code: "KL", name: "Kết luận" },
  { code: "QC", name: "Quy chế" },
  { code: "QyĐ", name: "Quy định" },
  { code: "TB", name: "Thông báo" },
  { code: "HD", name: "Hướng dẫn" },
  { code: "CTr", name: "Chương trình" },
  { code: "KH", name: "Kế hoạch" },
  { code: "PA", name: "Phương án" },
  { code: "ĐA", name: "Đề án" },
  { code: "BC", name: "Báo cáo" },
  { code: "CĐ", name: "Công điện" },
  { code: "CV", name: "Công văn" },
  { code: "TTr", name: "Tờ trình" },
];

type Record = NonNullable<DocumentDetail["record"]>;

interface Values {
  code: string;
  typeCode: string;
  date: string;
  issuer: string;
  subject: string;
  signer: string;
  place: string;
}

function valuesOf(doc: DocumentDetail, record: Record, locale: string): Values {
  return {
    code: record.code ?? doc.code ?? "",
    typeCode: record.type?.code ?? doc.type.code ?? "",
    date: formatDay(record.date ?? doc.date, locale),
    issuer: record.issuer?.name ?? doc.issuer ?? "",
    subject: record.subject ?? doc.subject ?? "",
    signer: record.signer.name ?? "",
    place: record.place ?? "",
  };
}

/** dd/mm/yyyy in both languages: the editor's date is typed, not read. */
function formatDay(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  return locale === "en" ? iso.slice(0, 10) : formatDate(iso, locale);
}

export function RecordEditor({ doc, record, onDone, onCancel }: { doc: DocumentDetail; record: Record; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const initial = valuesOf(doc, record, i18n.language);
  const [values, setValues] = useState<Values>(initial);
  const [dateError, setDateError] = useState(false);
  const set = (name: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  const save = useMutation({
    mutationFn: (body: { [key: string]: string | null }) => api<DocumentDetail>(`/api/documents/${encodeURIComponent(doc.id)}`, { method: "PATCH", json: body, ifMatch: doc.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.document(doc.id), updated);
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: keys.document(doc.id) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: { [key: string]: string | null } = {};
    for (const name of ["code", "typeCode", "issuer", "subject", "signer", "place"] as const) {
      const value = values[name].trim();
      if (value !== initial[name].trim()) body[name] = value === "" && (name === "signer" || name === "place") ? null : value;
    }
    if (values.date.trim() !== initial.date.trim()) {
      const iso = parseDate(values.date);
      if (!iso) {
        setDateError(true);
        return;
      }
      body.date = iso;
    }
    setDateError(false);
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    save.mutate(body);
  };

  const id = `record-${doc.id}`;
  const types = TYPES.some((x) => x.code === initial.typeCode) || !initial.typeCode ? TYPES : [{ code: initial.typeCode, name: record.type?.name ?? initial.typeCode }, ...TYPES];
  return (
    <form className="review-record-form" onSubmit={submit} aria-label={t("inbox.record.editTitle")}>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t("inbox.field.code")}</label>
        <input id={`${id}-code`} value={values.code} maxLength={100} required onChange={set("code")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t("inbox.field.type")}</label>
        <select id={`${id}-type`} value={values.typeCode} required onChange={set("typeCode")}>
          {!initial.typeCode && <option value="">{t("inbox.field.missing")}</option>}
          {types.map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} — {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t("inbox.field.date")}</label>
        <input id={`${id}-date`} value={values.date} inputMode="numeric" placeholder={t("inbox.record.datePlaceholder")} aria-describedby={`${id}-date-hint`} aria-invalid={dateError || undefined} required onChange={set("date")} />
        <span id={`${id}-date-hint`} className={dateError ? "warn-text small" : "muted small"}>
          {dateError ? t("inbox.record.dateInvalid") : t("inbox.record.dateHint")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-issuer`}>{t("inbox.field.issuer")}</label>
        <input id={`${id}-issuer`} value={values.issuer} maxLength={300} required onChange={set("issuer")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t("inbox.field.subject")}</label>
        <textarea id={`${id}-subject`} value={values.subject} rows={3} maxLength={2000} required onChange={set("subject")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-signer`}>{t("inbox.field.signer")}</label>
        <input id={`${id}-signer`} value={values.signer} maxLength={200} onChange={set("signer")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{t("inbox.field.place")}</label>
        <input id={`${id}-place`} value={values.place} maxLength={200} onChange={set("place")} />
      </div>
      {save.error && <ErrorNotice error={save.error} />}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? t("inbox.record.saving") : t("common.save")}
        </button>
        <button type="button" onClick={onCancel} disabled={save.isPending}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
