import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { useInvite } from "./api";
import type { Role } from "./roles";
import "./i18n";

/**
 * "Bjud in": email + role, sent with one Idempotency-Key per opening of the dialog, so a double submit or
 * a retry after a lost response never sends two invitations.
 */
export function InviteDialog({
  orgId,
  roles,
  onInvited,
}: {
  orgId: string;
  roles: Role[];
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation("members");
  const { t: tc } = useTranslation();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [role, setRole] = useState<Role>("viewer");
  const invite = useInvite(orgId, idempotencyKey);

  return (
    <FormDialog
      title={t("inviteDialog.title")}
      trigger={<Button>{t("invite")}</Button>}
      onOpenChange={(open) => {
        if (open) {
          setIdempotencyKey(crypto.randomUUID());
          setRole(roles.includes("viewer") ? "viewer" : (roles[roles.length - 1] ?? "viewer"));
          invite.reset();
        }
      }}
    >
      {(close) => (
        <>
          <p>{t("inviteDialog.intro")}</p>
          <ServerForm
            error={invite.error}
            onEdit={invite.reset}
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              invite.mutate(
                { email: String(data.get("email")).trim(), role },
                {
                  onSuccess: (invitation) => {
                    close();
                    onInvited(invitation.email);
                  },
                },
              );
            }}
          >
            <FormError error={invite.error} />
            <TextField
              name="email"
              type="email"
              label={t("inviteDialog.email")}
              autoComplete="off"
              isRequired
              autoFocus
            />
            <SelectField
              name="role"
              label={t("inviteDialog.role")}
              description={t("inviteDialog.roleDescription")}
              options={roles.map((id) => ({ id, label: tc(`roles.${id}`) }))}
              value={role}
              onChange={(value) => setRole(value as Role)}
              isRequired
            />
            <DialogActions
              onCancel={close}
              submitLabel={t("inviteDialog.submit")}
              isPending={invite.isPending}
            />
          </ServerForm>
        </>
      )}
    </FormDialog>
  );
}
