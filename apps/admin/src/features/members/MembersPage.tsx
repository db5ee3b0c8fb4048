import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ApiError, api, call } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { meQuery, orgAccessQuery, useMe, usePermissions } from "../../lib/session";
import { InvitationsSection } from "./InvitationsSection";
import { InviteDialog } from "./InviteDialog";
import { RoleSelect } from "./RoleSelect";
import { assignableRoles, type Member, type Role } from "./roles";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/members");
const PAGE_SIZE = 50;

/** The membership changed between the list being shown and the role change: don't overwrite blindly. */
class ChangedMeanwhile extends Error {}

export function MembersPage() {
  const { orgId } = route.useParams();
  // A fresh page per organization: paging position and messages never leak between organizations.
  return <Members key={orgId} orgId={orgId} />;
}

function Members({ orgId }: { orgId: string }) {
  const { t } = useTranslation("members");
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const access = useQuery(orgAccessQuery(orgId));
  const canManage = usePermissions(orgId).has("members:manage");
  const roles = assignableRoles(access.data);
  const { feedback, show } = useFeedback();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removedId, setRemovedId] = useState<string | null>(null);

  const members = useQuery({
    queryKey: ["org", orgId, "members", pages.cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/members", {
          params: {
            path: { orgId },
            query: { limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const invalidateMembers = () => queryClient.invalidateQueries({ queryKey: ["org", orgId, "members"] });
  /** The signed-in person's own role changed: permissions (navigation, buttons) must follow at once. */
  const refreshOwnAccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
      queryClient.invalidateQueries({ queryKey: orgAccessQuery(orgId).queryKey }),
    ]);

  const changeRole = useMutation({
    mutationFn: async ({ member, role }: { member: Member; role: Role }) => {
      const path = { orgId, userId: member.userId };
      // Read the membership just before writing, and send its ETag back as If-Match.
      const read = api.GET("/orgs/{orgId}/members/{userId}", { params: { path } });
      const current = await call(read);
      if (current.version !== member.version) throw new ChangedMeanwhile();
      const etag = (await read).response.headers.get("etag") ?? `"${current.version}"`;
      return call(
        api.PATCH("/orgs/{orgId}/members/{userId}", {
          params: { path, header: { "if-match": etag } },
          body: { role },
        }),
      );
    },
    onSuccess: async (updated) => {
      show({
        kind: "success",
        text: t("members.roleChanged", { name: updated.name, role: tc(`roles.${updated.role}`) }),
      });
      await Promise.all([invalidateMembers(), updated.userId === me.user.id ? refreshOwnAccess() : null]);
    },
    onError: (error, { member }) => {
      const changed =
        error instanceof ChangedMeanwhile || (error instanceof ApiError && error.status === 412);
      if (changed) void invalidateMembers();
      show({ kind: "error", text: roleErrorText(error, member.name, changed) });
    },
  });

  const remove = useMutation({
    mutationFn: (member: Member) =>
      call(
        api.DELETE("/orgs/{orgId}/members/{userId}", { params: { path: { orgId, userId: member.userId } } }),
      ),
    onSuccess: async (_nothing, member) => {
      if (member.userId === me.user.id) {
        // Without access here any more: go to wherever the person still belongs.
        await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
        await navigate({ to: "/" });
        queryClient.removeQueries({ queryKey: ["org", orgId] });
        return;
      }
      setRemovedId(member.userId);
      show({ kind: "success", text: t("members.removed", { name: member.name }) });
      void invalidateMembers();
    },
    onError: (error, member) => {
      show({
        kind: "error",
        text:
          error instanceof ApiError && error.status === 409
            ? t("errors.lastAdmin", { name: member.name })
            : t("errors.removeFailed", { name: member.name, detail: detailOf(error) }),
      });
    },
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

  function roleErrorText(error: Error, name: string, changed: boolean): string {
    if (changed) return t("errors.changedMeanwhile", { name });
    if (error instanceof ApiError && error.status === 409) return t("errors.lastAdmin", { name });
    return t("errors.roleFailed", { name, detail: detailOf(error) });
  }

  const manageRoles = canManage && roles.length > 0;

  const content = (
    <QueryView query={members} isEmpty={(data) => data.data.length === 0} empty={t("members.empty")}>
      {(data) => (
        <ScrollableTable labelledBy="current-members-heading">
          <table aria-labelledby="current-members-heading">
            <thead>
              <tr>
                <th scope="col">{t("members.columns.name")}</th>
                <th scope="col">{t("members.columns.email")}</th>
                <th scope="col">{t("members.columns.role")}</th>
                <th scope="col">{t("members.columns.memberSince")}</th>
                {canManage ? <th scope="col">{t("members.columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.data.map((member) => {
                const isSelf = member.userId === me.user.id;
                const pendingRole =
                  changeRole.isPending && changeRole.variables?.member.userId === member.userId
                    ? changeRole.variables.role
                    : null;
                return (
                  <tr key={member.userId}>
                    <td>
                      {member.name}
                      {isSelf ? <span className="muted"> {t("members.you")}</span> : null}
                    </td>
                    <td>{member.email}</td>
                    <td>
                      {manageRoles ? (
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
                            if (!changeRole.isPending) changeRole.mutate({ member, role: role as Role });
                          }}
                        />
                      ) : (
                        tc(`roles.${member.role}`)
                      )}
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>{formatDate(member.createdAt)}</td>
                    {canManage ? (
                      <td>
                        <div className="cell-actions">
                          <ConfirmDialog
                            trigger={
                              <Button
                                variant="secondary"
                                className="btn-small"
                                aria-label={t("members.removeLabel", { name: member.name })}
                              >
                                {t("members.remove")}
                              </Button>
                            }
                            title={t("members.removeTitle", { name: member.name })}
                            confirmLabel={t("members.removeConfirm")}
                            isPending={remove.isPending}
                            onConfirm={() => remove.mutateAsync(member).catch(() => undefined)}
                          >
                            <p>
                              {isSelf
                                ? t("members.removeSelfBody")
                                : t("members.removeBody", { name: member.name, email: member.email })}
                            </p>
                          </ConfirmDialog>
                        </div>
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

function detailOf(error: Error): string {
  return error instanceof ApiError ? error.problem.detail : error.message;
}
