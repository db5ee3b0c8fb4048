import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmDialog, FormDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, RowButton, TextField } from "../../components/ui";
import { type SearchSynonym, searchSynonymsQuery, useDeleteSearchSynonym, useSaveSearchSynonym } from "./api";
import "./i18n";

/** The synonyms NNS keeps for the public catalogue search: a term, and what a search for it also finds. */
export function SearchSynonymsPage() {
  const { t } = useTranslation("searchSynonyms");
  const synonyms = useQuery(searchSynonymsQuery);
  const { feedback, show } = useFeedback();
  const remove = useDeleteSearchSynonym();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<SynonymDialog onFeedback={show} />}
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card" aria-labelledby="synonyms-heading">
        <h2 id="synonyms-heading">{t("heading")}</h2>
        <QueryView query={synonyms} isEmpty={(data) => data.length === 0} empty={t("empty")}>
          {(data) => (
            <DataTable
              labelledBy="synonyms-heading"
              rows={data}
              rowKey={(synonym) => synonym.id}
              columns={[
                {
                  id: "term",
                  header: t("columns.term"),
                  rowHeader: true,
                  cell: (synonym) => synonym.term,
                },
                {
                  id: "alternatives",
                  header: t("columns.alternatives"),
                  cell: (synonym) => synonym.alternatives.join(", "),
                },
                {
                  id: "actions",
                  header: t("columns.actions"),
                  cell: (synonym) => (
                    <div className="cell-actions">
                      <SynonymDialog synonym={synonym} onFeedback={show} />
                      <ConfirmDialog
                        trigger={
                          <RowButton
                            label={t("remove")}
                            aria-label={t("removeLabel", { term: synonym.term })}
                          />
                        }
                        title={t("removeTitle", { term: synonym.term })}
                        confirmLabel={t("removeConfirm")}
                        isPending={remove.isPending}
                        onConfirm={() =>
                          remove
                            .mutateAsync(synonym)
                            .then(() => show({ kind: "success", text: t("removed", { term: synonym.term }) }))
                        }
                      >
                        <p>{t("removeBody", { term: synonym.term })}</p>
                      </ConfirmDialog>
                    </div>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

/** Comma-separated synonyms as the list the API takes; empty parts are dropped. */
const splitAlternatives = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Adds a synonym, or with `synonym` changes that one. */
function SynonymDialog({
  synonym,
  onFeedback,
}: {
  synonym?: SearchSynonym;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("searchSynonyms");
  const save = useSaveSearchSynonym(synonym);
  return (
    <FormDialog
      title={synonym ? t("editTitle", { term: synonym.term }) : t("addTitle")}
      trigger={
        synonym ? (
          <RowButton label={t("edit")} aria-label={t("editLabel", { term: synonym.term })} />
        ) : (
          <Button>{t("add")}</Button>
        )
      }
      onOpenChange={(open) => {
        if (open) save.reset();
      }}
    >
      {(close) => (
        <ServerForm
          error={save.error}
          onEdit={() => save.reset()}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            save.mutate(
              {
                term: String(data.get("term") ?? "").trim(),
                alternatives: splitAlternatives(String(data.get("alternatives") ?? "")),
              },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({ kind: "success", text: t("saved", { term: saved.term }) });
                },
              },
            );
          }}
        >
          <FormError error={save.error} />
          <TextField
            name="term"
            label={t("termField")}
            description={t("termHint")}
            defaultValue={synonym?.term ?? ""}
            isRequired
          />
          <TextField
            name="alternatives"
            label={t("alternativesField")}
            description={t("alternativesHint")}
            defaultValue={synonym?.alternatives.join(", ") ?? ""}
            isRequired
          />
          <DialogActions onCancel={close} isPending={save.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
