import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { CheckboxField } from "../../components/fields";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
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
          can.has("interventions:write") && isForbund ? (
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
              <ScrollableTable labelledBy="interventions-heading">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("list.columns.title")}</th>
                      <th scope="col">{t("list.columns.state")}</th>
                      <th scope="col">{t("list.columns.changed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.map((intervention) => (
                      <tr key={intervention.id}>
                        <td>
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
                        </td>
                        <td>
                          <span className="action-row">
                            <InterventionStateBadge intervention={intervention} />
                            <PublishedVersionBadge intervention={intervention} />
                          </span>
                        </td>
                        <td className="nowrap">{formatDateTime(intervention.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
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
              onError: (error) => onFeedback({ kind: "error", text: error.message }),
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
      <ScrollableTable labelledBy="invitations-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("invitations.columns.title")}</th>
              <th scope="col">{t("invitations.columns.owner")}</th>
              <th scope="col">{t("invitations.columns.invited")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("invitations.accept")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((invitation) => {
              const title = invitation.publishedTitle ?? t("invitations.untitled");
              return (
                <tr key={invitation.interventionId}>
                  <td>{title}</td>
                  <td>{invitation.ownerOrganizationName}</td>
                  <td className="nowrap">{formatDateTime(invitation.invitedAt)}</td>
                  <td className="cell-actions">
                    <Button
                      className="btn-small"
                      aria-label={t("invitations.acceptLabel", { title })}
                      isDisabled={accept.isPending}
                      onPress={() =>
                        accept.mutate(invitation.interventionId, {
                          onSuccess: () =>
                            onFeedback({ kind: "success", text: t("invitations.accepted", { title }) }),
                          onError: (error) => onFeedback({ kind: "error", text: error.message }),
                        })
                      }
                    >
                      {t("invitations.accept")}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}
