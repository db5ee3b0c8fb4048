import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useContext, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, fieldErrors, problemText } from "../lib/api";
import { fieldLabel } from "../lib/form-fields";
import { MarkedErrors } from "./ServerForm";
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
      <p>{problemText(error)}</p>
      {problem?.requestId ? <p className="muted">{t("requestId", { id: problem.requestId })}</p> : null}
      {onRetry ? (
        <Button variant="secondary" onPress={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The summary of a failed submit: one line per field marked in the form (the form's own checks and the
 * API's, as a ServerForm marks them), each named by its label, or one sentence when no field is at fault.
 * It takes focus when it appears, which also scrolls it into view (in a dialog too), so the person starts
 * from what went wrong rather than from the button they pressed.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const marked = useContext(MarkedErrors);
  const errors = marked ?? fieldErrors(error);
  const entries = Object.entries(errors);
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const names = entries.map(([name]) => name).join("\n");
  const shown = entries.length > 0 || Boolean(error);
  useLayoutEffect(() => {
    const form = ref.current?.closest("form");
    if (!form || names === "") return;
    const found: Record<string, string> = {};
    for (const name of names.split("\n")) {
      const label = fieldLabel(form, name);
      if (label) found[name] = label;
    }
    setLabels(found);
  }, [names]);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, error, names]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} className="form-error" role="alert">
      {entries.length === 0 ? (
        problemText(error)
      ) : (
        <>
          <p className="form-error-title">{t("formErrors", { count: entries.length })}</p>
          <ul>
            {entries.map(([name, message]) => (
              <li key={name}>{labels[name] ? `${labels[name]}: ${message}` : message}</li>
            ))}
          </ul>
        </>
      )}
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
