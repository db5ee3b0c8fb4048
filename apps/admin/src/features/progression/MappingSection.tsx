import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError, Loading } from "../../components/states";
import { Button } from "../../components/ui";
import { mappingsQuery, useSaveMappings, versionQuery } from "./instruments-api";
import type { Instrument, InstrumentVersion, ItemMapping } from "./types";

const NONE = "none";

/**
 * Which item of this version answers to which item of an earlier one: what lets a participant's
 * measurements taken with different versions be compared (and nothing else does).
 */
export function MappingSection({
  orgId,
  instrument,
  version,
  onFeedback,
}: {
  orgId: string;
  instrument: Instrument;
  version: InstrumentVersion;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const earlier = instrument.versions
    .filter((v) => v.number < version.number)
    .sort((a, b) => b.number - a.number);
  const saved = useQuery({ ...mappingsQuery(orgId, instrument.id, version.id), enabled: earlier.length > 0 });
  return (
    <section className="card" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">{t("version.mappingHeading")}</h2>
      {earlier.length === 0 ? (
        <p className="muted">{t("version.mappingNoOther")}</p>
      ) : saved.isPending ? (
        <Loading />
      ) : (
        <>
          <p>{t("version.mappingIntro")}</p>
          <MappingForm
            orgId={orgId}
            version={version}
            earlier={earlier.map((v) => ({
              id: v.id,
              label: t("instruments.versionLink", { number: v.number }),
            }))}
            saved={saved.data?.data ?? []}
            onFeedback={onFeedback}
          />
        </>
      )}
    </section>
  );
}

function MappingForm({
  orgId,
  version,
  earlier,
  saved,
  onFeedback,
}: {
  orgId: string;
  version: InstrumentVersion;
  earlier: { id: string; label: string }[];
  saved: readonly ItemMapping[];
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const [fromId, setFromId] = useState(saved[0]?.fromVersionId ?? earlier[0]?.id ?? "");
  const from = useQuery(versionQuery(orgId, version.instrumentId, fromId));
  const codes = new Set(version.definition.items.map((item) => item.code));
  // The saved mapping from that version; before one is saved, an item maps to the item of the same code,
  // which is what an unchanged item is.
  const initial = (fromVersionId: string, items: InstrumentVersion["definition"]["items"]) => {
    const mapping = saved.find((m) => m.fromVersionId === fromVersionId);
    return Object.fromEntries(
      items.map((item) => {
        if (mapping) return [item.code, mapping.items.find((m) => m.from === item.code)?.to ?? NONE];
        return [item.code, codes.has(item.code) ? item.code : NONE];
      }),
    );
  };
  const [chosen, setChosen] = useState<Record<string, string> | null>(null);
  const save = useSaveMappings(orgId, version);
  const targets = [
    { id: NONE, label: t("version.mappingNone") },
    ...version.definition.items.map((item) => ({ id: item.code, label: `${item.code} – ${item.label}` })),
  ];
  const current = chosen ?? (from.data ? initial(fromId, from.data.definition.items) : {});
  return (
    <ServerForm
      error={save.error}
      onEdit={save.reset}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            fromVersionId: fromId,
            items: Object.entries(current)
              .filter(([, to]) => to !== NONE)
              .map(([fromCode, to]) => ({ from: fromCode, to })),
          },
          { onSuccess: () => onFeedback({ kind: "success", text: t("version.mappingSaved") }) },
        );
      }}
    >
      <SelectField
        label={t("version.mappingFrom")}
        options={earlier}
        value={fromId}
        onChange={(id) => {
          setFromId(id);
          setChosen(null);
        }}
      />
      {from.isPending ? <Loading /> : null}
      {from.data?.definition.items.map((item) => (
        <SelectField
          key={`${fromId}-${item.code}`}
          label={t("version.mappingFor", { code: item.code, label: item.label })}
          options={targets}
          value={current[item.code] ?? NONE}
          onChange={(to) => setChosen({ ...current, [item.code]: to })}
        />
      ))}
      <FormError error={save.error} />
      <p>
        <Button type="submit" isPending={save.isPending}>
          {t("version.mappingSave")}
        </Button>
      </p>
    </ServerForm>
  );
}
