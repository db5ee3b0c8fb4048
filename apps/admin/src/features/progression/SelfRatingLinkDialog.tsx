import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { SecretOnce } from "../../components/SecretOnce";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCreateSelfRatingLink } from "./api";
import { versionLabel } from "./labels";
import type { ParticipantDetail, SelfRatingLink } from "./types";

const EXPIRY_HOURS = [24, 72, 168, 336] as const;

/**
 * A link the participant answers through without an account. Only a hash of it is stored, so it is shown
 * once, here; closing the dialog forgets it.
 */
export function SelfRatingLinkDialog({
  orgId,
  participant,
}: {
  orgId: string;
  participant: ParticipantDetail;
}) {
  const { t } = useTranslation("progression");
  const versions = participant.instruments.filter(
    (v) => v.status === "published" && v.participantItemCount > 0,
  );
  const [isOpen, setOpen] = useState(false);
  const [created, setCreated] = useState<SelfRatingLink | null>(null);
  const [versionId, setVersionId] = useState(versions[0]?.id ?? "");
  const [hours, setHours] = useState("72");
  const create = useCreateSelfRatingLink(orgId, participant.id);
  if (versions.length === 0) return null;
  return (
    <FormDialog
      title={t("selfRating.title", { code: participant.code })}
      trigger={<Button variant="secondary">{t("selfRating.open")}</Button>}
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        setCreated(null);
        create.reset();
      }}
      isDismissable={!created}
    >
      {(close) =>
        created ? (
          <>
            <SecretOnce
              warning={t("selfRating.warning")}
              label={t("selfRating.label", { date: formatDateTime(created.expiresAt) })}
              secret={created.url}
              copyLabel={t("selfRating.copy")}
            />
            <div className="dialog-actions">
              <Button onPress={close}>{t("selfRating.done")}</Button>
            </div>
          </>
        ) : (
          <ServerForm
            error={create.error}
            onEdit={create.reset}
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate(
                { instrumentVersionId: versionId, expiresInHours: Number(hours) },
                { onSuccess: setCreated },
              );
            }}
          >
            <p>{t("selfRating.intro")}</p>
            <SelectField
              label={t("selfRating.instrument")}
              name="instrumentVersionId"
              options={versions.map((v) => ({ id: v.id, label: versionLabel(t, v) }))}
              value={versionId}
              onChange={setVersionId}
            />
            <SelectField
              label={t("selfRating.expires")}
              name="expiresInHours"
              options={EXPIRY_HOURS.map((h) => ({
                id: String(h),
                label: t(`selfRating.expiresOptions.h${h}`),
              }))}
              value={hours}
              onChange={setHours}
            />
            <FormError error={create.error} />
            <DialogActions
              onCancel={close}
              submitLabel={t("selfRating.submit")}
              isPending={create.isPending}
            />
          </ServerForm>
        )
      }
    </FormDialog>
  );
}
