import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Feedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import type { Training } from "./api";
import { formatKronor, formatVatRate } from "./format";
import {
  defaultReferenceQuery,
  type InvoiceDrafts,
  useDraftInvoices,
  useSaveTrainingReference,
} from "./invoicing-api";
import "./i18n";
import "./invoicing.css";

type DraftPreview = InvoiceDrafts["drafts"][number];

/**
 * NNS, owning the training, drafts one invoice per förbund once the training is confirmed or completed,
 * and sees each as it will be issued, with what is still missing in the API's own words.
 */
export function OwnerInvoicing({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const draft = useDraftInvoices(orgId, training.id);
  const invoiceable = training.status === "confirmed" || training.status === "completed";
  return (
    <section className="card" aria-labelledby="invoicing-heading">
      <h2 id="invoicing-heading">{t("invoicing.heading")}</h2>
      <p className="muted">{t("invoicing.intro")}</p>
      {invoiceable ? (
        <>
          <p className="muted">{t("invoicing.redraftHint")}</p>
          <FormError error={draft.error} />
          <Button
            variant="secondary"
            isDisabled={draft.isPending}
            onPress={() =>
              draft.mutate(undefined, {
                onSuccess: (result) =>
                  onFeedback({
                    kind: "success",
                    text: t("invoicing.drafted", { count: result.drafts.length }),
                  }),
              })
            }
          >
            {draft.data ? t("invoicing.redraft") : t("invoicing.draft")}
          </Button>
          {draft.data ? (
            <ul className="draft-list">
              {draft.data.drafts.map((preview) => (
                <li key={preview.invoice.id}>
                  <DraftCard orgId={orgId} preview={preview} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p>{t("invoicing.notYet")}</p>
      )}
    </section>
  );
}

function DraftCard({ orgId, preview }: { orgId: string; preview: DraftPreview }) {
  const { t } = useTranslation("trainings");
  const { invoice, missing } = preview;
  const name = invoice.buyer.name;
  const captionId = `draft-${invoice.id}`;
  return (
    <article className="draft" aria-labelledby={`${captionId}-heading`}>
      <h3 id={`${captionId}-heading`}>{name}</h3>
      <dl className="facts draft-facts">
        <dt>{t("invoicing.referenceUsed")}</dt>
        <dd>{preview.buyerReference ?? <span className="muted">{t("invoicing.noReference")}</span>}</dd>
        <dt>{t("invoicing.statusLabel")}</dt>
        <dd>
          {t(`invoicing.status.${invoice.status}`)}
          {invoice.number ? ` (${t("invoicing.issuedNumber", { number: invoice.number })})` : ""}
        </dd>
        {/* Also above the table: on a phone the table's amounts are scrolled out of sight. */}
        <dt>{t("invoicing.total")}</dt>
        <dd>
          <strong>{formatKronor(invoice.totalOre)}</strong>
        </dd>
      </dl>
      <ScrollableTable labelledBy={captionId}>
        <table>
          <caption id={captionId} className="visually-hidden">
            {t("invoicing.draftsCaption", { name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("invoicing.columns.line")}</th>
              <th scope="col" className="amount">
                {t("invoicing.columns.net")}
              </th>
              <th scope="col" className="amount">
                {t("invoicing.columns.vat")}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.position}>
                <td>{line.description}</td>
                <td className="amount">{formatKronor(line.netOre)}</td>
                <td className="amount">
                  {formatKronor(line.vatOre)}{" "}
                  <span className="muted">({formatVatRate(line.vatRateBasisPoints)})</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("invoicing.net")}</th>
              <td className="amount">{formatKronor(invoice.netOre)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t("invoicing.vat")}</th>
              <td />
              <td className="amount">{formatKronor(invoice.vatOre)}</td>
            </tr>
            <tr className="total">
              <th scope="row">{t("invoicing.total")}</th>
              <td className="amount" colSpan={2}>
                {formatKronor(invoice.totalOre)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
      {invoice.status !== "draft" ? (
        <p>{t("invoicing.issuedNote")}</p>
      ) : missing.length === 0 ? (
        <p className="success">{t("invoicing.ready")}</p>
      ) : (
        <div className="notice draft-missing">
          <p className="invoicing-notice-title">{t("invoicing.missing")}</p>
          <ul>
            {missing.map((item) => (
              <li key={`${item.field}:${item.rule}`}>{item.message}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        {/* The invoice's own page belongs to the invoices feature; a plain link keeps the two apart. */}
        <Link to="/o/$orgId/invoices/$invoiceId" params={{ orgId, invoiceId: invoice.id }}>
          {t("invoicing.open", { name })}
        </Link>
      </p>
    </article>
  );
}

/**
 * A förbund taking part gives the referens NNS's invoice for this training will carry; its standardreferens
 * is shown as the fallback. The API does not return a saved referens with the training, so the form
 * shows what was saved during this visit.
 */
export function PartyReference({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const defaultReference = useQuery(defaultReferenceQuery(orgId));
  const save = useSaveTrainingReference(orgId, training.id);
  const [saved, setSaved] = useState<string | null>(null);
  const fallback = defaultReference.data ?? null;
  return (
    <section className="card" aria-labelledby="reference-heading">
      <h2 id="reference-heading">{t("invoicing.referenceHeading")}</h2>
      <p className="muted">{t("invoicing.referenceIntro")}</p>
      <ServerForm
        aria-labelledby="reference-heading"
        error={save.error}
        onEdit={save.reset}
        className="reference-form"
        onSubmit={(event) => {
          event.preventDefault();
          const reference = String(new FormData(event.currentTarget).get("reference") ?? "").trim();
          save.mutate(reference, {
            onSuccess: (result) => {
              setSaved(result.reference);
              onFeedback({
                kind: "success",
                text: t("invoicing.referenceSaved", { reference: result.reference }),
              });
            },
          });
        }}
      >
        <FormError error={save.error} />
        <TextField
          name="reference"
          label={t("invoicing.referenceLabel")}
          description={
            fallback
              ? t("invoicing.referenceDefault", { reference: fallback })
              : t("invoicing.referenceNoDefault")
          }
          placeholder={fallback ?? undefined}
          defaultValue={saved ?? ""}
          autoComplete="off"
          maxLength={100}
          isRequired
        />
        <div>
          <Button type="submit" variant="secondary" isDisabled={save.isPending}>
            {t("invoicing.referenceSave")}
          </Button>
        </div>
      </ServerForm>
    </section>
  );
}
