import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, RadioGroupField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import { useMe } from "../../lib/session";
import type { DeliveryPreference } from "./api";
import { optional } from "./format";
import { useSubmitRequest } from "./requests-api";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/training-requests/new");

/** "Ny intresseanmälan": a förbund asks NNS for a BIP/SKAPA training. */
export function NewRequestPage() {
  const { orgId } = route.useParams();
  return <NewRequest key={orgId} orgId={orgId} />;
}

function NewRequest({ orgId }: { orgId: string }) {
  const { t } = useTranslation("trainings");
  const me = useMe();
  const navigate = useNavigate();
  // One key per visit: a double submit or a retry after a lost answer cannot send two requests.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [delivery, setDelivery] = useState<DeliveryPreference>("either");
  const [sharing, setSharing] = useState(true);
  const submit = useSubmitRequest(orgId, idempotencyKey);
  return (
    <>
      <PageHeader title={t("newRequest.title")} description={t("newRequest.description")} />
      <p>
        <Link to="/o/$orgId/training-requests" params={{ orgId }}>
          {t("newRequest.back")}
        </Link>
      </p>
      <ServerForm
        className="card"
        error={submit.error}
        onEdit={submit.reset}
        aria-label={t("newRequest.title")}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          submit.mutate(
            {
              periodStart: String(data.get("periodStart") ?? ""),
              periodEnd: String(data.get("periodEnd") ?? ""),
              expectedParticipants: Number(data.get("expectedParticipants") ?? 0),
              deliveryPreference: delivery,
              openToSharing: sharing,
              contactName: String(data.get("contactName") ?? "").trim(),
              contactEmail: String(data.get("contactEmail") ?? "").trim(),
              contactPhone: optional(data.get("contactPhone")),
              notes: optional(data.get("notes")),
            },
            {
              onSuccess: () => {
                void navigate({
                  to: "/o/$orgId/training-requests",
                  params: { orgId },
                  state: { trainingRequestSubmitted: true },
                });
              },
            },
          );
        }}
      >
        <FormError error={submit.error} />
        <div className="form-row">
          <TextField name="periodStart" type="date" label={t("newRequest.periodStart")} isRequired />
          <TextField name="periodEnd" type="date" label={t("newRequest.periodEnd")} isRequired />
          <TextField
            name="expectedParticipants"
            type="number"
            inputMode="numeric"
            label={t("newRequest.expectedParticipants")}
            isRequired
          />
        </div>
        <RadioGroupField
          label={t("newRequest.delivery")}
          name="deliveryPreference"
          options={(["digital", "on_site", "either"] as const).map((id) => ({
            id,
            label: t(`delivery.${id}`),
          }))}
          value={delivery}
          onChange={(value) => setDelivery(value as DeliveryPreference)}
          isRequired
        />
        <CheckboxField isSelected={sharing} onChange={setSharing}>
          {t("newRequest.sharing")}
        </CheckboxField>
        <div className="form-row">
          <TextField
            name="contactName"
            label={t("newRequest.contactName")}
            defaultValue={me.user.name}
            isRequired
          />
          <TextField
            name="contactEmail"
            type="email"
            label={t("newRequest.contactEmail")}
            defaultValue={me.user.email}
            isRequired
          />
          <TextField name="contactPhone" type="tel" label={t("newRequest.contactPhone")} />
        </div>
        <TextAreaField name="notes" label={t("newRequest.notes")} description={t("newRequest.notesHint")} />
        <div>
          <Button type="submit" isDisabled={submit.isPending}>
            {t("newRequest.submit")}
          </Button>
        </div>
      </ServerForm>
    </>
  );
}
