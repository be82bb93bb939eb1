/** @module pages/directory/UnitPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function UnitPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("directory.title")}</h1>
    </section>
  );
}
