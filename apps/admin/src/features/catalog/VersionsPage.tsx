import { formatKronor } from "@nns/domain/money";
import { getRouteApi } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import {
  type FieldChange,
  useIntervention,
  useVersionDiff,
  useVersions,
  useVocabularies,
  type Vocabularies,
} from "./api";
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
  const vocab = useVocabularies();
  return (
    <QueryView query={diff}>
      {(data) => (
        <div aria-live="polite">
          <h3 id="diff-heading">{t("versions.diffHeading", { from: data.from, to: data.to })}</h3>
          {data.changes.length === 0 ? (
            <p>{t("versions.noChanges")}</p>
          ) : (
            <ScrollableTable labelledBy="diff-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("versions.field")}</th>
                    <th scope="col">{t("versions.before")}</th>
                    <th scope="col">{t("versions.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.changes.map((change) => (
                    <ChangeRow key={change.field} change={change} t={t} vocab={vocab.data} />
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </div>
      )}
    </QueryView>
  );
}

function ChangeRow({
  change,
  t,
  vocab,
}: {
  change: FieldChange;
  t: TFunction<"catalog">;
  vocab: Vocabularies | undefined;
}) {
  const show = (value: unknown) => describe(change.field, value, t, vocab);
  const label = fieldLabel(change.field, t);
  if (change.kind === "items") {
    return (
      <tr>
        <th scope="row">{label}</th>
        <td className="diff-value">
          {(change.removed ?? []).length > 0 ? (
            <>
              <span className="visually-hidden">{t("versions.removed")}: </span>
              <del>{(change.removed ?? []).map(show).join(", ")}</del>
            </>
          ) : (
            "–"
          )}
        </td>
        <td className="diff-value">
          {(change.added ?? []).length > 0 ? (
            <>
              <span className="visually-hidden">{t("versions.added")}: </span>
              <ins>{(change.added ?? []).map(show).join(", ")}</ins>
            </>
          ) : (
            "–"
          )}
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="diff-value">{change.kind === "added" ? t("versions.empty") : show(change.before)}</td>
      <td className="diff-value">{change.kind === "removed" ? t("versions.empty") : show(change.after)}</td>
    </tr>
  );
}

/** Swedish label of a content field (`goals.volumeGoalParticipants` → "Volymmål (deltagare)"). */
function fieldLabel(field: string, t: TFunction<"catalog">): string {
  if (field.startsWith("goals.")) return t(`fields.goal.${field.slice(6)}`, { defaultValue: field });
  return t(`fields.${field}`, { defaultValue: field });
}

/** A value as people read it: vocabulary codes as their labels, lists joined, lines of objects spelled out. */
function describe(
  field: string,
  value: unknown,
  t: TFunction<"catalog">,
  vocab: Vocabularies | undefined,
): string {
  if (value === null || value === undefined || value === "") return t("versions.empty");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("versions.empty");
    return value.map((item) => describe(field, item, t, vocab)).join(field === "description" ? "\n" : "; ");
  }
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (typeof value === "object") {
    const item = value as Record<string, unknown>;
    if (field === "budget")
      return `${item.year}: ${formatKronor(Number(item.amountOre))} (${(item.financingParties as string[]).join(", ")})`;
    if (field === "links") return `${t(`linkKind.${String(item.kind)}`)}: ${item.title} <${item.url}>`;
    if (field === "contacts")
      return [item.name, item.role, item.email, item.phone].filter((v) => v !== null && v !== "").join(", ");
    return Object.entries(item)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(", ");
  }
  const text = String(value);
  switch (field) {
    case "orientation":
      return t(`orientation.${text}`, { defaultValue: text });
    case "status":
      return t(`status.${text}`, { defaultValue: text });
    case "memberParties":
      return t(`memberParty.${text}`, { defaultValue: text });
    case "focusArea":
      return vocab?.focusAreas.find((f) => f.code === text)?.labelSv ?? text;
    case "targetGroups":
      return vocab?.targetGroups.find((g) => g.code === text)?.labelSv ?? text;
    case "methods":
      return vocab?.methods.find((m) => m.code === text)?.labelSv ?? text;
    default:
      return text;
  }
}
