/** @module pages/tasks/TasksPage — being built (issue 5). */
import { useTranslation } from "react-i18next";

export default function TasksPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("tasks.title")}</h1>
    </section>
  );
}
