import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import type { Feedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Button } from "../../components/ui";
import { ApiError, api, call } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import "./i18n";

const PAGE_SIZE = 50;

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
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [revokedId, setRevokedId] = useState<string | null>(null);

  const invitations = useQuery({
    queryKey: ["org", orgId, "invitations", pages.cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/invitations", {
          params: {
            path: { orgId },
            query: { status: "pending", limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: (invitation: { id: string; email: string }) =>
      call(
        api.DELETE("/orgs/{orgId}/invitations/{invitationId}", {
          params: { path: { orgId, invitationId: invitation.id } },
        }),
      ),
    onSuccess: (_revoked, invitation) => {
      setRevokedId(invitation.id);
      onFeedback({ kind: "success", text: t("invitations.revoked", { email: invitation.email }) });
      void queryClient.invalidateQueries({ queryKey: ["org", orgId, "invitations"] });
    },
    onError: (error, invitation) => {
      onFeedback({
        kind: "error",
        text: t("errors.revokeFailed", {
          email: invitation.email,
          detail: error instanceof ApiError ? error.problem.detail : error.message,
        }),
      });
    },
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
          <ScrollableTable labelledBy="pending-invitations-heading">
            <table aria-labelledby="pending-invitations-heading">
              <thead>
                <tr>
                  <th scope="col">{t("invitations.columns.email")}</th>
                  <th scope="col">{t("invitations.columns.role")}</th>
                  <th scope="col">{t("invitations.columns.sent")}</th>
                  <th scope="col">{t("invitations.columns.expires")}</th>
                  {canManage ? <th scope="col">{t("invitations.columns.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.data.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{tc(`roles.${invitation.role}`)}</td>
                    <td style={{ whiteSpace: "nowrap" }}>{formatDateTime(invitation.createdAt)}</td>
                    <td style={{ whiteSpace: "nowrap" }}>{formatDateTime(invitation.expiresAt)}</td>
                    {canManage ? (
                      <td>
                        <div className="cell-actions">
                          <ConfirmDialog
                            trigger={
                              <Button
                                variant="secondary"
                                className="btn-small"
                                aria-label={t("invitations.revokeLabel", { email: invitation.email })}
                              >
                                {t("invitations.revoke")}
                              </Button>
                            }
                            title={t("invitations.revokeTitle", { email: invitation.email })}
                            confirmLabel={t("invitations.revokeConfirm")}
                            isPending={revoke.isPending}
                            onConfirm={() => revoke.mutateAsync(invitation).catch(() => undefined)}
                          >
                            <p>{t("invitations.revokeBody")}</p>
                          </ConfirmDialog>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
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
