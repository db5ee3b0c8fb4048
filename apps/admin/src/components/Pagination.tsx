import { useTranslation } from "react-i18next";
import type { CursorPages } from "../lib/pagination";
import { Button } from "./ui";

/** Previous/next for a cursor-paginated list; `onMove` runs before either move (e.g. to close a detail). */
export function Pagination({
  pages,
  nextCursor,
  label,
  onMove,
}: {
  pages: CursorPages;
  nextCursor: string | null | undefined;
  /** Names the navigation when a page has more than one paged list. */
  label?: string;
  onMove?: () => void;
}) {
  const { t } = useTranslation();
  if (!pages.hasPrevious && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label={label ?? `${t("previous")} / ${t("next")}`}>
      <span className="muted" aria-live="polite">
        {t("page", { number: pages.pageNumber })}
      </span>
      <Button
        variant="secondary"
        className="btn-small"
        isDisabled={!pages.hasPrevious}
        onPress={() => {
          onMove?.();
          pages.previous();
        }}
      >
        {t("previous")}
      </Button>
      <Button
        variant="secondary"
        className="btn-small"
        isDisabled={!nextCursor}
        onPress={() => {
          if (!nextCursor) return;
          onMove?.();
          pages.next(nextCursor);
        }}
      >
        {t("next")}
      </Button>
    </nav>
  );
}
