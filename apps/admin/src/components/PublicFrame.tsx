import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "./ui";

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      {/* Served by the API as a plain page, readable without JavaScript: a full page load, not a route. */}
      <a href="/tillganglighet">{t("footer.accessibility")}</a>
      <a href="/docs">{t("footer.apiDocs")}</a>
    </footer>
  );
}

/** The frame of pages used before signing in. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="public">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <header className="public-header">
        <Link to="/" className="brand">
          {t("appName")}
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
      <Footer />
    </div>
  );
}
