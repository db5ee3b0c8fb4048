import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import "./i18n";

type Tab = "overview" | "edit" | "results" | "versions";

/** The parts of one intervention, as links (each is its own page with its own title). */
export function InterventionTabs({
  orgId,
  interventionId,
  canEdit,
}: {
  orgId: string;
  interventionId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation("catalog");
  const tabs: { tab: Tab; to: string; show: boolean }[] = [
    { tab: "overview", to: "/o/$orgId/interventions/$interventionId", show: true },
    { tab: "edit", to: "/o/$orgId/interventions/$interventionId/edit", show: canEdit },
    { tab: "results", to: "/o/$orgId/interventions/$interventionId/results", show: true },
    { tab: "versions", to: "/o/$orgId/interventions/$interventionId/versions", show: true },
  ];
  return (
    <nav aria-label={t("detail.tabsLabel")} className="catalog-tabs">
      <ul>
        {tabs
          .filter((tab) => tab.show)
          .map(({ tab, to }) => (
            <li key={tab}>
              <Link
                to={to}
                params={{ orgId, interventionId }}
                activeOptions={{ exact: true }}
                activeProps={{ "aria-current": "page", className: "active" }}
              >
                {t(tab === "overview" ? "detail.overview" : `detail.${tab}`)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
