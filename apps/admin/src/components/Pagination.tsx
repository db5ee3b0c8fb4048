import { useTranslation } from "react-i18next";
import { Button } from "./ui";

export function Pagination({
  label,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  pageNumber,
}: {
  /** Names the navigation when a page has more than one paged list. */
  label?: string;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  pageNumber: number;
}) {
  const { t } = useTranslation();
  if (!hasPrevious && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label={label ?? `${t("previous")} / ${t("next")}`}>
      <span className="muted" aria-live="polite">
        {t("page", { number: pageNumber })}
      </span>
      <Button variant="secondary" className="btn-small" isDisabled={!hasPrevious} onPress={onPrevious}>
        {t("previous")}
      </Button>
      <Button
        variant="secondary"
        className="btn-small"
        isDisabled={!nextCursor}
        onPress={() => nextCursor && onNext(nextCursor)}
      >
        {t("next")}
      </Button>
    </nav>
  );
}
