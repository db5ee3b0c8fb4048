import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { I18nProvider } from "react-aria-components";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { ApiError } from "./lib/api";
import { makeRouter } from "./router";
import "./i18n";
import "./styles.css";

/**
 * A session that ends while someone works (timeout, signed out elsewhere) sends them to sign in and back
 * to where they were, instead of leaving every page showing an error that retrying cannot fix.
 */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (error.problem.code !== "session_expired" && error.problem.code !== "unauthenticated") return;
  const here = `${window.location.pathname}${window.location.search}`;
  // Leave the signed-in area first, then forget everything cached for the ended session.
  void router.navigate({ to: "/login", search: { redirect: here } }).then(() => queryClient.clear());
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = makeRouter(queryClient);

/** react-aria's own texts (select placeholders, dismiss buttons) follow the app's language, not the browser's. */
function App() {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language === "en" ? "en-GB" : "sv-SE"}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
