import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroupField, SelectField } from "../../../components/choice";
import { KommunGroup } from "../../../components/KommunGroup";
import { countiesQuery, countyOfMunicipality } from "../../../lib/reference";
import type { Choices, Choose } from "./content";
import { Section } from "./Section";

const MEMBER_PARTIES = ["fk", "af", "region", "kommun"] as const;

/**
 * The member parties taking part and the kommuner where the intervention runs, picked county by county:
 * the counties of the kommuner already chosen are open, and more can be opened.
 */
export function AreaSection({ choices, choose }: { choices: Choices; choose: Choose }) {
  const { t } = useTranslation("catalog");
  const counties = useQuery(countiesQuery);
  const [shownCounties, setShownCounties] = useState<string[]>(() =>
    [...new Set(choices.municipalityCodes.map(countyOfMunicipality))].sort(),
  );
  const [announcement, setAnnouncement] = useState("");
  const countyName = (code: string) => counties.data?.find((c) => c.code === code)?.name ?? code;
  return (
    <Section id="area">
      <CheckboxGroupField
        name="memberParties"
        label={t("form.memberParties")}
        options={MEMBER_PARTIES.map((p) => ({ id: p, label: t(`memberParty.${p}`) }))}
        value={choices.memberParties}
        onChange={(value) => choose("memberParties", value)}
      />
      <p className="muted" style={{ margin: 0 }} id="municipalities-count">
        {t("form.municipalities")}:{" "}
        {t("form.selectedMunicipalities", { count: choices.municipalityCodes.length })}
      </p>
      <SelectField
        label={t("form.addCounty")}
        options={(counties.data ?? [])
          .filter((c) => !shownCounties.includes(c.code))
          .map((c) => ({ id: c.code, label: c.name }))}
        value={null}
        onChange={(code) => {
          setShownCounties((current) => [code, ...current.filter((c) => c !== code)]);
          setAnnouncement(countyName(code));
        }}
      />
      {shownCounties.map((code) => (
        <KommunGroup
          key={code}
          countyCode={code}
          name={`municipalityCodes-${code}`}
          label={`${t("form.municipalities")}: ${countyName(code)}`}
          description={(count) => t("form.selectedMunicipalities", { count })}
          loadingLabel={t("form.municipalities")}
          selected={choices.municipalityCodes}
          onChange={(county, selected) =>
            choose("municipalityCodes", (current) => [
              ...current.filter((c) => countyOfMunicipality(c) !== county),
              ...selected,
            ])
          }
        />
      ))}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </Section>
  );
}
