import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/choice";
import { TextField } from "../../../components/ui";
import { countiesQuery, municipalitiesQuery } from "../../../lib/reference";
import type { RunningBodyChoice, SectionProps } from "./content";

const KINDS = ["af", "fk", "kommun", "region"] as const;

/** "Arbetsförmedlingen i Gävle", "Växjö kommun", "Region Skåne": what the name field offers until edited. */
function suggestedName(kind: RunningBodyChoice["kind"], kommun?: string, county?: string): string {
  switch (kind) {
    case "af":
      return kommun ? `Arbetsförmedlingen i ${kommun}` : "Arbetsförmedlingen";
    case "fk":
      return kommun ? `Försäkringskassan i ${kommun}` : "Försäkringskassan";
    case "kommun":
      return kommun ? `${kommun} kommun` : "";
    case "region":
      return county ? `Region ${county.replace(/s? län$/, "")}` : "";
    default:
      return "";
  }
}

/**
 * Who runs a delprojekt when it is not the owner: a member party (AF, FK, a kommun, a region) in a place,
 * and the name the catalogue shows for it. The name follows the choices until the person types their own.
 */
export function RunningBodyFields({ choices, choose }: Pick<SectionProps, "choices" | "choose">) {
  const { t } = useTranslation("catalog");
  const body = choices.runningBody;
  const counties = useQuery(countiesQuery);
  const kommuner = useQuery({
    ...municipalitiesQuery(body.countyCode ?? ""),
    enabled: Boolean(body.countyCode),
  });
  const countyName = (code: string | null) => counties.data?.find((c) => c.code === code)?.name;
  const kommunName = (code: string | null) => kommuner.data?.find((m) => m.code === code)?.name;
  const suggestion = (b: RunningBodyChoice, kommun = kommunName(b.municipalityCode)) =>
    suggestedName(b.kind, kommun, countyName(b.countyCode));
  const update = (changes: Partial<RunningBodyChoice>, kommun?: string) =>
    choose("runningBody", (current) => {
      const next = { ...current, ...changes };
      const followsSuggestion = current.name === "" || current.name === suggestion(current);
      return followsSuggestion
        ? { ...next, name: suggestion(next, kommun ?? kommunName(next.municipalityCode)) }
        : next;
    });
  return (
    <>
      <SelectField
        name="runningBody.kind"
        label={t("form.runningBody")}
        description={t("form.runningBodyHint")}
        options={[
          { id: "none", label: t("form.runningBodyNone") },
          ...KINDS.map((kind) => ({ id: kind, label: t(`memberParty.${kind}`) })),
        ]}
        value={body.kind}
        onChange={(kind) =>
          update({
            kind: kind as RunningBodyChoice["kind"],
            ...(kind === "region" ? { municipalityCode: null } : {}),
          })
        }
      />
      {body.kind === "none" ? null : (
        <>
          <SelectField
            name="runningBody.countyCode"
            label={t("form.runningBodyCounty")}
            isRequired={body.kind === "region" || body.kind === "kommun"}
            options={(counties.data ?? []).map((c) => ({ id: c.code, label: c.name }))}
            value={body.countyCode}
            onChange={(countyCode) => update({ countyCode, municipalityCode: null })}
          />
          {body.kind !== "region" && body.countyCode ? (
            <SelectField
              name="runningBody.municipalityCode"
              label={t("form.runningBodyMunicipality")}
              isRequired={body.kind === "kommun"}
              options={(kommuner.data ?? []).map((m) => ({ id: m.code, label: m.name }))}
              value={body.municipalityCode}
              onChange={(municipalityCode) => update({ municipalityCode }, kommunName(municipalityCode))}
            />
          ) : null}
          <TextField
            name="runningBody.name"
            label={t("form.runningBodyName")}
            description={t("form.runningBodyNameHint")}
            value={body.name}
            onChange={(name) => choose("runningBody", (current) => ({ ...current, name }))}
            isRequired
          />
        </>
      )}
    </>
  );
}
