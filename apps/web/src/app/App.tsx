/**
 * @module app/App
 * The app: the query client, the session (the sign-in page until there is one), then the shell
 * and the routed pages.
 */
import { Suspense } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { SessionProvider, useSessionQuery } from "../auth/session.js";
import { LoginPage } from "../auth/LoginPage.js";
import { Shell } from "./Shell.js";
import { pages } from "./routes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { Loading } from "../components/Loading.js";

const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } });

export function App() {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function Gate() {
  const { data: session, error, isPending } = useSessionQuery();
  if (isPending) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
  if (!session) return <LoginPage />;
  return (
    <SessionProvider session={session}>
      <Shell>
        <Suspense fallback={<Loading />}>
          <PageRoutes agency={session.user.agency !== null} />
        </Suspense>
      </Shell>
    </SessionProvider>
  );
}

function PageRoutes({ agency }: { agency: boolean }) {
  const P = pages;
  return (
    <Routes>
      <Route path="/" element={agency ? <Navigate to="/my-tasks" replace /> : <P.dashboard />} />
      <Route path="/inbox" element={<P.inbox />} />
      <Route path="/inbox/:id" element={<P.review />} />
      <Route path="/documents" element={<P.documents />} />
      <Route path="/documents/:id" element={<P.document />} />
      <Route path="/tasks" element={<P.tasks />} />
      <Route path="/tasks/:id" element={<P.task />} />
      <Route path="/my-tasks" element={<P.myTasks />} />
      <Route path="/directory" element={<P.directory />} />
      <Route path="/directory/units/:id" element={<P.unit />} />
      <Route path="/directory/agencies/:id" element={<P.agency />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
    </section>
  );
}
