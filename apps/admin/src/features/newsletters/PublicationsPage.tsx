import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader, RowButton } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import { invitationsQuery, publicationsQuery, useAcceptInvitation, useCreatePublication } from "./api";
import { PublicationForm } from "./PublicationForm";
import "./i18n";
import "./newsletters.css";

const route = getRouteApi("/app/o/$orgId/nyhetsbrev");

/** The förbund's newsletters, its open invitations to co-publish others', and creating a new one. */
export function PublicationsPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("newsletters");
  const can = usePermissions(orgId);
  const write = can.has("newsletters:write");
  const publications = useQuery(publicationsQuery(orgId));
  const { feedback, show } = useFeedback();
  // Back here after leaving a newsletter on its own page: say so.
  const left = useRouterState({ select: (state) => state.location.state.newsletterLeft });
  useEffect(() => {
    if (left) show({ kind: "success", text: t("publishers.left", { publication: left }) });
  }, [left, show, t]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={write ? <CreatePublicationDialog orgId={orgId} /> : null}
      />
      <FeedbackRegion feedback={feedback} />
      <Invitations orgId={orgId} write={write} onFeedback={show} />
      <section className="card">
        <h2 id="publications-heading">{t("listHeading")}</h2>
        <QueryView query={publications} isEmpty={(data) => data.length === 0} empty={t("empty")}>
          {(data) => (
            <DataTable
              labelledBy="publications-heading"
              rows={data}
              rowKey={(publication) => publication.id}
              columns={[
                {
                  id: "name",
                  header: t("columns.name"),
                  rowHeader: true,
                  cell: (publication) => (
                    <>
                      <Link
                        to="/o/$orgId/nyhetsbrev/$publicationId"
                        params={{ orgId, publicationId: publication.id }}
                      >
                        {publication.name}
                      </Link>
                      {publication.archivedAt ? (
                        <>
                          {" "}
                          <Badge>{t("archived")}</Badge>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  id: "role",
                  header: t("columns.role"),
                  cell: (publication) => t(publication.isOwner ? "role.owner" : "role.co_publisher"),
                },
                { id: "owner", header: t("columns.owner"), cell: (publication) => publication.owner.name },
                {
                  id: "publishers",
                  header: t("columns.publishers"),
                  cell: (publication) => (
                    <ul className="plain-list">
                      {publication.publishers
                        .filter((publisher) => publisher.acceptedAt || publisher.role === "owner")
                        .map((publisher) => (
                          <li key={publisher.organizationId}>{publisher.organizationName}</li>
                        ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

/** Shown only when another förbund has invited this one; accepting adds the newsletter to the list. */
function Invitations({
  orgId,
  write,
  onFeedback,
}: {
  orgId: string;
  write: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const invitations = useQuery(invitationsQuery(orgId));
  const accept = useAcceptInvitation(orgId);
  if (!invitations.data || invitations.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="newsletter-invitations-heading">
      <h2 id="newsletter-invitations-heading">{t("invitations.heading")}</h2>
      <p>{t("invitations.intro")}</p>
      <ul className="newsletter-invitations">
        {invitations.data.map((invitation) => (
          <li key={invitation.publicationId}>
            <span>
              {t("invitations.item", {
                publication: invitation.publicationName,
                owner: invitation.ownerOrganizationName,
                date: formatDate(invitation.invitedAt),
              })}
            </span>
            {write ? (
              <RowButton
                variant="primary"
                label={t("invitations.accept")}
                aria-label={t("invitations.acceptLabel", { publication: invitation.publicationName })}
                isPending={accept.isPending && accept.variables === invitation.publicationId}
                onPress={() =>
                  accept.mutate(invitation.publicationId, {
                    onSuccess: () =>
                      onFeedback({
                        kind: "success",
                        text: t("invitations.accepted", {
                          publication: invitation.publicationName,
                          owner: invitation.ownerOrganizationName,
                        }),
                      }),
                    onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
                  })
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CreatePublicationDialog({ orgId }: { orgId: string }) {
  const { t } = useTranslation("newsletters");
  const navigate = useNavigate();
  const create = useCreatePublication(orgId);
  return (
    <FormDialog
      title={t("form.createTitle")}
      trigger={<Button>{t("create")}</Button>}
      onOpenChange={() => create.reset()}
    >
      {(close) => (
        <PublicationForm
          error={create.error}
          onEdit={create.reset}
          isPending={create.isPending}
          submitLabel={t("form.createSubmit")}
          onCancel={close}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (publication) =>
                navigate({
                  to: "/o/$orgId/nyhetsbrev/$publicationId",
                  params: { orgId, publicationId: publication.id },
                }),
            })
          }
        />
      )}
    </FormDialog>
  );
}
