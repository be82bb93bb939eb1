/** @module components/ErrorNotice — an error in the reader's language, never a stack trace. */
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.js";

export function ErrorNotice({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const message = error instanceof ApiError ? error.messageIn(i18n.language) : t("errors.unexpected");
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
