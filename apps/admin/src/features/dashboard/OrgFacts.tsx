import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { countiesQuery } from "../../lib/reference";
import type { useOrganization } from "./api";

type Organization = NonNullable<ReturnType<typeof useOrganization>["data"]>;

/** The förbund's own facts: its organisationsnummer, län and huvudmän. */
export function OrgFacts({ org }: { org: Organization }) {
  const { t } = useTranslation("dashboard");
  const counties = useQuery(countiesQuery);
  return (
    <>
      <section className="card" aria-labelledby="org-facts">
        <h2 id="org-facts">{t("organization")}</h2>
        <dl className="facts">
          <dt>{t("organizationNumber")}</dt>
          <dd>{org.organizationNumber}</dd>
          {org.countyCode ? (
            <>
              <dt>{t("county")}</dt>
              <dd>
                {counties.data?.find((county) => county.code === org.countyCode)?.name ?? org.countyCode}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="org-parties">
        <h2 id="org-parties">{t("memberParties")}</h2>
        {org.memberParties.length === 0 ? (
          <p className="muted">{t("noParties")}</p>
        ) : (
          <ul className="plain-list">
            {org.memberParties.map((party) => (
              <li key={`${party.kind}-${party.municipalityCode ?? party.countyCode ?? ""}`}>
                {party.name}
                {party.kind === "kommun" || party.kind === "region" ? (
                  <span className="muted"> · {t(`partyKinds.${party.kind}`)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
