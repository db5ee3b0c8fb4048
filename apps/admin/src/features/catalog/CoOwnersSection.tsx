import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Badge, Button, RowButton } from "../../components/ui";
import { formatDate, formatDateTime } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import { type Intervention, useCoOwners, useForbundChoices, useInviteCoOwner, useRemoveCoOwner } from "./api";
import "../../components/fields.css";
import "./i18n";

/**
 * Co-owners of an intervention: the owner invites other förbund and removes them; a co-owner sees its
 * own share and may leave.
 */
export function CoOwnersSection({
  orgId,
  intervention,
  onFeedback,
}: {
  orgId: string;
  intervention: Intervention;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("catalog");
  const navigate = useNavigate();
  const can = usePermissions(orgId);
  const coOwners = useCoOwners(orgId, intervention.id);
  const isOwner = intervention.organizationId === orgId;
  const write = can.has("interventions:write");
  const choices = useForbundChoices(isOwner && write);
  const [chosen, setChosen] = useState<string | null>(null);
  const invite = useInviteCoOwner(orgId, intervention.id);
  const remove = useRemoveCoOwner(orgId, intervention.id);
  const listed = new Set((coOwners.data ?? []).map((c) => c.organizationId));
  const options = (choices.data ?? [])
    .filter((o) => o.id !== orgId && !listed.has(o.id))
    .map((o) => ({ id: o.id, label: o.name }));
  return (
    <section className="card" aria-labelledby="co-owners-heading">
      <h2 id="co-owners-heading">{t("coOwners.heading")}</h2>
      <p>{t("coOwners.intro")}</p>
      <QueryView query={coOwners} isEmpty={(data) => data.length === 0} empty={t("coOwners.empty")}>
        {(data) => (
          <ScrollableTable labelledBy="co-owners-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("coOwners.columns.name")}</th>
                  <th scope="col">{t("coOwners.columns.invited")}</th>
                  <th scope="col">{t("coOwners.columns.status")}</th>
                  {write ? <th scope="col">{t("coOwners.columns.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.map((coOwner) => {
                  const own = coOwner.organizationId === orgId;
                  const mayRemove = write && (isOwner || own);
                  return (
                    <tr key={coOwner.organizationId}>
                      <td>{coOwner.organizationName}</td>
                      <td className="nowrap">{formatDateTime(coOwner.invitedAt)}</td>
                      <td>
                        {coOwner.acceptedAt ? (
                          <Badge tone="success">
                            {t("coOwners.accepted", { date: formatDate(coOwner.acceptedAt) })}
                          </Badge>
                        ) : (
                          <Badge tone="warning">{t("coOwners.pending")}</Badge>
                        )}
                      </td>
                      {write ? (
                        <td className="cell-actions">
                          {mayRemove ? (
                            <ConfirmDialog
                              trigger={
                                <RowButton
                                  label={own ? t("coOwners.leave") : t("coOwners.remove")}
                                  aria-label={
                                    own
                                      ? t("coOwners.leave")
                                      : t("coOwners.removeLabel", { name: coOwner.organizationName })
                                  }
                                />
                              }
                              title={
                                own
                                  ? t("coOwners.leaveTitle")
                                  : t("coOwners.removeTitle", { name: coOwner.organizationName })
                              }
                              confirmLabel={own ? t("coOwners.leave") : t("coOwners.remove")}
                              isPending={remove.isPending}
                              onConfirm={async () => {
                                await remove.mutateAsync(coOwner.organizationId);
                                if (own) {
                                  await navigate({ to: "/o/$orgId/interventions", params: { orgId } });
                                  return;
                                }
                                onFeedback({
                                  kind: "success",
                                  text: t("coOwners.removed", { name: coOwner.organizationName }),
                                });
                              }}
                            >
                              <p>{own ? t("coOwners.leaveBody") : t("coOwners.removeBody")}</p>
                            </ConfirmDialog>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </QueryView>
      {isOwner && write ? (
        <ServerForm
          error={invite.error}
          onEdit={invite.reset}
          aria-label={t("coOwners.invite")}
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen)
              invite.mutate(chosen, {
                onSuccess: (coOwner) => {
                  setChosen(null);
                  onFeedback({
                    kind: "success",
                    text: t("coOwners.invited", { name: coOwner.organizationName }),
                  });
                },
              });
          }}
        >
          <FormError error={invite.error} />
          <div className="form-row" style={{ alignItems: "end" }}>
            <SelectField
              name="organizationId"
              label={t("coOwners.inviteField")}
              placeholder={t("coOwners.choose")}
              options={options}
              value={chosen}
              onChange={setChosen}
            />
            <div>
              <Button type="submit" variant="secondary" isDisabled={!chosen || invite.isPending}>
                {t("coOwners.invite")}
              </Button>
            </div>
          </div>
        </ServerForm>
      ) : null}
    </section>
  );
}
