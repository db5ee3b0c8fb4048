import { SUBSCRIBER_STATUSES, type SubscriberStatus } from "@nns/domain/newsletters";
import { useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { Button, TextField } from "../../components/ui";
import type { SubscriberFilters } from "./api";
import "./i18n";

const ALL = "all";

/**
 * Search by part of the address or name, and filter by status. Nothing changes until "Sök", so the list
 * does not jump while a name is typed. The search stays out of the page's address: it is often part of
 * someone's email address, which has no place in the browser's history.
 */
export function SubscriberFiltersForm({
  filters,
  onApply,
}: {
  filters: SubscriberFilters;
  onApply: (filters: SubscriberFilters) => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const [q, setQ] = useState(filters.q ?? "");
  const [status, setStatus] = useState<SubscriberStatus | undefined>(filters.status);
  const filtered = Boolean(filters.q || filters.status);

  return (
    <Form
      role="search"
      aria-label={t("filters.label")}
      className="subscribers-filters"
      onSubmit={(event) => {
        event.preventDefault();
        const text = q.trim();
        onApply({ ...(status ? { status } : {}), ...(text ? { q: text } : {}) });
      }}
    >
      <div className="subscribers-filter-fields">
        <TextField type="search" name="q" label={t("filters.q")} value={q} onChange={setQ} maxLength={200} />
        <SelectField
          label={t("filters.status")}
          options={[
            { id: ALL, label: t("filters.anyStatus") },
            ...SUBSCRIBER_STATUSES.map((id) => ({ id, label: t(`status.${id}`) })),
          ]}
          value={status ?? ALL}
          onChange={(value) => setStatus(SUBSCRIBER_STATUSES.find((s) => s === value))}
        />
      </div>
      <div className="cell-actions">
        <Button type="submit">{t("filters.apply")}</Button>
        <Button
          variant="secondary"
          isDisabled={!filtered && !q && !status}
          onPress={() => {
            setQ("");
            setStatus(undefined);
            onApply({});
          }}
        >
          {t("filters.clear")}
        </Button>
      </div>
    </Form>
  );
}
