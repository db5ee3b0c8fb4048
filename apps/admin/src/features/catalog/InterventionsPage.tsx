import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { CheckboxField } from "../../components/fields";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import {
  type InterventionState,
  useAcceptCoOwnership,
  useCatalogSettings,
  useCoOwnershipInvitations,
  useInterventionsPage,
  useSetSelfPublishing,
} from "./api";
import { InterventionStateBadge, PublishedVersionBadge } from "./badges";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/o/$orgId/interventions");
const STATES = ["draft", "submitted", "returned", "published", "archived"] as const;

/** "Mina insatser": the förbund's own and co-owned catalogue entries. */
export function InterventionsPage() {
  const { orgId } = route.useParams();
  return <Interventions key={orgId} orgId={orgId} />;
}

function Interventions({ orgId }: { orgId: string }) {
  const { t } = useTranslation("catalog");
  const can = usePermissions(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const [state, setState] = useState<InterventionState | "all">("all");
  const pages = useCursorPages();
  const list = useInterventionsPage(orgId, state, pages.cursor);
  const { feedback, show } = useFeedback();
  const isForbund = access.data?.organization.kind === "forbund";
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          // NNS writes its national projects here too (decision 0024).
          can.has("interventions:write") ? (
            <>
              <Link to="/o/$orgId/interventions/import" params={{ orgId }} className="btn btn-secondary">
                {t("list.import")}
              </Link>
              <Link to="/o/$orgId/interventions/new" params={{ orgId }} className="btn btn-primary">
                {t("list.new")}
              </Link>
            </>
          ) : null
        }
      />
      <FeedbackRegion feedback={feedback} />
      {isForbund ? (
        <SelfPublishing orgId={orgId} canGrant={can.has("catalog:editorial")} onFeedback={show} />
      ) : null}
      {isForbund && can.has("interventions:write") ? <Invitations orgId={orgId} onFeedback={show} /> : null}
      <section className="card" aria-labelledby="interventions-heading">
        <h2 id="interventions-heading">{t("list.heading")}</h2>
        <div style={{ maxWidth: "18rem" }}>
          <SelectField
            label={t("list.filter")}
            options={[
              { id: "all", label: t("list.all") },
              ...STATES.map((s) => ({ id: s, label: t(`state.${s}`) })),
            ]}
            value={state}
            onChange={(value) => {
              setState(value as InterventionState | "all");
              pages.reset();
            }}
          />
        </div>
        <QueryView
          query={list}
          isEmpty={(data) => data.data.length === 0 && !pages.hasPrevious}
          empty={state === "all" ? t("list.empty") : t("list.emptyFiltered")}
        >
          {(data) => (
            <>
              <DataTable
                labelledBy="interventions-heading"
                rows={data.data}
                rowKey={(intervention) => intervention.id}
                columns={[
                  {
                    id: "title",
                    header: t("list.columns.title"),
                    rowHeader: true,
                    cell: (intervention) => (
                      <>
                        <Link
                          to="/o/$orgId/interventions/$interventionId"
                          params={{ orgId, interventionId: intervention.id }}
                        >
                          {intervention.content.title}
                        </Link>
                        {intervention.organizationId !== orgId ? (
                          <>
                            {" "}
                            <Badge>{t("coOwned")}</Badge>
                          </>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    id: "state",
                    header: t("list.columns.state"),
                    cell: (intervention) => (
                      <span className="action-row">
                        <InterventionStateBadge intervention={intervention} />
                        <PublishedVersionBadge intervention={intervention} />
                      </span>
                    ),
                  },
                  {
                    id: "changed",
                    header: t("list.columns.changed"),
                    noWrap: true,
                    cell: (intervention) => formatDateTime(intervention.updatedAt),
                  },
                ]}
              />
              <Pagination pages={pages} nextCursor={data.nextCursor} />
            </>
          )}
        </QueryView>
        <p>
          <a href="/katalog">{t("list.publicCatalog")}</a>
        </p>
      </section>
    </>
  );
}

/** Whether the förbund publishes itself; NNS's editorial team grants and withdraws it here. */
function SelfPublishing({
  orgId,
  canGrant,
  onFeedback,
}: {
  orgId: string;
  canGrant: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("catalog");
  const settings = useCatalogSettings(orgId);
  const save = useSetSelfPublishing(orgId);
  if (!settings.data) return null;
  const granted = settings.data.selfPublishing;
  return (
    <section className="card" aria-labelledby="self-publishing-heading">
      <h2 id="self-publishing-heading">{t("selfPublishing.heading")}</h2>
      <p>{granted ? t("selfPublishing.granted") : t("selfPublishing.notGranted")}</p>
      {canGrant ? (
        <CheckboxField
          isSelected={granted}
          isDisabled={save.isPending}
          onChange={(value) =>
            save.mutate(value, {
              onSuccess: (data) =>
                onFeedback({
                  kind: "success",
                  text: data.selfPublishing
                    ? t("selfPublishing.grantedDone")
                    : t("selfPublishing.withdrawnDone"),
                }),
              onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
            })
          }
        >
          {t("selfPublishing.toggle")}
        </CheckboxField>
      ) : null}
    </section>
  );
}

/** Invitations from other förbund to co-own their interventions, accepted here. */
function Invitations({ orgId, onFeedback }: { orgId: string; onFeedback: (feedback: Feedback) => void }) {
  const { t } = useTranslation("catalog");
  const invitations = useCoOwnershipInvitations(orgId);
  const accept = useAcceptCoOwnership(orgId);
  const data = invitations.data ?? [];
  if (data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("invitations.heading")}</h2>
      <p>{t("invitations.intro")}</p>
      <DataTable
        labelledBy="invitations-heading"
        rows={data}
        rowKey={(invitation) => invitation.interventionId}
        columns={[
          {
            id: "title",
            header: t("invitations.columns.title"),
            rowHeader: true,
            cell: (invitation) => invitation.publishedTitle ?? t("invitations.untitled"),
          },
          {
            id: "owner",
            header: t("invitations.columns.owner"),
            cell: (invitation) => invitation.ownerOrganizationName,
          },
          {
            id: "invited",
            header: t("invitations.columns.invited"),
            noWrap: true,
            cell: (invitation) => formatDateTime(invitation.invitedAt),
          },
          {
            id: "accept",
            header: t("invitations.accept"),
            cell: (invitation) => {
              const title = invitation.publishedTitle ?? t("invitations.untitled");
              return (
                <Button
                  className="btn-small"
                  aria-label={t("invitations.acceptLabel", { title })}
                  isDisabled={accept.isPending}
                  onPress={() =>
                    accept.mutate(invitation.interventionId, {
                      onSuccess: () =>
                        onFeedback({ kind: "success", text: t("invitations.accepted", { title }) }),
                      onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
                    })
                  }
                >
                  {t("invitations.accept")}
                </Button>
              );
            },
          },
        ]}
      />
    </section>
  );
}
