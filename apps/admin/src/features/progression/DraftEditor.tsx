import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { fieldErrors } from "../../lib/api";
import { useSaveDraft } from "./instruments-api";
import "../../components/fields.css";
import type { InstrumentDefinition, InstrumentItem, InstrumentVersion } from "./types";

/** An item as the form holds it: every value as typed, anchors as `1=Stämmer inte alls|5=Stämmer helt`. */
interface Row {
  key: number;
  code: string;
  group: string;
  label: string;
  participant: string;
  coach: string;
  min: string;
  max: string;
  anchors: string;
  direction: InstrumentItem["direction"];
}

let nextKey = 0;

function toRow(item: InstrumentItem): Row {
  return {
    key: nextKey++,
    code: item.code,
    group: item.group,
    label: item.label,
    participant: item.questions.participant ?? "",
    coach: item.questions.coach ?? "",
    min: String(item.scale.min),
    max: String(item.scale.max),
    anchors: item.scale.anchors.map((a) => `${a.value}=${a.label}`).join("|"),
    direction: item.direction,
  };
}

const emptyRow = (): Row => ({
  key: nextKey++,
  code: "",
  group: "",
  label: "",
  participant: "",
  coach: "",
  min: "1",
  max: "5",
  anchors: "1=|5=",
  direction: "higher_is_better",
});

function parseAnchors(text: string): { value: number; label: string }[] | null {
  const anchors = text
    .split("|")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at < 1 ? null : { value: Number(part.slice(0, at).trim()), label: part.slice(at + 1).trim() };
    });
  return anchors.every((a) => a !== null && Number.isInteger(a.value) && a.label !== "")
    ? (anchors as { value: number; label: string }[])
    : null;
}

/**
 * A draft's items, edited in place: a fieldset per item with its texts, scale and direction. The API
 * checks the whole definition when it is saved and names the field of every mistake.
 */
export function DraftEditor({
  orgId,
  version,
  onFeedback,
}: {
  orgId: string;
  version: InstrumentVersion;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const [rows, setRows] = useState<Row[]>(() => version.definition.items.map(toRow));
  const [changeNote, setChangeNote] = useState(version.changeNote ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useSaveDraft(orgId, version);
  const edit = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <section className="card" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{t("version.editorHeading")}</h2>
      <ServerForm
        error={save.error}
        onEdit={() => {
          save.reset();
          // After the edit has been handled: React would otherwise render first and put the old value back.
          setTimeout(() => setLocal({}));
        }}
        // The same object while nothing changes (see ServerForm): the form's own check, else the API's.
        validationErrors={Object.keys(local).length > 0 ? local : fieldErrors(save.error)}
        onSubmit={(event) => {
          event.preventDefault();
          const problems: Record<string, string> = {};
          const items = rows.map((row, i) => {
            const anchors = parseAnchors(row.anchors);
            if (!anchors) problems[`definition.items.${i}.scale.anchors`] = t("version.anchorsInvalid");
            return {
              code: row.code.trim(),
              group: row.group.trim(),
              label: row.label.trim(),
              questions: {
                ...(row.participant.trim() ? { participant: row.participant.trim() } : {}),
                ...(row.coach.trim() ? { coach: row.coach.trim() } : {}),
              },
              scale: { min: Number(row.min), max: Number(row.max), anchors: anchors ?? [] },
              direction: row.direction,
            };
          });
          setLocal(problems);
          if (Object.keys(problems).length > 0) return;
          const definition: InstrumentDefinition = { items };
          save.mutate(
            { definition, changeNote: changeNote.trim() || null },
            { onSuccess: () => onFeedback({ kind: "success", text: t("version.draftSaved") }) },
          );
        }}
      >
        {rows.map((row, i) => {
          const name = (field: string) => `definition.items.${i}.${field}`;
          const number = i + 1;
          return (
            <fieldset key={row.key} className="progression-item-editor">
              <legend>{t("version.item", { number })}</legend>
              <div className="form-row">
                <TextField
                  label={t("version.itemCode")}
                  name={name("code")}
                  value={row.code}
                  onChange={(code) => edit(row.key, { code })}
                  isRequired
                />
                <TextField
                  label={t("version.itemGroup")}
                  name={name("group")}
                  value={row.group}
                  onChange={(group) => edit(row.key, { group })}
                  isRequired
                />
                <TextField
                  label={t("version.itemLabel")}
                  name={name("label")}
                  value={row.label}
                  onChange={(label) => edit(row.key, { label })}
                  isRequired
                />
              </div>
              <TextField
                label={t("version.itemParticipant")}
                name={name("questions.participant")}
                value={row.participant}
                onChange={(participant) => edit(row.key, { participant })}
              />
              <TextField
                label={t("version.itemCoach")}
                name={name("questions.coach")}
                value={row.coach}
                onChange={(coach) => edit(row.key, { coach })}
              />
              <div className="form-row">
                <TextField
                  label={t("version.itemMin")}
                  name={name("scale.min")}
                  inputMode="numeric"
                  value={row.min}
                  onChange={(min) => edit(row.key, { min })}
                  isRequired
                />
                <TextField
                  label={t("version.itemMax")}
                  name={name("scale.max")}
                  inputMode="numeric"
                  value={row.max}
                  onChange={(max) => edit(row.key, { max })}
                  isRequired
                />
                <SelectField
                  label={t("version.itemDirection")}
                  options={(["higher_is_better", "lower_is_better"] as const).map((d) => ({
                    id: d,
                    label: t(`direction.${d}`),
                  }))}
                  value={row.direction}
                  onChange={(direction) => edit(row.key, { direction: direction as Row["direction"] })}
                />
              </div>
              <TextField
                label={t("version.itemAnchors")}
                description={t("version.itemAnchorsDescription")}
                name={name("scale.anchors")}
                value={row.anchors}
                onChange={(anchors) => edit(row.key, { anchors })}
                isRequired
              />
              <div className="progression-actions">
                {i > 0 ? (
                  <RowButton
                    label="↑"
                    aria-label={t("version.moveUp", { number })}
                    onPress={() =>
                      setRows((current) => {
                        const next = [...current];
                        [next[i - 1], next[i]] = [next[i] as Row, next[i - 1] as Row];
                        return next;
                      })
                    }
                  />
                ) : null}
                {rows.length > 1 ? (
                  <RowButton
                    label={t("version.removeItemShort")}
                    aria-label={t("version.removeItem", { number })}
                    variant="danger"
                    onPress={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  />
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <p>
          <Button variant="secondary" onPress={() => setRows((current) => [...current, emptyRow()])}>
            {t("version.addItem")}
          </Button>
        </p>
        <TextField
          label={t("version.changeNote")}
          name="changeNote"
          value={changeNote}
          onChange={setChangeNote}
        />
        <FormError error={save.error} />
        <p>
          <Button type="submit" isPending={save.isPending}>
            {t("version.saveDraft")}
          </Button>
        </p>
      </ServerForm>
    </section>
  );
}
