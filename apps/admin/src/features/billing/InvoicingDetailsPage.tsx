import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../components/states";
import { PageHeader, TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import {
  type InvoicingDetails,
  invoicingDetailsQuery,
  organizationQuery,
  useSaveInvoicingDetails,
} from "./api";
import { AddressFields, SettingsForm } from "./SettingsForm";
import { addressOf, text } from "./values";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/billing/invoicing-details");

/** How a förbund is invoiced: everyone who reads its invoices sees it, invoicing:manage changes it. */
export function InvoicingDetailsPage() {
  const { orgId } = route.useParams();
  return <Details key={orgId} orgId={orgId} />;
}

function Details({ orgId }: { orgId: string }) {
  const { t } = useTranslation("billing");
  const details = useQuery(invoicingDetailsQuery(orgId));
  const organization = useQuery(organizationQuery(orgId));
  const canEdit = usePermissions(orgId).has("invoicing:manage");
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <PageHeader title={t("details.title")} description={t("details.description")} />
      {canEdit ? null : <p className="notice">{t("form.readOnly")}</p>}
      <QueryView query={details}>
        {(data) => (
          <QueryView query={organization}>
            {(org) => (
              <DetailsForm
                key={generation}
                orgId={orgId}
                initial={data}
                fallback={{ name: org.name, organizationNumber: org.organizationNumber ?? "" }}
                canEdit={canEdit}
                reloaded={generation > 0}
                onReload={async () => {
                  await details.refetch();
                  setGeneration((g) => g + 1);
                }}
              />
            )}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

function DetailsForm({
  orgId,
  initial,
  fallback,
  canEdit,
  reloaded,
  onReload,
}: {
  orgId: string;
  initial: InvoicingDetails | null;
  /** Before the details are filled in, the form starts from the organization's own name and number. */
  fallback: { name: string; organizationNumber: string };
  canEdit: boolean;
  reloaded: boolean;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation("billing");
  const [version, setVersion] = useState(initial?.version);
  const save = useSaveInvoicingDetails(orgId, version);
  const orgNumber = initial?.organizationNumber ?? fallback.organizationNumber.replace(/-/g, "");
  const readOnly = !canEdit;
  return (
    <SettingsForm
      label={t("details.title")}
      error={save.error}
      onEdit={save.reset}
      isPending={save.isPending}
      isSuccess={save.isSuccess}
      reloaded={reloaded}
      onReload={() => void onReload()}
      canEdit={canEdit}
      onSubmit={(data) =>
        save.mutate(
          {
            legalName: text(data, "legalName"),
            organizationNumber: text(data, "organizationNumber"),
            vatNumber: optional(data.get("vatNumber")),
            address: addressOf(data),
            invoiceEmail: optional(data.get("invoiceEmail")),
            peppolId: { scheme: text(data, "peppolId.scheme"), value: text(data, "peppolId.value") },
            defaultReference: optional(data.get("defaultReference")),
          },
          { onSuccess: (saved) => setVersion(saved.version) },
        )
      }
    >
      {initial || readOnly ? null : <p className="muted">{t("form.notFilledIn")}</p>}
      <fieldset className="billing-fieldset">
        <legend>{t("details.recipient")}</legend>
        <TextField
          name="legalName"
          label={t("details.legalName")}
          defaultValue={initial?.legalName ?? fallback.name}
          autoComplete="organization"
          maxLength={200}
          isRequired
          isReadOnly={readOnly}
        />
        <div className="form-row">
          <TextField
            name="organizationNumber"
            label={t("details.organizationNumber")}
            description={t("details.organizationNumberHint")}
            defaultValue={orgNumber}
            autoComplete="off"
            maxLength={11}
            isRequired
            isReadOnly={readOnly}
          />
          <TextField
            name="vatNumber"
            label={t("details.vatNumber")}
            description={t("details.vatNumberHint")}
            defaultValue={initial?.vatNumber ?? ""}
            autoComplete="off"
            maxLength={20}
            isReadOnly={readOnly}
          />
        </div>
        <TextField
          name="invoiceEmail"
          type="email"
          label={t("details.invoiceEmail")}
          description={t("details.invoiceEmailHint")}
          defaultValue={initial?.invoiceEmail ?? ""}
          autoComplete="email"
          maxLength={254}
          isReadOnly={readOnly}
        />
      </fieldset>
      <AddressFields initial={initial?.address} isReadOnly={readOnly} />
      <fieldset className="billing-fieldset">
        <legend>{t("details.peppol")}</legend>
        <p>{t("details.peppolIntro")}</p>
        <div className="form-row">
          <TextField
            name="peppolId.scheme"
            label={t("details.peppolScheme")}
            description={t("details.peppolSchemeHint")}
            defaultValue={initial?.peppolId.scheme ?? "0007"}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            isRequired
            isReadOnly={readOnly}
          />
          <TextField
            name="peppolId.value"
            label={t("details.peppolValue")}
            description={t("details.peppolValueHint")}
            defaultValue={initial?.peppolId.value ?? orgNumber}
            autoComplete="off"
            maxLength={50}
            isRequired
            isReadOnly={readOnly}
          />
        </div>
      </fieldset>
      <fieldset className="billing-fieldset">
        <legend>{t("details.reference")}</legend>
        <p>{t("details.referenceIntro")}</p>
        <TextField
          name="defaultReference"
          label={t("details.defaultReference")}
          description={t("details.defaultReferenceHint")}
          defaultValue={initial?.defaultReference ?? ""}
          autoComplete="off"
          maxLength={100}
          isReadOnly={readOnly}
        />
      </fieldset>
    </SettingsForm>
  );
}
