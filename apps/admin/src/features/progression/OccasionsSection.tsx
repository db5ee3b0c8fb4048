import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Badge } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { versionLabel } from "./labels";
import type { Occasion, ParticipantDetail } from "./types";

const TONE = {
  done: "success",
  missed: "neutral",
  overdue: "danger",
  due: "warning",
  upcoming: "neutral",
} as const;

/** The planned occasions per chosen instrument and respondent, with what is done, due now or late. */
export function OccasionsSection({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation("progression");
  return (
    <section className="card" aria-labelledby="occasions-heading">
      <h2 id="occasions-heading">{t("participant.occasionsHeading")}</h2>
      <p className="muted">{t("participant.occasionsIntro")}</p>
      {participant.instruments.length === 0 ? (
        <p className="notice">{t("participant.noInstruments")}</p>
      ) : null}
      {participant.occasions.map((entry) => {
        const version = participant.instruments.find((v) => v.id === entry.instrumentVersionId);
        const names = {
          instrument: version ? versionLabel(t, version) : "",
          respondent: t(`respondent.${entry.respondent}`),
        };
        return (
          <div key={`${entry.instrumentVersionId}-${entry.respondent}`} className="progression-occasions">
            <h3>{t("participant.occasionsFor", names)}</h3>
            <DataTable<Occasion>
              caption={t("participant.occasionsCaption", names)}
              rows={entry.occasions}
              rowKey={(occasion) => `${occasion.kind}-${occasion.dueOn}`}
              columns={[
                {
                  id: "kind",
                  header: t("participant.occasionColumns.kind"),
                  rowHeader: true,
                  cell: (occasion) => t(`occasionKind.${occasion.kind}`),
                },
                {
                  id: "dueOn",
                  header: t("participant.occasionColumns.dueOn"),
                  noWrap: true,
                  cell: (occasion) => formatDate(occasion.dueOn),
                },
                {
                  id: "state",
                  header: t("participant.occasionColumns.state"),
                  cell: (occasion) => (
                    <Badge tone={TONE[occasion.state]}>{t(`occasionState.${occasion.state}`)}</Badge>
                  ),
                },
                {
                  id: "measuredOn",
                  header: t("participant.occasionColumns.measuredOn"),
                  noWrap: true,
                  cell: (occasion) => (occasion.measuredOn ? formatDate(occasion.measuredOn) : "–"),
                },
              ]}
            />
          </div>
        );
      })}
    </section>
  );
}
