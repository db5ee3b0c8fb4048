import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../components/states";
import type { TrainingRequest } from "./api";
import { CreateTrainingDialog } from "./CreateTrainingDialog";
import { pairingsQuery } from "./requestApi";
import "./i18n";

/** NNS's pairing suggestions: two open requests from the same or neighbouring län, both open to sharing. */
export function PairingsSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation("trainings");
  const pairings = useQuery(pairingsQuery);
  return (
    <section className="card" aria-labelledby="pairings-heading">
      <h2 id="pairings-heading">{t("pairings.heading")}</h2>
      <p className="muted">{t("pairings.description")}</p>
      <QueryView query={pairings} isEmpty={(data) => data.length === 0} empty={t("pairings.empty")}>
        {(data) => (
          <ul className="plain-list" style={{ gap: "var(--space-4)" }}>
            {data.map((pairing) => {
              const [a, b] = pairing.requests as [TrainingRequest, TrainingRequest];
              const names = `${a.organization.name} + ${b.organization.name}`;
              return (
                <li key={pairing.requestIds.join("+")} className="card" style={{ marginBottom: 0 }}>
                  <h3 style={{ marginTop: 0 }}>{names}</h3>
                  <dl className="facts training-facts">
                    <dt>{t("pairings.region")}</dt>
                    <dd>{t(`pairings.relation.${pairing.countyRelation}`)}</dd>
                    <dt>{t("pairings.overlap")}</dt>
                    <dd>
                      {pairing.overlap.start} – {pairing.overlap.end} (
                      {t("pairings.days", { count: pairing.overlapDays })})
                    </dd>
                    <dt>{t("pairings.participants")}</dt>
                    <dd>
                      {t("pairings.combined", {
                        total: pairing.combinedParticipants,
                        a: a.expectedParticipants,
                        b: b.expectedParticipants,
                      })}
                    </dd>
                    <dt>{t("pairings.delivery")}</dt>
                    <dd>{t(`delivery.${pairing.deliveryPreference}`)}</dd>
                  </dl>
                  <div style={{ marginTop: "var(--space-3)" }}>
                    <CreateTrainingDialog
                      orgId={orgId}
                      isNns
                      requestIds={[...pairing.requestIds]}
                      defaultTitle={`BIP/SKAPA ${a.organization.name} och ${b.organization.name}`}
                      triggerLabel={t("pairings.create")}
                      triggerAriaLabel={t("pairings.createLabel", { names })}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
