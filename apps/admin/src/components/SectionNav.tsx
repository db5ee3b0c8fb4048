import { type MouseEvent, useId, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import "./SectionNav.css";

export interface PageSection {
  /** The id of the section's heading, which the link leads to. */
  id: string;
  title: string;
}

/** Wide enough for the list to stand beside the page's content (keep in step with SectionNav.css). */
const SIDE_BY_SIDE = "(min-width: 75rem)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(SIDE_BY_SIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * "På den här sidan": links to the headings of a long page's sections. On a wide screen it is a list
 * beside the content that stays in view while the page scrolls; on a narrower one a disclosure above the
 * content, closed until opened, so that a phone shows the page itself first. Following a link moves
 * keyboard focus to the section's heading (which the page gives tabIndex -1), so the next Tab continues
 * in that section.
 */
export function SectionNav({ sections }: { sections: readonly PageSection[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const sideBySide = useSyncExternalStore(subscribe, () => window.matchMedia(SIDE_BY_SIDE).matches);
  const links = (
    <ul className="section-nav-list">
      {sections.map((section) => (
        <li key={section.id}>
          <a href={`#${section.id}`} onClick={(event) => goTo(event, section.id)}>
            {section.title}
          </a>
        </li>
      ))}
    </ul>
  );
  return sideBySide ? (
    <nav className="section-nav" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-nav-title">
        {t("onThisPage")}
      </h2>
      {links}
    </nav>
  ) : (
    <nav className="section-nav" aria-label={t("onThisPage")}>
      <details>
        <summary className="section-nav-title">{t("onThisPage")}</summary>
        {links}
      </details>
    </nav>
  );
}

/**
 * The browser's own jump to a fragment would also go through the router's history (a new entry per
 * click) and leave focus where it was: move focus to the heading instead, and bring it to the top.
 */
function goTo(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const heading = document.getElementById(id);
  if (!heading || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}
