import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { CheckboxField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Badge, PageHeader, RowButton, TextField } from "../../components/ui";
import type { PriceItem } from "./api";
import { formatKronor, formatVatRate, optional, parseKronor } from "./format";
import { priceListQuery, useSavePrice } from "./trainers-api";
import "./i18n";
import "./trainings.css";

const VAT_RATES = ["2500", "1200", "600", "0"];

/** NNS's price list: what a training costs before it is shared, with its VAT rate. */
export function PriceListPage() {
  const { t } = useTranslation("trainings");
  const items = useQuery(priceListQuery);
  const { feedback, show } = useFeedback();
  return (
    <>
      <PageHeader title={t("priceList.title")} description={t("priceList.description")} />
      <FeedbackRegion feedback={feedback} />
      <section className="card" aria-labelledby="price-list-heading">
        <h2 id="price-list-heading">{t("priceList.heading")}</h2>
        <QueryView query={items} isEmpty={(data) => data.length === 0} empty={t("priceList.empty")}>
          {(data) => (
            <DataTable
              labelledBy="price-list-heading"
              rows={data}
              rowKey={(item) => item.id}
              columns={[
                {
                  id: "name",
                  header: t("priceList.columns.name"),
                  rowHeader: true,
                  cell: (item) => item.name,
                },
                {
                  id: "code",
                  header: t("priceList.columns.code"),
                  cell: (item) =>
                    t(`priceList.types.${item.code}`, { defaultValue: t("priceList.types.other") }),
                },
                {
                  id: "price",
                  header: t("priceList.columns.price"),
                  className: "amount",
                  cell: (item) => formatKronor(item.unitPriceOre),
                },
                {
                  id: "vat",
                  header: t("priceList.columns.vat"),
                  cell: (item) => formatVatRate(item.vatRateBasisPoints),
                },
                {
                  id: "maxParticipants",
                  header: t("priceList.columns.maxParticipants"),
                  cell: (item) => item.maxParticipants ?? "–",
                },
                {
                  id: "status",
                  header: t("priceList.columns.status"),
                  cell: (item) =>
                    item.active ? (
                      <Badge tone="success">{t("priceList.active")}</Badge>
                    ) : (
                      <Badge>{t("priceList.inactive")}</Badge>
                    ),
                },
                {
                  id: "actions",
                  header: t("priceList.columns.actions"),
                  cell: (item) => <EditPriceDialog item={item} onFeedback={show} />,
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

function EditPriceDialog({
  item,
  onFeedback,
}: {
  item: PriceItem;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const [vatRate, setVatRate] = useState(String(item.vatRateBasisPoints));
  const [active, setActive] = useState(item.active);
  const [priceError, setPriceError] = useState<string | null>(null);
  const save = useSavePrice(item);
  const rates = VAT_RATES.includes(String(item.vatRateBasisPoints))
    ? VAT_RATES
    : [String(item.vatRateBasisPoints), ...VAT_RATES];
  return (
    <FormDialog
      title={t("priceList.editTitle", { name: item.name })}
      trigger={
        <RowButton label={t("priceList.edit")} aria-label={t("priceList.editLabel", { name: item.name })} />
      }
      onOpenChange={(open) => {
        if (open) {
          save.reset();
          setPriceError(null);
          setVatRate(String(item.vatRateBasisPoints));
          setActive(item.active);
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={save.error}
          onEdit={() => {
            save.reset();
            setPriceError(null);
          }}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const unitPriceOre = parseKronor(String(data.get("price") ?? ""));
            if (unitPriceOre === null) {
              setPriceError(t("costs.amountInvalid"));
              return;
            }
            const max = optional(data.get("maxParticipants"));
            save.mutate(
              {
                name: String(data.get("name") ?? "").trim(),
                unitPriceOre,
                vatRateBasisPoints: Number(vatRate),
                maxParticipants: max === null ? null : Number(max),
                active,
              },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({ kind: "success", text: t("priceList.saved", { name: saved.name }) });
                },
              },
            );
          }}
        >
          <FormError error={save.error} />
          {priceError ? (
            <p className="form-error" role="alert">
              {priceError}
            </p>
          ) : null}
          <TextField name="name" label={t("priceList.columns.name")} defaultValue={item.name} isRequired />
          <div className="form-row">
            <TextField
              name="price"
              label={t("priceList.priceField")}
              description={t("costs.amountHint")}
              inputMode="decimal"
              defaultValue={(item.unitPriceOre / 100).toFixed(2).replace(".", ",")}
              isRequired
            />
            <SelectField
              label={t("priceList.columns.vat")}
              options={rates.map((id) => ({ id, label: formatVatRate(Number(id)) }))}
              value={vatRate}
              onChange={setVatRate}
            />
            <TextField
              name="maxParticipants"
              type="number"
              inputMode="numeric"
              label={t("priceList.columns.maxParticipants")}
              defaultValue={item.maxParticipants?.toString() ?? ""}
            />
          </div>
          <CheckboxField isSelected={active} onChange={setActive}>
            {t("priceList.activeField")}
          </CheckboxField>
          <DialogActions onCancel={close} isPending={save.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
