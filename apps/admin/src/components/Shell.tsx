import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useLocation, useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language, setLanguage } from "../i18n";
import { api } from "../lib/api";
import { orgAccessQuery, useMe } from "../lib/session";
import { SelectField } from "./choice";
import { Footer } from "./PublicFrame";

function OrgSwitcher({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const access = useQuery({ ...orgAccessQuery(orgId ?? ""), enabled: Boolean(orgId) });
  const options = me.memberships.map((m) => ({ id: m.organization.id, label: m.organization.name }));
  // An NNS admin may be working in a förbund they are not a member of: show it too.
  if (orgId && access.data && !options.some((o) => o.id === orgId)) {
    options.push({ id: orgId, label: access.data.organization.name });
  }
  if (options.length <= 1) {
    return (
      <p className="current-org">
        <span className="visually-hidden">{t("header.currentOrganization")}: </span>
        {options[0]?.label ?? ""}
      </p>
    );
  }
  return (
    <div className="org-switcher">
      <SelectField
        label={t("header.switchOrganization")}
        options={options}
        value={orgId ?? null}
        onChange={(id) => void navigate({ to: "/o/$orgId", params: { orgId: id } })}
      />
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <MenuTrigger>
      <AriaButton className="btn btn-ghost user-button">
        <span aria-hidden="true" className="avatar">
          {me.user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{me.user.name}</span>
        <span className="visually-hidden">{t("header.userMenuSuffix")}</span>
      </AriaButton>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          onAction={async (key) => {
            if (key === "account") void navigate({ to: "/account" });
            if (key === "sv" || key === "en") setLanguage(key as Language);
            if (key === "logout") {
              await api.POST("/auth/logout");
              // Leave the signed-in area first; clearing the cache under it would leave it without a person.
              await navigate({ to: "/login" });
              queryClient.clear();
            }
          }}
        >
          <MenuItem id="account" className="menu-item">
            {t("nav.account")}
          </MenuItem>
          {LANGUAGES.map((language) => (
            <MenuItem key={language} id={language} className="menu-item" lang={language}>
              {t(`languages.${language}`)}
            </MenuItem>
          ))}
          <MenuItem id="logout" className="menu-item">
            {t("header.signOut")}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

function Navigation({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const access = useQuery({ ...orgAccessQuery(orgId ?? ""), enabled: Boolean(orgId) });
  const can = new Set(access.data?.permissions ?? []);
  const isNns = access.data?.organization.kind === "nns";
  const links: { to: string; label: string; show: boolean; exact?: boolean }[] = orgId
    ? [
        { to: "/o/$orgId", label: t("nav.dashboard"), show: true },
        {
          to: "/o/$orgId/trainings",
          label: t("nav.trainings"),
          show: can.has("trainings:read"),
          exact: false,
        },
        {
          to: "/o/$orgId/training-requests",
          label: t("nav.trainingRequests"),
          show: can.has("trainings:read"),
          exact: false,
        },
        {
          to: "/o/$orgId/my-sessions",
          label: t("nav.mySessions"),
          show: isNns && can.has("sessions:attend"),
        },
        {
          to: "/o/$orgId/interventions",
          label: t("nav.interventions"),
          // NNS owns the projects it coordinates nationally (decision 0024).
          show: can.has("interventions:read"),
          exact: false,
        },
        { to: "/o/$orgId/members", label: t("nav.members"), show: can.has("members:read") },
        { to: "/o/$orgId/api-keys", label: t("nav.apiKeys"), show: can.has("api_keys:read") },
        {
          to: "/o/$orgId/webhooks",
          label: t("nav.webhooks"),
          show: can.has("webhooks:manage"),
          exact: false,
        },
        {
          to: "/o/$orgId/nyhetsbrev",
          label: t("nav.newsletters"),
          show: can.has("newsletters:read"),
          exact: false,
        },
        {
          to: "/o/$orgId/deltagare",
          label: t("nav.participants"),
          show: !isNns && (can.has("progression:record") || can.has("progression:manage")),
          exact: false,
        },
        {
          to: "/o/$orgId/progression",
          label: t("nav.progression"),
          show: can.has("progression:aggregates"),
          exact: false,
        },
        {
          to: "/o/$orgId/instrument",
          label: t("nav.instruments"),
          show: can.has("instruments:manage"),
          exact: false,
        },
        { to: "/o/$orgId/behovsanalys", label: t("nav.statistics"), show: true, exact: false },
        {
          to: "/o/$orgId/invoices",
          label: t("nav.invoices"),
          show: can.has("invoices:read") || can.has("billing:manage"),
          exact: false,
        },
        {
          to: "/o/$orgId/billing/seller-settings",
          label: t("nav.sellerSettings"),
          show: isNns && can.has("billing:manage"),
        },
        {
          to: "/o/$orgId/billing/invoicing-details",
          label: t("nav.invoicingDetails"),
          show: !isNns && can.has("invoices:read"),
        },
        { to: "/o/$orgId/audit-log", label: t("nav.auditLog"), show: can.has("audit:read") },
        { to: "/o/$orgId/outbox", label: t("nav.outbox"), show: can.has("outbox:read") },
        {
          to: "/o/$orgId/statistics-imports",
          label: t("nav.statisticsImports"),
          show: isNns && can.has("statistics:import"),
        },
      ]
    : [];
  const nnsLinks = [
    { to: "/nns/organizations", label: t("nav.organizations") },
    { to: "/nns/trainers", label: t("nav.trainers") },
    { to: "/nns/price-list", label: t("nav.priceList") },
    { to: "/nns/catalog/queue", label: t("nav.catalogQueue") },
    { to: "/nns/catalog/search-synonyms", label: t("nav.searchSynonyms") },
    { to: "/nns/vocabularies", label: t("nav.vocabularies") },
  ];
  return (
    <nav aria-label={t("nav.label")} className="nav">
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <Link
                to={l.to}
                params={{ orgId }}
                activeOptions={{ exact: l.exact ?? true }}
                activeProps={{ "aria-current": "page", className: "active" }}
              >
                {l.label}
              </Link>
            </li>
          ))}
        {me.nnsAdmin
          ? nnsLinks.map((l) => (
              <li key={l.to}>
                <Link to={l.to} activeProps={{ "aria-current": "page", className: "active" }}>
                  {l.label}
                </Link>
              </li>
            ))
          : null}
        <li>
          <Link to="/account" activeProps={{ "aria-current": "page", className: "active" }}>
            {t("nav.account")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** The signed-in frame: skip link, header with the current organization, navigation, main, footer. */
/**
 * After a client-side navigation, focus moves to the main content so that keyboard and screen-reader users
 * start at the new page instead of the link they used (the first render keeps the browser's own focus).
 */
function useFocusMainOnNavigation(): void {
  const pathname = useLocation({ select: (location) => location.pathname });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [pathname]);
}

export function Shell() {
  const { t } = useTranslation();
  useFocusMainOnNavigation();
  const params = useParams({ strict: false }) as { orgId?: string };
  const me = useMe();
  const orgId = params.orgId ?? me.memberships[0]?.organization.id;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <header className="header">
        <Link to="/" className="brand">
          {t("appName")}
        </Link>
        <OrgSwitcher orgId={orgId} />
        <UserMenu />
      </header>
      <div className="body">
        <Navigation orgId={orgId} />
        <main id="main" tabIndex={-1} className="main">
          <Outlet />
        </main>
      </div>
      <Footer />
    </div>
  );
}
