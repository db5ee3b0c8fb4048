import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import "./i18n";

export interface PageSection {
  /** The fragment that links to the section, e.g. "deltagare" for #deltagare. */
  id: string;
  label: string;
}

/**
 * Links to the parts of a long page, so a reader jumps to "Kostnader" instead of scrolling past
 * everything else. Plain fragment links: each part has an address that can be shared, and Tab, Enter and
 * the browser's back button work as on any link. The page renders after its data arrives, later than the
 * browser looks for the fragment, so an address with one is scrolled to once the parts exist.
 */
export function SectionNav({ sections }: { sections: readonly PageSection[] }) {
  const { t } = useTranslation("trainings");
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <nav className="section-nav" aria-label={t("detail.sections")}>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
