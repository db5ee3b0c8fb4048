import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "./ui";

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <Link to="/tillganglighet">{t("footer.accessibility")}</Link>
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
