import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/choice";
import { TextField } from "../../../components/ui";
import type { InterventionContent } from "../api";
import type { LinkRow } from "./content";
import type { Rows } from "./rows";
import { AddRowButton, RepeatRow, Section } from "./Section";

const LINK_KINDS = ["evaluation", "study_visit", "other"] as const;

/** Evaluations, digital study visits and other reading about the intervention. */
export function LinksSection({ content, rows }: { content: InterventionContent; rows: Rows<LinkRow> }) {
  const { t } = useTranslation("catalog");
  return (
    <Section id="links">
      <p className="muted" style={{ margin: 0 }}>
        {t("form.linksIntro")}
      </p>
      {rows.rows.map((row, i) => {
        const link = content.links[row.key];
        return (
          <RepeatRow
            key={row.key}
            legend={t("form.linkRow", { n: i + 1 })}
            removeLabel={t("form.removeLink", { n: i + 1 })}
            onRemove={() => rows.remove(row.key)}
          >
            <SelectField
              label={t("form.linkKind")}
              options={LINK_KINDS.map((k) => ({ id: k, label: t(`linkKind.${k}`) }))}
              value={row.kind}
              onChange={(kind) => rows.update(row.key, { kind: kind as LinkRow["kind"] })}
              isRequired
            />
            <div className="form-row">
              <TextField
                name={`links.${i}.title`}
                label={t("form.linkTitle")}
                defaultValue={link?.title ?? ""}
                isRequired
              />
              <TextField
                name={`links.${i}.url`}
                type="url"
                label={t("form.linkUrl")}
                defaultValue={link?.url ?? ""}
                isRequired
              />
            </div>
          </RepeatRow>
        );
      })}
      <AddRowButton label={t("form.addLink")} onAdd={() => rows.add({ kind: "evaluation" })} />
    </Section>
  );
}
