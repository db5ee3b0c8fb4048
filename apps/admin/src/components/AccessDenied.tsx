import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AccessDenied } from "../lib/access";
import { ErrorState } from "./states";
import { PageHeader } from "./ui";

/** What someone without NNS administration rights sees on NNS's own pages. */
export function NnsOnly() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("access.nnsOnlyTitle")} />
      <p className="notice">{t("access.nnsOnly")}</p>
    </>
  );
}

/** What someone whose role lacks the page's permission sees. */
export function NoPermission() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("access.deniedTitle")} />
      <p className="notice">{t("access.denied")}</p>
    </>
  );
}

/**
 * The errorComponent of a guarded route: a refusal from its guard (lib/access) in words, and any other
 * failure of the guard (e.g. the permissions could not be fetched) as an error with a retry.
 */
export function AccessDeniedPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  if (error instanceof AccessDenied) return error.reason === "nns" ? <NnsOnly /> : <NoPermission />;
  return <ErrorState error={error} onRetry={() => void router.invalidate()} />;
}
