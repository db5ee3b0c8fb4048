import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { type InterventionProject, useProject } from "./api";
import { formatPercent } from "./percent";

type Part = InterventionProject["parts"][number];

/**
 * A project's delprojekt: who runs each (a member party, or the owning organization) and where, and the
 * results added up over them. Nothing when the entry has no delprojekt.
 */
export function ProjectSection({ orgId, interventionId }: { orgId: string; interventionId: string }) {
  const { t } = useTranslation("catalog");
  const project = useProject(orgId, interventionId);
  const data = project.data;
  if (!data || data.parts.length === 0) return null;
  const totals = data.totals;
  return (
    <section className="card" aria-labelledby="project-heading">
      <h2 id="project-heading">{t("project.heading")}</h2>
      <p>{t("project.intro")}</p>
      <DataTable
        labelledBy="project-heading"
        rows={data.parts}
        rowKey={(part) => part.id}
        columns={[
          {
            id: "title",
            header: t("project.columns.title"),
            rowHeader: true,
            cell: (part: Part) => (
              <Link to="/o/$orgId/interventions/$interventionId" params={{ orgId, interventionId: part.id }}>
                {part.title}
              </Link>
            ),
          },
          {
            id: "runBy",
            header: t("project.columns.runBy"),
            cell: (part: Part) =>
              part.runningBody?.name ?? t("project.ownedBy", { name: part.organizationName }),
          },
          {
            id: "place",
            header: t("project.columns.place"),
            cell: (part: Part) => part.places.join(", ") || "–",
          },
          {
            id: "participants",
            header: t("project.columns.participants"),
            className: "amount",
            cell: (part: Part) => part.participants,
          },
        ]}
      />
      <h3>{t("project.totalsHeading")}</h3>
      {totals && totals.participantsTotal > 0 ? (
        <>
          <p>
            {t("project.totals", {
              total: totals.participantsTotal,
              reporting: totals.reportingParts,
              parts: data.parts.length,
              women: totals.participantsWomen,
              men: totals.participantsMen,
              other: totals.participantsOther,
            })}
          </p>
          <p>
            <strong>{t("project.positive", { share: formatPercent(totals.positiveSharePercent) })}</strong>
          </p>
        </>
      ) : (
        <p>{t("project.noResults")}</p>
      )}
    </section>
  );
}
