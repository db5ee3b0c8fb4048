import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { DraftEditor } from "./DraftEditor";
import { instrumentQuery, useDeleteDraft, useVersionStep, versionQuery } from "./instruments-api";
import { MappingSection } from "./MappingSection";
import type { InstrumentVersion } from "./types";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/instrument/$instrumentId/versioner/$versionId");

const STATUS_TONE = { draft: "neutral", published: "success", retired: "warning" } as const;

export function VersionPage() {
  const { orgId, instrumentId, versionId } = route.useParams();
  return (
    <VersionView
      key={`${orgId}/${versionId}`}
      orgId={orgId}
      instrumentId={instrumentId}
      versionId={versionId}
    />
  );
}

/**
 * One version: its items; a draft can be edited, published or removed by its owner, a published one
 * retired, and every version after the first mapped onto an earlier one so measurements compare.
 */
function VersionView({
  orgId,
  instrumentId,
  versionId,
}: {
  orgId: string;
  instrumentId: string;
  versionId: string;
}) {
  const { t } = useTranslation("progression");
  const instrument = useQuery(instrumentQuery(orgId, instrumentId));
  const version = useQuery(versionQuery(orgId, instrumentId, versionId));
  const { feedback, show } = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/instrument/$instrumentId" params={{ orgId, instrumentId }}>
          {t("version.back", { name: instrument.data?.name ?? t("instruments.title") })}
        </Link>
      </p>
      <QueryView query={version}>
        {(data) => {
          const own = instrument.data?.isOwn ?? false;
          return (
            <>
              <PageHeader
                title={t("version.title", { name: data.instrumentName, number: data.number })}
                actions={
                  own && instrument.data ? (
                    <VersionActions orgId={orgId} version={data} onFeedback={show} />
                  ) : null
                }
              />
              <FeedbackRegion feedback={feedback} />
              <section className="card" aria-labelledby="version-about-heading">
                <h2 id="version-about-heading" className="visually-hidden">
                  {t("instruments.aboutHeading")}
                </h2>
                <p>
                  <Badge tone={STATUS_TONE[data.status]}>{t(`versionStatus.${data.status}`)}</Badge>{" "}
                  {data.placeholder ? <Badge tone="warning">{t("placeholder")}</Badge> : null}
                </p>
                <dl className="facts">
                  <dt>{t("version.changeNote")}</dt>
                  <dd>{data.changeNote ?? t("version.noChangeNote")}</dd>
                </dl>
                {data.status !== "draft" ? <p className="muted">{t("version.frozen")}</p> : null}
              </section>
              {own && data.status === "draft" ? (
                // Kept across saves (the refreshed version only moves its If-Match on), so the edits stay and
                // the save's own callbacks still run.
                <DraftEditor key={data.id} orgId={orgId} version={data} onFeedback={show} />
              ) : (
                <ItemsTable version={data} />
              )}
              {own && instrument.data ? (
                <MappingSection orgId={orgId} instrument={instrument.data} version={data} onFeedback={show} />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function ItemsTable({ version }: { version: InstrumentVersion }) {
  const { t } = useTranslation("progression");
  const notAsked = <span className="muted">{t("version.notAsked")}</span>;
  return (
    <section className="card">
      <h2 id="items-heading">{t("version.itemsHeading")}</h2>
      <DataTable
        labelledBy="items-heading"
        rows={version.definition.items}
        rowKey={(item) => item.code}
        columns={[
          { id: "label", header: t("version.columns.label"), rowHeader: true, cell: (i) => i.label },
          { id: "code", header: t("version.columns.code"), noWrap: true, cell: (i) => i.code },
          { id: "group", header: t("version.columns.group"), cell: (i) => i.group },
          {
            id: "participant",
            header: t("version.columns.participant"),
            cell: (i) => i.questions.participant ?? notAsked,
          },
          { id: "coach", header: t("version.columns.coach"), cell: (i) => i.questions.coach ?? notAsked },
          {
            id: "scale",
            header: t("version.columns.scale"),
            cell: (i) => (
              <>
                {t("version.scale", { min: i.scale.min, max: i.scale.max })}
                <ul className="plain-list muted">
                  {i.scale.anchors.map((a) => (
                    <li key={a.value}>
                      {a.value} = {a.label}
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
          {
            id: "direction",
            header: t("version.columns.direction"),
            cell: (i) => t(`direction.${i.direction}`),
          },
        ]}
      />
    </section>
  );
}

function VersionActions({
  orgId,
  version,
  onFeedback,
}: {
  orgId: string;
  version: InstrumentVersion;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const step = useVersionStep(orgId, version);
  const remove = useDeleteDraft(orgId, version);
  const number = version.number;
  if (version.status === "retired") return null;
  if (version.status === "published") {
    return (
      <ConfirmDialog
        trigger={<Button variant="secondary">{t("version.retire")}</Button>}
        title={t("version.retireTitle", { number })}
        confirmLabel={t("version.retire")}
        isPending={step.isPending}
        onConfirm={() =>
          step
            .mutateAsync("retire")
            .then(() => onFeedback({ kind: "success", text: t("version.retired", { number }) }))
        }
      >
        <p>{t("version.retireBody")}</p>
      </ConfirmDialog>
    );
  }
  return (
    <>
      <ConfirmDialog
        trigger={<Button>{t("version.publish")}</Button>}
        title={t("version.publishTitle", { number })}
        confirmLabel={t("version.publish")}
        isPending={step.isPending}
        onConfirm={() =>
          step
            .mutateAsync("publish")
            .then(() => onFeedback({ kind: "success", text: t("version.published", { number }) }))
        }
      >
        <p>{t("version.publishBody")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        trigger={<Button variant="danger">{t("version.deleteDraft")}</Button>}
        title={t("version.deleteDraftTitle", { number })}
        confirmLabel={t("version.deleteDraft")}
        isPending={remove.isPending}
        onConfirm={() =>
          remove.mutateAsync().then(() =>
            navigate({
              to: "/o/$orgId/instrument/$instrumentId",
              params: { orgId, instrumentId: version.instrumentId },
            }),
          )
        }
      >
        <p>{t("version.deleteDraftBody")}</p>
      </ConfirmDialog>
    </>
  );
}
