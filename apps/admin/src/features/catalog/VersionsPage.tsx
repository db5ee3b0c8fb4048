import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import { useIntervention, useVersionDiff, useVersions } from "./api";
import { ChangesTable } from "./changes";
import { InterventionTabs } from "./Tabs";
import "../../components/fields.css";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/o/$orgId/interventions/$interventionId/versions");

/** "Versionshistorik": every revision, and what changed between two of them. */
export function VersionsPage() {
  const { orgId, interventionId } = route.useParams();
  return <Versions key={`${orgId}/${interventionId}`} orgId={orgId} interventionId={interventionId} />;
}

function Versions({ orgId, interventionId }: { orgId: string; interventionId: string }) {
  const { t } = useTranslation("catalog");
  const can = usePermissions(orgId);
  const intervention = useIntervention(orgId, interventionId);
  const versions = useVersions(orgId, interventionId);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [compared, setCompared] = useState<{ from?: number; to?: number }>({});
  const title = intervention.data?.intervention.content.title ?? "";
  const list = versions.data ?? [];
  // By default the latest change: the revision before the newest against the newest.
  const shownFrom = from ?? (list.length > 1 ? String(list[list.length - 2]?.revision) : null);
  const shownTo = to ?? (list.length > 0 ? String(list[list.length - 1]?.revision) : null);
  const options = [...list]
    .reverse()
    .map((v) => ({ id: String(v.revision), label: t("versions.revisionLabel", { n: v.revision }) }));
  return (
    <>
      <PageHeader title={t("versions.title", { title })} description={t("versions.description")} />
      <InterventionTabs
        orgId={orgId}
        interventionId={interventionId}
        canEdit={can.has("interventions:write")}
      />
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t("versions.heading")}</h2>
        <QueryView query={versions}>
          {(data) => (
            <ScrollableTable labelledBy="versions-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("versions.columns.revision")}</th>
                    <th scope="col">{t("versions.columns.author")}</th>
                    <th scope="col">{t("versions.columns.time")}</th>
                    <th scope="col">{t("versions.columns.published")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data].reverse().map((version) => (
                    <tr key={version.revision}>
                      <td>{version.revision}</td>
                      <td>{version.authorLabel}</td>
                      <td className="nowrap">{formatDateTime(version.createdAt)}</td>
                      <td>
                        {version.publishedAt ? (
                          <Badge tone="success">
                            {t("versions.publishedBy", {
                              date: formatDateTime(version.publishedAt),
                              name: version.publishedByLabel ?? "",
                            })}
                          </Badge>
                        ) : (
                          "–"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </QueryView>
      </section>
      {list.length > 1 ? (
        <section className="card" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t("versions.compare")}</h2>
          <form
            className="form-row"
            style={{ alignItems: "end" }}
            aria-labelledby="compare-heading"
            onSubmit={(event) => {
              event.preventDefault();
              setCompared({
                ...(shownFrom ? { from: Number(shownFrom) } : {}),
                ...(shownTo ? { to: Number(shownTo) } : {}),
              });
            }}
          >
            <SelectField label={t("versions.from")} options={options} value={shownFrom} onChange={setFrom} />
            <SelectField label={t("versions.to")} options={options} value={shownTo} onChange={setTo} />
            <div>
              <Button type="submit" variant="secondary">
                {t("versions.show")}
              </Button>
            </div>
          </form>
          <Diff orgId={orgId} interventionId={interventionId} from={compared.from} to={compared.to} />
        </section>
      ) : versions.data ? (
        <p>{t("versions.onlyOne")}</p>
      ) : null}
    </>
  );
}

function Diff({
  orgId,
  interventionId,
  from,
  to,
}: {
  orgId: string;
  interventionId: string;
  from?: number;
  to?: number;
}) {
  const { t } = useTranslation("catalog");
  const diff = useVersionDiff(orgId, interventionId, from, to);
  return (
    <QueryView query={diff}>
      {(data) => (
        <div aria-live="polite">
          <h3 id="diff-heading">{t("versions.diffHeading", { from: data.from, to: data.to })}</h3>
          {data.changes.length === 0 ? (
            <p>{t("versions.noChanges")}</p>
          ) : (
            <ChangesTable changes={data.changes} labelledBy="diff-heading" />
          )}
        </div>
      )}
    </QueryView>
  );
}
