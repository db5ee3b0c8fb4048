import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import "./i18n";

/** NNS's two views of its invoices, as links: each is its own page with its own title. */
export function InvoiceTabs({ orgId }: { orgId: string }) {
  const { t } = useTranslation("invoices");
  return (
    <nav aria-label={t("tabs.label")} className="invoice-tabs">
      <ul>
        <li>
          <Link
            to="/o/$orgId/invoices"
            params={{ orgId }}
            activeOptions={{ exact: true, includeSearch: false }}
            activeProps={{ "aria-current": "page", className: "active" }}
          >
            {t("tabs.list")}
          </Link>
        </li>
        <li>
          <Link
            to="/o/$orgId/invoices/aging"
            params={{ orgId }}
            activeOptions={{ exact: true }}
            activeProps={{ "aria-current": "page", className: "active" }}
          >
            {t("tabs.aging")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
