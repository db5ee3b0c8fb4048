import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { QueryView } from "../../components/states";
import { PageHeader, TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import { type SellerSettings, sellerSettingsQuery, useSaveSellerSettings } from "./api";
import { AddressFields, SettingsForm } from "./SettingsForm";
import { addressOf, text } from "./values";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/billing/seller-settings");

/** NNS's identity as seller, printed on every invoice: the route lets only billing:manage in. */
export function SellerSettingsPage() {
  const { orgId } = route.useParams();
  return <Seller key={orgId} orgId={orgId} />;
}

function Seller({ orgId }: { orgId: string }) {
  const { t } = useTranslation("billing");
  const settings = useQuery(sellerSettingsQuery(orgId));
  // Bumped when the person loads the latest after a conflict: the form starts over from it.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <PageHeader title={t("seller.title")} description={t("seller.description")} />
      <QueryView query={settings}>
        {(data) => (
          <SellerForm
            key={generation}
            orgId={orgId}
            initial={data}
            reloaded={generation > 0}
            onReload={async () => {
              await settings.refetch();
              setGeneration((g) => g + 1);
            }}
          />
        )}
      </QueryView>
    </>
  );
}

function SellerForm({
  orgId,
  initial,
  reloaded,
  onReload,
}: {
  orgId: string;
  initial: SellerSettings | null;
  reloaded: boolean;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation("billing");
  // The version this form was filled from; only our own saves move it on.
  const [version, setVersion] = useState(initial?.version);
  const [fSkatt, setFSkatt] = useState(initial?.fSkatt ?? true);
  const save = useSaveSellerSettings(orgId, version);
  return (
    <SettingsForm
      label={t("seller.title")}
      error={save.error}
      onEdit={save.reset}
      isPending={save.isPending}
      isSuccess={save.isSuccess}
      reloaded={reloaded}
      onReload={() => void onReload()}
      onSubmit={(data) =>
        save.mutate(
          {
            legalName: text(data, "legalName"),
            organizationNumber: text(data, "organizationNumber"),
            vatNumber: text(data, "vatNumber"),
            fSkatt,
            address: addressOf(data),
            invoiceEmail: text(data, "invoiceEmail"),
            bankgiro: optional(data.get("bankgiro")),
            plusgiro: optional(data.get("plusgiro")),
            // Not a whole number: sent as is, and the API's answer names the field.
            paymentTermsDays: Number(text(data, "paymentTermsDays")),
            lateInterestText: text(data, "lateInterestText"),
          },
          { onSuccess: (saved) => setVersion(saved.version) },
        )
      }
    >
      <fieldset className="billing-fieldset">
        <legend>{t("seller.identity")}</legend>
        <TextField
          name="legalName"
          label={t("seller.legalName")}
          defaultValue={initial?.legalName}
          autoComplete="organization"
          maxLength={200}
          isRequired
        />
        <div className="form-row">
          <TextField
            name="organizationNumber"
            label={t("seller.organizationNumber")}
            description={t("seller.organizationNumberHint")}
            defaultValue={initial?.organizationNumber}
            autoComplete="off"
            maxLength={11}
            isRequired
          />
          <TextField
            name="vatNumber"
            label={t("seller.vatNumber")}
            description={t("seller.vatNumberHint")}
            defaultValue={initial?.vatNumber}
            autoComplete="off"
            maxLength={20}
            isRequired
          />
        </div>
        <CheckboxField isSelected={fSkatt} onChange={setFSkatt}>
          {t("seller.fSkatt")}
        </CheckboxField>
        <p className="field-description">{t("seller.fSkattHint")}</p>
      </fieldset>
      <AddressFields initial={initial?.address} isReadOnly={false} />
      <fieldset className="billing-fieldset">
        <legend>{t("seller.payment")}</legend>
        <TextField
          name="invoiceEmail"
          type="email"
          label={t("seller.invoiceEmail")}
          description={t("seller.invoiceEmailHint")}
          defaultValue={initial?.invoiceEmail}
          autoComplete="email"
          maxLength={254}
          isRequired
        />
        <div className="form-row">
          <TextField
            name="bankgiro"
            label={t("seller.bankgiro")}
            description={t("seller.bankgiroHint")}
            defaultValue={initial?.bankgiro ?? ""}
            autoComplete="off"
            maxLength={12}
          />
          <TextField
            name="plusgiro"
            label={t("seller.plusgiro")}
            description={t("seller.plusgiroHint")}
            defaultValue={initial?.plusgiro ?? ""}
            autoComplete="off"
            maxLength={12}
          />
        </div>
        <TextField
          name="paymentTermsDays"
          label={t("seller.paymentTermsDays")}
          description={t("seller.paymentTermsDaysHint")}
          defaultValue={String(initial?.paymentTermsDays ?? 30)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          isRequired
        />
        <TextAreaField
          name="lateInterestText"
          label={t("seller.lateInterestText")}
          defaultValue={initial?.lateInterestText ?? t("seller.lateInterestDefault")}
          isRequired
        />
      </fieldset>
    </SettingsForm>
  );
}
