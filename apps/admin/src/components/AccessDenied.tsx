import { Link, type NotFoundRouteProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { refusalOf } from "../lib/access";
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
 * The notFoundComponent of a guarded route: a refusal by its guard (lib/access) in words. Inside the
 * /nns routes it also answers an address that names no page, there within the signed-in frame.
 */
export function AccessDeniedPage({ data }: NotFoundRouteProps) {
  const { t } = useTranslation();
  const refusal = refusalOf(data);
  if (refusal === "nns") return <NnsOnly />;
  if (refusal === "permission") return <NoPermission />;
  return (
    <>
      <PageHeader title={t("notFound.title")} description={t("notFound.body")} />
      <Link to="/">{t("notFound.home")}</Link>
    </>
  );
}
