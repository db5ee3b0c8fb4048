import type { Schemas } from "@nns/api-client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CheckboxGroupField, SelectField } from "../../components/choice";
import { KommunGroup as SharedKommunGroup } from "../../components/KommunGroup";
import { ErrorState, FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { ApiError, fieldErrors, fieldErrorText } from "../../lib/api";
import {
  countiesQuery,
  countyOfMunicipality,
  type MemberPartyInput,
  municipalitiesQuery,
  type Organization,
  type OrganizationBody,
} from "./api";
import "./i18n";

type Agency = "fk" | "af" | "region";
const AGENCIES: Agency[] = ["fk", "af", "region"];

const kommunGroupName = (countyCode: string) => `kommuner-${countyCode}`;
const GOTLAND = "0980";

const fieldsetStyle = {
  display: "flex",
  flexDirection: "column",
  gap: "var(--space-4)",
  minWidth: 0,
} as const;
const legendStyle = { fontWeight: 600, fontSize: "1.15rem", padding: "0 var(--space-1)" } as const;

/** The huvudmän in the order the API stores them: the agencies, the region, then kommuner by code. */
function toMemberParties(
  agencies: Agency[],
  countyCode: string | null,
  kommuner: string[],
): MemberPartyInput[] {
  const parties: MemberPartyInput[] = [];
  if (agencies.includes("fk")) parties.push({ kind: "fk" });
  if (agencies.includes("af")) parties.push({ kind: "af" });
  // The län comes from the reference list the form offers (GET /reference/counties), so it is the contract's.
  if (agencies.includes("region") && countyCode)
    parties.push({ kind: "region", countyCode: countyCode as Schemas["CountyCode"] });
  // Lag (2003:1210) 3 §: the region takes part for every part of the area, so kommuner in another län
  // bring that län's region (Gotland's kommun is its own region).
  const otherCounties = new Set(kommuner.filter((code) => code !== GOTLAND).map(countyOfMunicipality));
  for (const county of [...otherCounties].sort()) {
    if (county !== countyCode) parties.push({ kind: "region", countyCode: county as Schemas["CountyCode"] });
  }
  for (const code of [...kommuner].sort()) parties.push({ kind: "kommun", municipalityCode: code });
  return parties;
}

/**
 * The API reports huvudman errors by position (`body.memberParties.3.municipalityCode`), which names no
 * field in the form. Map them back, through the list that was sent, to the checkbox group that holds
 * that huvudman, so the message appears beside it (the FormError summary lists them as well).
 */
function usePartyErrors(error: unknown, submitted: MemberPartyInput[] | undefined): Record<string, string> {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const out: Record<string, string> = {};
    if (!(error instanceof ApiError) || !submitted) return out;
    const add = (name: string, message: string) => {
      out[name] = out[name] ? `${out[name]} ${message}` : message;
    };
    for (const problem of error.problem.errors ?? []) {
      const match = /^body\.memberParties(?:\.(\d+))?/.exec(problem.field);
      if (!match) continue;
      const party = match[1] === undefined ? undefined : submitted[Number(match[1])];
      if (party?.kind === "kommun") {
        const county = countyOfMunicipality(party.municipalityCode);
        const name = queryClient
          .getQueryData(municipalitiesQuery(county).queryKey)
          ?.find((m) => m.code === party.municipalityCode)?.name;
        add(kommunGroupName(county), name ? `${name}: ${fieldErrorText(problem)}` : fieldErrorText(problem));
      } else {
        add("agencies", fieldErrorText(problem));
      }
    }
    return out;
  }, [error, submitted, queryClient]);
}

export interface OrganizationFormProps {
  /** Present when editing; its values fill the form. */
  initial?: Organization;
  /** An NNS organization has no huvudmän and need not have a län. */
  kind: "nns" | "forbund";
  mode: "create" | "edit";
  isPending: boolean;
  /** The failed save to show, beside its fields and as a summary. */
  error: unknown;
  /** What the failed save sent, to place the API's positional huvudman errors. */
  submitted?: { memberParties?: MemberPartyInput[] };
  onSubmit: (body: OrganizationBody) => void;
  /** Success or conflict messages, shown beside the submit button where the person is. */
  messages?: ReactNode;
}

