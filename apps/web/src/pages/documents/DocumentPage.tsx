/** @module pages/documents/DocumentPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function DocumentPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("documents.title")}</h1>
    </section>
  );
}
