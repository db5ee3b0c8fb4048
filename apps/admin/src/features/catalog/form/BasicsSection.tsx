import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/choice";
import { TextAreaField } from "../../../components/fields";
import { TextField } from "../../../components/ui";
import { type Intervention, useInterventionsPage } from "../api";
import type { SectionProps } from "./content";
import { RunningBodyFields } from "./RunningBodyFields";
import { Section } from "./Section";

/**
 * Name, texts and, when the organization has other top-level entries, the entry this one belongs under;
 * a delprojekt also says who runs it.
 */
export function BasicsSection({
  orgId,
  initial,
  content,
  choices,
  choose,
}: SectionProps & {
  orgId: string;
  initial?: Intervention;
}) {
  const { t } = useTranslation("catalog");
  const siblings = useInterventionsPage(orgId, "all");
  const parents = (siblings.data?.data ?? []).filter(
    (i) => i.organizationId === orgId && i.id !== initial?.id && i.parentId === null,
  );
  return (
    <Section id="basics">
      <TextField name="title" label={t("form.title")} defaultValue={content.title} isRequired />
      <TextAreaField
        name="summary"
        label={t("form.summary")}
        description={t("form.summaryHint")}
        defaultValue={content.summary}
        isRequired
      />
      <TextAreaField
        name="description"
        label={t("form.description")}
        description={t("form.descriptionHint")}
        defaultValue={content.description}
      />
      {parents.length > 0 ? (
        <SelectField
          name="parentId"
          label={t("form.parent")}
          description={t("form.parentHint")}
          options={[
            { id: "none", label: t("form.noParent") },
            ...parents.map((p) => ({ id: p.id, label: p.content.title })),
          ]}
          value={choices.parentId}
          onChange={(value) => choose("parentId", value)}
        />
      ) : null}
      {choices.parentId !== "none" || choices.runningBody.kind !== "none" ? (
        <RunningBodyFields choices={choices} choose={choose} />
      ) : null}
    </Section>
  );
}
