import { formatKronor } from "@nns/domain/money";
import { useQueries } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
import { countyOfMunicipality, municipalitiesQuery } from "../../lib/reference";
import { type FieldChange, type InterventionContent, useVocabularies, type Vocabularies } from "./api";
import "./i18n";

/** Labels for the codes a content value may hold: the vocabularies and the kommuner's names. */
interface Lookups {
  vocab: Vocabularies | undefined;
  municipalities: Map<string, string>;
}

/** Names of the kommuner among these codes, read per county from the reference data. */
function useLookups(municipalityCodes: string[]): Lookups {
  const vocab = useVocabularies();
  const counties = [...new Set(municipalityCodes.map(countyOfMunicipality))].sort();
  const lists = useQueries({ queries: counties.map((code) => municipalitiesQuery(code)) });
  const municipalities = new Map(lists.flatMap((list) => (list.data ?? []).map((m) => [m.code, m.name])));
  return { vocab: vocab.data, municipalities };
}

/** What changed between two revisions, field by field, before and after in words. */
export function ChangesTable({ changes, labelledBy }: { changes: FieldChange[]; labelledBy: string }) {
  const { t } = useTranslation("catalog");
  const lookups = useLookups(
    changes
      .filter((c) => c.field === "municipalityCodes")
      .flatMap((c) => [c.before, c.after, c.added, c.removed].flatMap((v) => (Array.isArray(v) ? v : [])))
      .map(String),
  );
  return (
    <ScrollableTable labelledBy={labelledBy}>
      <table className="data-table-stacked">
        <thead>
          <tr>
            <th scope="col">{t("versions.field")}</th>
            <th scope="col">{t("versions.before")}</th>
            <th scope="col">{t("versions.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <ChangeRow key={change.field} change={change} t={t} lookups={lookups} />
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** The content fields in the order of the form, goals spelled out one by one. */
const CONTENT_FIELDS = [
  "title",
  "summary",
  "description",
  "orientation",
  "focusArea",
  "targetGroups",
  "targetGroupNote",
  "memberParties",
  "municipalityCodes",
  "startDate",
  "endDate",
  "status",
  "followUpMethod",
  "esfFunded",
  "budget",
  "goals.resultGoalPercent",
  "goals.resultGoalWithinMonths",
  "goals.volumeGoalParticipants",
  "goals.plannedThroughputMonths",
  "methods",
  "links",
  "contacts",
] as const;

/** A whole entry, field by field: what a first publication makes public. */
export function ContentTable({ content, labelledBy }: { content: InterventionContent; labelledBy: string }) {
  const { t } = useTranslation("catalog");
  const lookups = useLookups(content.municipalityCodes);
  const contentOf = (field: string): unknown =>
    field.startsWith("goals.")
      ? content.goals[field.slice(6) as keyof InterventionContent["goals"]]
      : content[field as keyof InterventionContent];
  return (
    <ScrollableTable labelledBy={labelledBy}>
      <table className="data-table-stacked field-values">
        <thead>
          <tr>
            <th scope="col">{t("versions.field")}</th>
            <th scope="col">{t("review.value")}</th>
          </tr>
        </thead>
        <tbody>
          {CONTENT_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field, t)}</th>
              <td className="diff-value">{describe(field, contentOf(field), t, lookups)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function ChangeRow({
  change,
  t,
  lookups,
}: {
  change: FieldChange;
  t: TFunction<"catalog">;
  lookups: Lookups;
}) {
  const show = (value: unknown) => describe(change.field, value, t, lookups);
  const label = fieldLabel(change.field, t);
  if (change.kind === "items") {
    return (
      <tr>
        <th scope="row">{label}</th>
        <td className="diff-value" data-label={t("versions.before")}>
          {(change.removed ?? []).length > 0 ? (
            <>
              <span className="visually-hidden">{t("versions.removed")}: </span>
              <del>{(change.removed ?? []).map(show).join(", ")}</del>
            </>
          ) : (
            "–"
          )}
        </td>
        <td className="diff-value" data-label={t("versions.after")}>
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
      <td className="diff-value" data-label={t("versions.before")}>
        {change.kind === "added" ? t("versions.empty") : show(change.before)}
      </td>
      <td className="diff-value" data-label={t("versions.after")}>
        {change.kind === "removed" ? t("versions.empty") : show(change.after)}
      </td>
    </tr>
  );
}

/** Swedish label of a content field (`goals.volumeGoalParticipants` → "Volymmål (deltagare)"). */
function fieldLabel(field: string, t: TFunction<"catalog">): string {
  if (field.startsWith("goals.")) return t(`fields.goal.${field.slice(6)}`, { defaultValue: field });
  return t(`fields.${field}`, { defaultValue: field });
}

/** A value as people read it: codes as their labels, lists joined, lines of objects spelled out. */
function describe(field: string, value: unknown, t: TFunction<"catalog">, lookups: Lookups): string {
  if (value === null || value === undefined || value === "") return t("versions.empty");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("versions.empty");
    return value.map((item) => describe(field, item, t, lookups)).join(field === "description" ? "\n" : "; ");
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
      .map(([k, v]) => `${fieldLabel(`${field}.${k}`, t)}: ${describe(`${field}.${k}`, v, t, lookups)}`)
      .join(", ");
  }
  const text = String(value);
  const { vocab } = lookups;
  switch (field) {
    case "orientation":
      return t(`orientation.${text}`, { defaultValue: text });
    case "status":
      return t(`status.${text}`, { defaultValue: text });
    case "memberParties":
      return t(`memberParty.${text}`, { defaultValue: text });
    case "municipalityCodes":
      return lookups.municipalities.get(text) ?? text;
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
