import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, localizedMessage } from "../lib/api";
import { Button } from "./ui";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("loading")}
    </div>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <div className="state state-empty">{children ?? t("empty")}</div>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{t("errorTitle")}</p>
      <p>{problem?.detail ?? (error instanceof Error ? error.message : String(error))}</p>
      {problem?.requestId ? <p className="muted">{t("requestId", { id: problem.requestId })}</p> : null}
      {onRetry ? (
        <Button variant="secondary" onPress={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </div>
  );
}

/** The form-level message for a failed submit; announced by screen readers when it appears. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const messages = [...new Set(problem?.errors?.map((e) => localizedMessage(e.rule, e.message)) ?? [])];
  if (messages.length === 0) {
    return (
      <div className="form-error" role="alert">
        {problem?.detail ?? String(error)}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      <p className="form-error-title">{t("formErrors", { count: messages.length })}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The states of a query in one place: loading, error with retry, empty, or the content. `isEmpty`
 * decides what counts as nothing to show (e.g. an empty first page).
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
