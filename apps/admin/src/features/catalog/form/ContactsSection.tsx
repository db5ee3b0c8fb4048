import { useTranslation } from "react-i18next";
import { TextField } from "../../../components/ui";
import type { InterventionContent } from "../api";
import type { Row, Rows } from "./rows";
import { AddRowButton, RepeatRow, Section } from "./Section";

/** The people to ask about the intervention. */
export function ContactsSection({ content, rows }: { content: InterventionContent; rows: Rows<Row> }) {
  const { t } = useTranslation("catalog");
  return (
    <Section id="contacts">
      {rows.rows.map((row, i) => {
        const contact = content.contacts[row.key];
        return (
          <RepeatRow
            key={row.key}
            legend={t("form.contactRow", { n: i + 1 })}
            removeLabel={t("form.removeContact", { n: i + 1 })}
            onRemove={() => rows.remove(row.key)}
          >
            <div className="form-row">
              <TextField
                name={`contacts.${i}.name`}
                label={t("form.contactName")}
                defaultValue={contact?.name ?? ""}
                isRequired
              />
              <TextField
                name={`contacts.${i}.role`}
                label={t("form.contactRole")}
                defaultValue={contact?.role ?? ""}
              />
              <TextField
                name={`contacts.${i}.email`}
                type="email"
                label={t("form.contactEmail")}
                defaultValue={contact?.email ?? ""}
              />
              <TextField
                name={`contacts.${i}.phone`}
                type="tel"
                label={t("form.contactPhone")}
                defaultValue={contact?.phone ?? ""}
              />
            </div>
          </RepeatRow>
        );
      })}
      <AddRowButton label={t("form.addContact")} onAdd={() => rows.add({})} />
    </Section>
  );
}
