import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Badge, Button, PageHeader, RowButton, TextField } from "../../components/ui";
import { problemText } from "../../lib/api";
import {
  allVocabulariesQuery,
  useAddTerm,
  useChangeTerm,
  type Vocabularies,
  type VocabularyKind,
  type VocabularyTerm,
} from "./api";
import "./i18n";

const LISTS: { kind: VocabularyKind; key: keyof Vocabularies }[] = [
  { kind: "focus-areas", key: "focusAreas" },
  { kind: "target-groups", key: "targetGroups" },
  { kind: "methods", key: "methods" },
  { kind: "outcome-categories", key: "outcomeCategories" },
];

type Orientation = "individual" | "structural";
type OutcomeClass = "positive" | "negative" | "neutral";

/** NNS keeps the catalogue's vocabularies: add, rename, retire, reinstate and order their terms. */
export function VocabulariesPage() {
  const { t } = useTranslation("vocabularies");
  const vocabularies = useQuery(allVocabulariesQuery);
  const { feedback, show } = useFeedback();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FeedbackRegion feedback={feedback} />
      <QueryView query={vocabularies}>
        {(data) =>
          LISTS.map(({ kind, key }) => (
            <VocabularySection key={kind} kind={kind} terms={data[key]} onFeedback={show} />
          ))
        }
      </QueryView>
    </>
  );
}

const moveButtonId = (kind: VocabularyKind, code: string, direction: "up" | "down") =>
  `move-${kind}-${code}-${direction}`;

function VocabularySection({
  kind,
  terms,
  onFeedback,
}: {
  kind: VocabularyKind;
  terms: VocabularyTerm[];
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("vocabularies");
  const change = useChangeTerm(kind);
  const headingId = `vocabulary-${kind}`;
  const total = terms.length;

  const move = (term: VocabularyTerm, index: number, direction: "up" | "down") => {
    const position = direction === "up" ? index : index + 2;
    change.mutate(
      { code: term.code, position },
      {
        onSuccess: () => {
          // The pressed button follows its term; at either end of the list its twin takes the focus.
          const atEnd = position === 1 || position === total;
          const other = direction === "up" ? "down" : "up";
          document.getElementById(moveButtonId(kind, term.code, atEnd ? other : direction))?.focus();
          onFeedback({
            kind: "success",
            text: t("moved", { label: term.labelSv, position, total }),
            keepFocus: true,
          });
        },
        onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
      },
    );
  };

  const setRetired = (term: VocabularyTerm, retired: boolean) =>
    change.mutate(
      { code: term.code, retired },
      {
        onSuccess: () => {
          document.getElementById(`retire-${kind}-${term.code}`)?.focus();
          onFeedback({
            kind: "success",
            text: t(retired ? "retiredDone" : "reinstated", { label: term.labelSv }),
            keepFocus: true,
          });
        },
        onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
      },
    );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`kinds.${kind}.heading`)}</h2>
      <p>{t(`kinds.${kind}.intro`)}</p>
      {total === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <DataTable
          labelledBy={headingId}
          rows={terms}
          rowKey={(term) => term.code}
          columns={[
            { id: "label", header: t("columns.label"), rowHeader: true, cell: (term) => term.labelSv },
            ...(kind === "focus-areas"
              ? [
                  {
                    id: "orientation",
                    header: t("columns.orientation"),
                    cell: (term: VocabularyTerm) =>
                      term.orientation ? t(`orientations.${term.orientation}`) : "",
                  },
                ]
              : []),
            ...(kind === "outcome-categories"
              ? [
                  {
                    id: "class",
                    header: t("columns.outcomeClass"),
                    cell: (term: VocabularyTerm) =>
                      term.outcomeClass ? t(`classes.${term.outcomeClass}`) : "",
                  },
                ]
              : []),
            {
              id: "status",
              header: t("columns.status"),
              cell: (term) =>
                term.retired ? <Badge>{t("retired")}</Badge> : <Badge tone="success">{t("inUse")}</Badge>,
            },
            {
              id: "actions",
              header: t("columns.actions"),
              cell: (term) => {
                const index = terms.indexOf(term);
                return (
                  <div className="cell-actions">
                    <EditTermDialog kind={kind} term={term} onFeedback={onFeedback} />
                    <RowButton
                      id={`retire-${kind}-${term.code}`}
                      label={t(term.retired ? "reinstate" : "retire")}
                      aria-label={t(term.retired ? "reinstateLabel" : "retireLabel", { label: term.labelSv })}
                      isPending={
                        change.isPending &&
                        change.variables?.code === term.code &&
                        "retired" in change.variables
                      }
                      onPress={() => setRetired(term, !term.retired)}
                    />
                    <RowButton
                      id={moveButtonId(kind, term.code, "up")}
                      label={t("moveUp")}
                      aria-label={t("moveUpLabel", { label: term.labelSv })}
                      isDisabled={index === 0 || change.isPending}
                      onPress={() => move(term, index, "up")}
                    />
                    <RowButton
                      id={moveButtonId(kind, term.code, "down")}
                      label={t("moveDown")}
                      aria-label={t("moveDownLabel", { label: term.labelSv })}
                      isDisabled={index === total - 1 || change.isPending}
                      onPress={() => move(term, index, "down")}
                    />
                  </div>
                );
              },
            },
          ]}
        />
      )}
      <p>
        <AddTermDialog kind={kind} onFeedback={onFeedback} />
      </p>
    </section>
  );
}

