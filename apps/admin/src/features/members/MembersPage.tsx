import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader, RowButton } from "../../components/ui";
import { ApiError, problemText } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery, useMe, usePermissions } from "../../lib/session";
import { changedMeanwhile, membersQuery, useChangeRole, useRemoveMember } from "./api";
import { InvitationsSection } from "./InvitationsSection";
import { InviteDialog } from "./InviteDialog";
import { RoleSelect } from "./RoleSelect";
import { assignableRoles, type Member, type Role } from "./roles";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/members");

export function MembersPage() {
  const { orgId } = route.useParams();
  // A fresh page per organization: paging position and messages never leak between organizations.
  return <Members key={orgId} orgId={orgId} />;
}

function Members({ orgId }: { orgId: string }) {
  const { t } = useTranslation("members");
  const { t: tc } = useTranslation();
  const me = useMe();
  const access = useQuery(orgAccessQuery(orgId));
  const canManage = usePermissions(orgId).has("members:manage");
  const roles = assignableRoles(access.data);
  const { feedback, show } = useFeedback();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removedId, setRemovedId] = useState<string | null>(null);

  const members = useQuery(membersQuery(orgId, pages.cursor));
  const changeRole = useChangeRole(orgId);
  const remove = useRemoveMember(orgId);

  const changeRoleOf = (member: Member, role: Role) =>
    changeRole.mutate(
      { member, role },
      {
        onSuccess: (updated) =>
          show({
            kind: "success",
            text: t("members.roleChanged", { name: updated.name, role: tc(`roles.${updated.role}`) }),
          }),
        onError: (error) => show({ kind: "error", text: roleErrorText(error, member.name) }),
      },
    );

  const removeMember = (member: Member) =>
    remove.mutateAsync(member, {
      onSuccess: () => {
        if (member.userId === me.user.id) return;
        setRemovedId(member.userId);
        show({ kind: "success", text: t("members.removed", { name: member.name }) });
      },
      onError: (error) =>
        show({
          kind: "error",
          text:
            error instanceof ApiError && error.status === 409
              ? t("errors.lastAdmin", { name: member.name })
              : t("errors.removeFailed", { name: member.name, detail: problemText(error) }),
        }),
    });

  // The removed row (and the button that had focus) disappears: keep keyboard users in the section.
  useEffect(() => {
    if (removedId && members.data && !members.data.data.some((m) => m.userId === removedId)) {
      headingRef.current?.focus();
      setRemovedId(null);
    }
  }, [removedId, members.data]);

  // Demoting oneself takes the role pickers away, the focused one included: keep focus in the section.
  const couldManage = useRef(canManage);
  useEffect(() => {
    if (couldManage.current && !canManage && document.activeElement === document.body)
      headingRef.current?.focus();
    couldManage.current = canManage;
  }, [canManage]);

  function roleErrorText(error: Error, name: string): string {
    if (changedMeanwhile(error)) return t("errors.changedMeanwhile", { name });
    if (error instanceof ApiError && error.status === 409) return t("errors.lastAdmin", { name });
    return t("errors.roleFailed", { name, detail: problemText(error) });
  }

  const manageRoles = canManage && roles.length > 0;

  const content = (
    <QueryView query={members} isEmpty={(data) => data.data.length === 0} empty={t("members.empty")}>
      {(data) => (
        <DataTable
          labelledBy="current-members-heading"
          rows={data.data}
          rowKey={(member) => member.userId}
          columns={[
            {
              id: "name",
              header: t("members.columns.name"),
              rowHeader: true,
              cell: (member) => (
                <>
                  {member.name}
                  {member.userId === me.user.id ? <span className="muted"> {t("members.you")}</span> : null}
                </>
              ),
            },
            { id: "email", header: t("members.columns.email"), cell: (member) => member.email },
            {
              id: "role",
              header: t("members.columns.role"),
              cell: (member) => {
                if (!manageRoles) return tc(`roles.${member.role}`);
                const pendingRole =
                  changeRole.isPending && changeRole.variables?.member.userId === member.userId
                    ? changeRole.variables.role
                    : null;
                return (
                  <RoleSelect
                    label={t("members.roleFor", { name: member.name })}
                    value={pendingRole ?? member.role}
                    options={[...new Set<Role>([...roles, member.role])].map((id) => ({
                      id,
                      label: tc(`roles.${id}`),
                    }))}
                    // A role the signed-in person may not hand out is shown, but cannot be picked.
                    disabledKeys={roles.includes(member.role) ? [] : [member.role]}
                    onChange={(role) => {
                      if (!changeRole.isPending) changeRoleOf(member, role as Role);
                    }}
                  />
                );
              },
            },
            {
              id: "memberSince",
              header: t("members.columns.memberSince"),
              noWrap: true,
              cell: (member) => formatDate(member.createdAt),
            },
            ...(canManage
              ? [
                  {
                    id: "actions",
                    header: t("members.columns.actions"),
                    cell: (member: Member) => (
                      <div className="cell-actions">
                        <ConfirmDialog
                          trigger={
                            <RowButton
                              label={t("members.remove")}
                              aria-label={t("members.removeLabel", { name: member.name })}
                            />
                          }
                          title={t("members.removeTitle", { name: member.name })}
                          confirmLabel={t("members.removeConfirm")}
                          isPending={remove.isPending}
                          onConfirm={() => removeMember(member).catch(() => undefined)}
                        >
                          <p>
                            {member.userId === me.user.id
                              ? t("members.removeSelfBody")
                              : t("members.removeBody", { name: member.name, email: member.email })}
                          </p>
                        </ConfirmDialog>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </QueryView>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          access.data
            ? t("description", { organization: access.data.organization.name })
            : t("descriptionFallback")
        }
        actions={
          canManage && roles.length > 0 ? (
            <InviteDialog
              orgId={orgId}
              roles={roles}
              onInvited={(email) => show({ kind: "success", text: t("inviteDialog.sent", { email }) })}
            />
          ) : null
        }
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card">
        <h2 id="current-members-heading" ref={headingRef} tabIndex={-1}>
          {t("members.heading")}
        </h2>
        {content}
        {members.data ? <Pagination pages={pages} nextCursor={members.data.nextCursor} /> : null}
      </section>
      <InvitationsSection orgId={orgId} canManage={canManage} onFeedback={show} />
    </>
  );
}
