import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import type { Feedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { RowButton } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { type Invitation, invitationsQuery, useRevokeInvitation } from "./api";
import "./i18n";

export function InvitationsSection({
  orgId,
  canManage,
  onFeedback,
}: {
  orgId: string;
  canManage: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("members");
  const { t: tc } = useTranslation();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [revokedId, setRevokedId] = useState<string | null>(null);

  const invitations = useQuery(invitationsQuery(orgId, pages.cursor));
  const revoke = useRevokeInvitation(orgId);
  const revokeInvitation = (invitation: Invitation) =>
    revoke.mutateAsync(invitation, {
      onSuccess: () => {
        setRevokedId(invitation.id);
        onFeedback({ kind: "success", text: t("invitations.revoked", { email: invitation.email }) });
      },
      onError: (error) =>
        onFeedback({
          kind: "error",
          text: t("errors.revokeFailed", { email: invitation.email, detail: problemText(error) }),
        }),
    });

  // The revoked row (and the button that had focus) disappears: keep keyboard users in the section.
  useEffect(() => {
    if (revokedId && invitations.data && !invitations.data.data.some((i) => i.id === revokedId)) {
      headingRef.current?.focus();
      setRevokedId(null);
    }
  }, [revokedId, invitations.data]);

  // An empty later page still shows the table and its pagination, so the person can page back.
  const content = (
    <QueryView
      query={invitations}
      isEmpty={(data) => data.data.length === 0 && !pages.hasPrevious}
      empty={t("invitations.empty")}
    >
      {(data) => (
        <>
          <DataTable
            labelledBy="pending-invitations-heading"
            rows={data.data}
            rowKey={(invitation) => invitation.id}
            columns={[
              {
                id: "email",
                header: t("invitations.columns.email"),
                rowHeader: true,
                cell: (invitation) => invitation.email,
              },
              {
                id: "role",
                header: t("invitations.columns.role"),
                cell: (invitation) => tc(`roles.${invitation.role}`),
              },
              {
                id: "sent",
                header: t("invitations.columns.sent"),
                noWrap: true,
                cell: (invitation) => formatDateTime(invitation.createdAt),
              },
              {
                id: "expires",
                header: t("invitations.columns.expires"),
                noWrap: true,
                cell: (invitation) => formatDateTime(invitation.expiresAt),
              },
              ...(canManage
                ? [
                    {
                      id: "actions",
                      header: t("invitations.columns.actions"),
                      cell: (invitation: Invitation) => (
                        <div className="cell-actions">
                          <ConfirmDialog
                            trigger={
                              <RowButton
                                label={t("invitations.revoke")}
                                aria-label={t("invitations.revokeLabel", { email: invitation.email })}
                              />
                            }
                            title={t("invitations.revokeTitle", { email: invitation.email })}
                            confirmLabel={t("invitations.revokeConfirm")}
                            isPending={revoke.isPending}
                            onConfirm={() => revokeInvitation(invitation).catch(() => undefined)}
                          >
                            <p>{t("invitations.revokeBody")}</p>
                          </ConfirmDialog>
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pagination pages={pages} nextCursor={data.nextCursor} />
        </>
      )}
    </QueryView>
  );

  return (
    <section className="card">
      <h2 id="pending-invitations-heading" ref={headingRef} tabIndex={-1}>
        {t("invitations.heading")}
      </h2>
      {content}
    </section>
  );
}
