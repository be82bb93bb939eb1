/** @module pages/inbox/InboxPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function InboxPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("inbox.title")}</h1>
    </section>
  );
}
