/** @module pages/dashboard/DashboardPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function DashboardPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("dashboard.title")}</h1>
    </section>
  );
}
