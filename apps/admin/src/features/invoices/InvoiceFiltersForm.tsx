import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { Button } from "../../components/ui";
import { forbundOptionsQuery } from "./api";
import { type InvoiceFilters, STATUS_FILTERS, type StatusFilter } from "./search";
import "./i18n";

const ALL = "all";

/**
 * Status, förbund (NNS only) and the issue-date period. Nothing changes until "Filtrera", so the list
 * does not jump while a date is being typed; the chosen filters go into the page's address.
 */
export function InvoiceFiltersForm({
  filters,
  showBuyer,
  onApply,
}: {
  filters: InvoiceFilters;
  showBuyer: boolean;
  onApply: (filters: InvoiceFilters) => void;
}) {
  const { t } = useTranslation("invoices");
  const [draft, setDraft] = useState<InvoiceFilters>(filters);
  const forbund = useQuery({ ...forbundOptionsQuery(), enabled: showBuyer });
  const ids = { from: useId(), to: useId(), hint: useId(), rangeError: useId() };
  const rangeError = Boolean(draft.from && draft.to && draft.to < draft.from);
  const set = (key: keyof InvoiceFilters, value: string | undefined) =>
    setDraft((current) => {
      const { [key]: _, ...rest } = current;
      return value ? { ...rest, [key]: value } : rest;
    });

  return (
    <section className="card" aria-label={t("filters.label")}>
      <Form
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (!rangeError) onApply(draft);
        }}
      >
        <div className="filter-row">
          <SelectField
            label={t("filters.status")}
            options={[
              { id: ALL, label: t("filters.anyStatus") },
              ...STATUS_FILTERS.map((id) => ({ id, label: t(`status.${id}`) })),
            ]}
            value={draft.status ?? ALL}
            onChange={(value) => set("status", value === ALL ? undefined : (value as StatusFilter))}
          />
          {showBuyer ? (
            <SelectField
              label={t("filters.buyer")}
              options={[{ id: ALL, label: t("filters.anyBuyer") }, ...(forbund.data ?? [])]}
              value={draft.buyer ?? ALL}
              onChange={(value) => set("buyer", value === ALL ? undefined : value)}
            />
          ) : null}
          <div className="field">
            <label className="field-label" htmlFor={ids.from}>
              {t("filters.from")}
            </label>
            <input
              id={ids.from}
              type="date"
              className="field-input"
              value={draft.from ?? ""}
              aria-describedby={ids.hint}
              onChange={(event) => set("from", event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.to}>
              {t("filters.to")}
            </label>
            <input
              id={ids.to}
              type="date"
              className="field-input"
              value={draft.to ?? ""}
              aria-invalid={rangeError || undefined}
              aria-describedby={rangeError ? `${ids.hint} ${ids.rangeError}` : ids.hint}
              onChange={(event) => set("to", event.target.value)}
            />
          </div>
        </div>
        <p id={ids.hint} className="field-description" style={{ margin: 0 }}>
          {t("filters.dateHint")}
        </p>
        {rangeError ? (
          <p id={ids.rangeError} className="form-error" role="alert" style={{ margin: 0 }}>
            {t("filters.invalidRange")}
          </p>
        ) : null}
        <div className="cell-actions">
          <Button type="submit">{t("filters.apply")}</Button>
          <Button
            variant="secondary"
            isDisabled={Object.keys(draft).length === 0 && Object.keys(filters).length === 0}
            onPress={() => {
              setDraft({});
              onApply({});
            }}
          >
            {t("filters.clear")}
          </Button>
        </div>
      </Form>
    </section>
  );
}
