/** @module pages/directory/DirectoryPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function DirectoryPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("directory.title")}</h1>
    </section>
  );
}
