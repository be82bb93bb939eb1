/** @module components/Loading — a quiet, announced loading state. */
import { useTranslation } from "react-i18next";

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("common.loading")}
    </p>
  );
}