export function OrganizationForm({
  initial,
  kind,
  mode,
  isPending,
  error,
  submitted,
  onSubmit,
  messages,
}: OrganizationFormProps) {
  const { t } = useTranslation("organizations");
  const counties = useQuery(countiesQuery);
  const [countyCode, setCountyCode] = useState<string | null>(initial?.countyCode ?? null);
  const [agencies, setAgencies] = useState<Agency[]>(() =>
    AGENCIES.filter((a) => initial?.memberParties.some((p) => p.kind === a)),
  );
  const [kommuner, setKommuner] = useState<string[]>(() =>
    (initial?.memberParties ?? []).flatMap((p) =>
      p.kind === "kommun" && p.municipalityCode ? [p.municipalityCode] : [],
    ),
  );
  // Other län whose kommuner are listed: the ones added by hand, newest first, stay listed even when
  // every kommun in them is unticked, so focus never lands on a checkbox that vanishes.
  const [addedCounties, setAddedCounties] = useState<string[]>(() =>
    [...new Set(kommuner.map(countyOfMunicipality))]
      .filter((c) => c !== (initial?.countyCode ?? null))
      .sort(),
  );
  const [announcement, setAnnouncement] = useState("");

  const partyErrors = usePartyErrors(error, submitted?.memberParties);
  // Huvudmän are marked on their groups (above), not under the API's `memberParties.N` names no field has.
  const validationErrors = useMemo(() => {
    const others = Object.entries(fieldErrors(error)).filter(([name]) => !name.startsWith("memberParties"));
    return { ...Object.fromEntries(others), ...partyErrors };
  }, [error, partyErrors]);

  const countyList = counties.data ?? [];
  const countyName = (code: string) => countyList.find((c) => c.code === code)?.name ?? code;
  const otherCounties = [
    ...addedCounties,
    ...[...new Set(kommuner.map(countyOfMunicipality))].filter((c) => !addedCounties.includes(c)).sort(),
  ].filter((c) => c !== countyCode);
  const addableCounties = countyList.filter((c) => c.code !== countyCode && !otherCounties.includes(c.code));

  const setKommunerIn = (county: string, selected: string[]) =>
    setKommuner((current) => [
      ...current.filter((code) => countyOfMunicipality(code) !== county),
      ...selected,
    ]);

  const withParties = kind === "forbund";

  return (
    <Form
      validationBehavior="aria"
      validationErrors={validationErrors}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (key: string) => String(data.get(key) ?? "").trim();
        const slug = text("slug");
        onSubmit({
          name: text("name"),
          ...(slug ? { slug } : {}),
          organizationNumber: text("organizationNumber"),
          countyCode: countyCode as Schemas["CountyCode"] | null,
          email: text("email") || null,
          website: text("website") || null,
          ...(withParties ? { memberParties: toMemberParties(agencies, countyCode, kommuner) } : {}),
        });
      }}
    >
      <fieldset className="card" style={fieldsetStyle}>
        <legend style={legendStyle}>{t("form.details")}</legend>
        <div className="grid-2">
          <TextField
            name="name"
            label={t("form.name")}
            defaultValue={initial?.name}
            isRequired
            autoComplete="organization"
          />
          <TextField
            name="slug"
            label={t("form.slug")}
            description={mode === "create" ? t("form.slugDescriptionNew") : t("form.slugDescriptionEdit")}
            defaultValue={initial?.slug}
            autoComplete="off"
            spellCheck="false"
          />
          <TextField
            name="organizationNumber"
            label={t("form.organizationNumber")}
            description={t("form.organizationNumberDescription")}
            defaultValue={initial?.organizationNumber}
            inputMode="numeric"
            autoComplete="off"
            isRequired
          />
          {counties.error ? (
            <ErrorState error={counties.error} onRetry={() => counties.refetch()} />
          ) : (
            <SelectField
              name="countyCode"
              label={t("form.county")}
              description={withParties ? t("form.countyDescription") : undefined}
              options={countyList.map((c) => ({ id: c.code, label: c.name }))}
              value={countyCode}
              onChange={(code) => {
                if (countyList.some((c) => c.code === code)) setCountyCode(code);
              }}
              isRequired={withParties}
            />
          )}
          <TextField
            name="email"
            type="email"
            label={t("form.email")}
            defaultValue={initial?.email ?? ""}
            autoComplete="email"
          />
          <TextField
            name="website"
            type="url"
            label={t("form.website")}
            description={t("form.websiteDescription")}
            defaultValue={initial?.website ?? ""}
            autoComplete="url"
          />
        </div>
      </fieldset>

      {withParties ? (
        <fieldset className="card" style={fieldsetStyle}>
          <legend style={legendStyle}>{t("form.parties")}</legend>
          <p className="muted" style={{ margin: 0 }}>
            {t("form.partiesIntro")}
          </p>
          <CheckboxGroupField
            name="agencies"
            label={t("form.agencies")}
            options={AGENCIES.map((a) => ({
              id: a,
              label:
                a === "region" && countyCode
                  ? t("form.regionNamed", { county: countyName(countyCode) })
                  : t(`form.${a}`),
            }))}
            value={agencies}
            onChange={(value) => setAgencies(value as Agency[])}
          />
          {countyCode ? (
            <KommunGroup
              countyCode={countyCode}
              countyName={countyName(countyCode)}
              selected={kommuner}
              onChange={setKommunerIn}
            />
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              {t("form.chooseCountyFirst")}
            </p>
          )}
          <SelectField
            label={t("form.otherCounty")}
            description={t("form.otherCountyDescription")}
            options={addableCounties.map((c) => ({ id: c.code, label: c.name }))}
            value={null}
            onChange={(code) => {
              if (!addableCounties.some((c) => c.code === code)) return;
              setAddedCounties((current) => [code, ...current.filter((c) => c !== code)]);
              setAnnouncement(t("form.otherCountyAdded", { county: countyName(code) }));
            }}
          />
          <p role="status" className="visually-hidden">
            {announcement}
          </p>
          {otherCounties.map((code) => (
            <KommunGroup
              key={code}
              countyCode={code}
              countyName={countyName(code)}
              selected={kommuner}
              onChange={setKommunerIn}
              regionFollows
            />
          ))}
        </fieldset>
      ) : null}

      <FormError error={error} />
      {messages}
      <div>
        <Button type="submit" isDisabled={isPending}>
          {isPending ? t("form.saving") : mode === "create" ? t("form.create") : t("form.save")}
        </Button>
      </div>
    </Form>
  );
}

/** The kommuner of one län, with this form's labels. */
function KommunGroup({
  countyCode,
  countyName,
  selected,
  onChange,
  regionFollows = false,
}: {
  countyCode: string;
  countyName: string;
  /** A län other than the förbund's: its region becomes a huvudman with its kommuner. */
  regionFollows?: boolean;
  selected: string[];
  onChange: (countyCode: string, selected: string[]) => void;
}) {
  const { t } = useTranslation("organizations");
  return (
    <SharedKommunGroup
      countyCode={countyCode}
      name={kommunGroupName(countyCode)}
      label={t("form.kommunerIn", { county: countyName })}
      description={(count) =>
        regionFollows
          ? `${t("form.selectedCount", { count })} ${t("form.regionFollows", { county: countyName })}`
          : t("form.selectedCount", { count })
      }
      loadingLabel={t("form.loadingKommuner")}
      selected={selected}
      onChange={onChange}
    />
  );
}
