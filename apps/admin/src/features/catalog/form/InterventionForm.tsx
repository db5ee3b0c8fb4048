import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { SectionNav } from "../../../components/SectionNav";
import { ServerForm } from "../../../components/ServerForm";
import { FormError } from "../../../components/states";
import { Button } from "../../../components/ui";
import { ApiError } from "../../../lib/api";
import { type Intervention, useSaveIntervention } from "../api";
import { AreaSection } from "./AreaSection";
import { BasicsSection } from "./BasicsSection";
import { BudgetSection } from "./BudgetSection";
import { ContactsSection } from "./ContactsSection";
import { contentFieldErrors, EMPTY, type LinkRow, readContent, useChoices } from "./content";
import { GoalsSection } from "./GoalsSection";
import { LinksSection } from "./LinksSection";
import { PeriodSection } from "./PeriodSection";
import { type Row, useRows } from "./rows";
import { FORM_SECTIONS, type FormSectionId, sectionHeadingId } from "./sections";
import { TargetSection } from "./TargetSection";

/**
 * A new draft, or the working copy of an existing entry. Typed fields are uncontrolled and read by name
 * on submit; what is picked (choices) and the repeatable rows are state, shared with the sections as props.
 */
export function InterventionForm({
  orgId,
  initial,
  etag,
  onReload,
}: {
  orgId: string;
  initial?: Intervention;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation("catalog");
  const navigate = useNavigate();
  const content = initial?.content ?? EMPTY;
  const [choices, choose] = useChoices(content, initial);
  const budget = useRows<Row>(() => content.budget.map((_, i) => ({ key: i })));
  const links = useRows<LinkRow>(() => content.links.map((l, i) => ({ key: i, kind: l.kind })));
  const contacts = useRows<Row>(() => content.contacts.map((_, i) => ({ key: i })));
  const save = useSaveIntervention(
    orgId,
    initial ? { id: initial.id, etag: etag ?? null } : undefined,
    (saved) =>
      navigate({
        to: "/o/$orgId/interventions/$interventionId",
        params: { orgId, interventionId: saved.id },
        state: { interventionSaved: true },
      }),
  );

  const validationErrors = contentFieldErrors(save.error);
  const stale = save.error instanceof ApiError && save.error.status === 412;

  return (
    <div className="with-section-nav">
      <SectionNav
        sections={(Object.keys(FORM_SECTIONS) as FormSectionId[]).map((id) => ({
          id: sectionHeadingId(id),
          title: t(FORM_SECTIONS[id]),
        }))}
      />
      <ServerForm
        error={save.error}
        onEdit={save.reset}
        validationErrors={validationErrors}
        aria-label={initial ? t("form.editTitle", { title: content.title }) : t("form.newTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            readContent(
              new FormData(event.currentTarget),
              choices,
              { budget: budget.rows, links: links.rows, contacts: contacts.rows },
              { badAmount: t("form.badAmount"), badNumber: t("form.badNumber") },
            ),
          );
        }}
      >
        <p className="muted">{t("form.requiredNote")}</p>
        <BasicsSection orgId={orgId} initial={initial} content={content} choices={choices} choose={choose} />
        <TargetSection content={content} choices={choices} choose={choose} />
        <AreaSection choices={choices} choose={choose} />
        <PeriodSection content={content} choices={choices} choose={choose} />
        <BudgetSection content={content} rows={budget} />
        <GoalsSection content={content} choices={choices} choose={choose} />
        <LinksSection content={content} rows={links} />
        <ContactsSection content={content} rows={contacts} />
        {stale ? (
          <div className="form-error" role="alert">
            <p>{t("form.stale")}</p>
            <Button
              variant="secondary"
              onPress={async () => {
                // The fresh copy has a new version, which mounts a fresh form with its values.
                await onReload?.();
                save.reset();
              }}
            >
              {t("form.reload")}
            </Button>
          </div>
        ) : (
          <FormError error={save.error} />
        )}
        <div>
          <Button type="submit" isDisabled={save.isPending}>
            {initial ? t("form.save") : t("form.create")}
          </Button>
        </div>
      </ServerForm>
    </div>
  );
}