function AddTermDialog({
  kind,
  onFeedback,
}: {
  kind: VocabularyKind;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("vocabularies");
  const add = useAddTerm(kind);
  const [orientation, setOrientation] = useState<Orientation>("individual");
  const [outcomeClass, setOutcomeClass] = useState<OutcomeClass>("positive");
  const term = t(`kinds.${kind}.term`);
  return (
    <FormDialog
      title={t("addTitle", { term })}
      trigger={<Button aria-label={t("addLabel", { term })}>{t("add")}</Button>}
      onOpenChange={(open) => {
        if (open) add.reset();
      }}
    >
      {(close) => (
        <ServerForm
          error={add.error}
          onEdit={() => add.reset()}
          onSubmit={(event) => {
            event.preventDefault();
            const labelSv = String(new FormData(event.currentTarget).get("labelSv") ?? "").trim();
            add.mutate(
              {
                labelSv,
                ...(kind === "focus-areas" ? { orientation } : {}),
                ...(kind === "outcome-categories" ? { outcomeClass } : {}),
              },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({ kind: "success", text: t("added", { label: saved.labelSv }) });
                },
              },
            );
          }}
        >
          <FormError error={add.error} />
          <TextField name="labelSv" label={t("labelField")} isRequired minLength={2} maxLength={200} />
          {kind === "focus-areas" ? (
            <SelectField
              label={t("orientationField")}
              options={(["individual", "structural"] as const).map((id) => ({
                id,
                label: t(`orientations.${id}`),
              }))}
              value={orientation}
              onChange={(value) => setOrientation(value as Orientation)}
            />
          ) : null}
          {kind === "outcome-categories" ? (
            <SelectField
              label={t("classField")}
              options={(["positive", "negative", "neutral"] as const).map((id) => ({
                id,
                label: t(`classes.${id}`),
              }))}
              value={outcomeClass}
              onChange={(value) => setOutcomeClass(value as OutcomeClass)}
            />
          ) : null}
          <DialogActions onCancel={close} isPending={add.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}

function EditTermDialog({
  kind,
  term,
  onFeedback,
}: {
  kind: VocabularyKind;
  term: VocabularyTerm;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("vocabularies");
  const change = useChangeTerm(kind);
  const [outcomeClass, setOutcomeClass] = useState<OutcomeClass>(term.outcomeClass ?? "negative");
  // Only negative and neutral may swap; a positive category stays positive.
  const classes: OutcomeClass[] = term.outcomeClass === "positive" ? ["positive"] : ["negative", "neutral"];
  return (
    <FormDialog
      title={t("renameTitle", { label: term.labelSv })}
      trigger={<RowButton label={t("rename")} aria-label={t("renameLabel", { label: term.labelSv })} />}
      onOpenChange={(open) => {
        if (open) {
          change.reset();
          setOutcomeClass(term.outcomeClass ?? "negative");
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={change.error}
          onEdit={() => change.reset()}
          onSubmit={(event) => {
            event.preventDefault();
            const labelSv = String(new FormData(event.currentTarget).get("labelSv") ?? "").trim();
            change.mutate(
              { code: term.code, labelSv, ...(kind === "outcome-categories" ? { outcomeClass } : {}) },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({ kind: "success", text: t("saved", { label: saved.labelSv }) });
                },
              },
            );
          }}
        >
          <FormError error={change.error} />
          <TextField
            name="labelSv"
            label={t("labelField")}
            defaultValue={term.labelSv}
            isRequired
            minLength={2}
            maxLength={200}
          />
          {kind === "outcome-categories" ? (
            <SelectField
              label={t("classField")}
              description={t("classFixed")}
              options={classes.map((id) => ({ id, label: t(`classes.${id}`) }))}
              value={outcomeClass}
              onChange={(value) => setOutcomeClass(value as OutcomeClass)}
            />
          ) : null}
          <DialogActions onCancel={close} isPending={change.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
