import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { forbundQuery } from "../../lib/reference";
import {
  type Publication,
  type Publisher,
  useInvitePublisher,
  useRemovePublisher,
  useSetContact,
} from "./api";
import "./i18n";

/**
 * Who publishes the newsletter: the owner invites other förbund and removes them, a co-publisher may
 * leave, and each publisher writes its own line of the footer.
 */
export function PublishersSection({
  orgId,
  publication,
  write,
  onFeedback,
}: {
  orgId: string;
  publication: Publication;
  write: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const own = publication.publishers.find((publisher) => publisher.organizationId === orgId);
  return (
    <section className="card" aria-labelledby="publishers-heading">
      <h2 id="publishers-heading">{t("publishers.heading")}</h2>
      <p>{t("publishers.intro")}</p>
      <ScrollableTable label={t("publishers.caption")}>
        <table>
          <caption className="visually-hidden">{t("publishers.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("publishers.columns.name")}</th>
              <th scope="col">{t("publishers.columns.contact")}</th>
              <th scope="col">{t("publishers.columns.status")}</th>
              {write ? <th scope="col">{t("publishers.columns.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {publication.publishers.map((publisher) => (
              <tr key={publisher.organizationId}>
                <th scope="row">{publisher.organizationName}</th>
                <td>{publisher.contact || <span className="muted">{t("publishers.noContact")}</span>}</td>
                <td>
                  <PublisherStatus publisher={publisher} />
                </td>
                {write ? (
                  <td className="newsletter-nowrap">
                    <RemovePublisher
                      orgId={orgId}
                      publication={publication}
                      publisher={publisher}
                      onFeedback={onFeedback}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {write && publication.isOwner ? (
        <InviteForm orgId={orgId} publication={publication} onFeedback={onFeedback} />
      ) : null}
      {write && own?.acceptedAt ? (
        <ContactForm orgId={orgId} publication={publication} publisher={own} onFeedback={onFeedback} />
      ) : null}
    </section>
  );
}

function PublisherStatus({ publisher }: { publisher: Publisher }) {
  const { t } = useTranslation("newsletters");
  if (publisher.role === "owner") return <>{t("publishers.ownerStatus")}</>;
  if (publisher.acceptedAt) return <>{t("publishers.since", { date: formatDate(publisher.acceptedAt) })}</>;
  return <>{t("publishers.invited", { date: formatDate(publisher.invitedAt) })}</>;
}

/** The owner removes a co-publisher or withdraws an invitation; a co-publisher leaves (its own row). */
function RemovePublisher({
  orgId,
  publication,
  publisher,
  onFeedback,
}: {
  orgId: string;
  publication: Publication;
  publisher: Publisher;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const navigate = useNavigate();
  const remove = useRemovePublisher(orgId, publication.id);
  if (publisher.role === "owner") return null;
  const leaving = publisher.organizationId === orgId;
  if (!leaving && !publication.isOwner) return null;
  const name = publisher.organizationName;
  // Three different acts on one button: leaving, removing a publisher, withdrawing an open invitation.
  const act = leaving ? "leave" : publisher.acceptedAt ? "remove" : "withdraw";
  return (
    <ConfirmDialog
      trigger={
        <RowButton
          label={t(`publishers.${act}`)}
          aria-label={leaving ? t("publishers.leave") : t(`publishers.${act}Label`, { name })}
        />
      }
      title={leaving ? t("publishers.leaveTitle") : t(`publishers.${act}Title`, { name })}
      confirmLabel={t(`publishers.${act}`)}
      isPending={remove.isPending}
      onConfirm={async () => {
        await remove.mutateAsync(publisher.organizationId);
        if (leaving) {
          await navigate({
            to: "/o/$orgId/nyhetsbrev",
            params: { orgId },
            state: { newsletterLeft: publication.name },
          });
          return;
        }
        onFeedback({
          kind: "success",
          text: t(`publishers.${act === "remove" ? "removed" : "withdrawn"}`, { name }),
        });
      }}
    >
      <p>
        {leaving ? t("publishers.leaveBody", { publication: publication.name }) : t(`publishers.${act}Body`)}
      </p>
    </ConfirmDialog>
  );
}

function InviteForm({
  orgId,
  publication,
  onFeedback,
}: {
  orgId: string;
  publication: Publication;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const forbund = useQuery(forbundQuery);
  const invite = useInvitePublisher(orgId, publication.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const listed = new Set(publication.publishers.map((publisher) => publisher.organizationId));
  const options = (forbund.data ?? [])
    .filter((organization) => !listed.has(organization.id))
    .map((organization) => ({ id: organization.id, label: organization.name }));
  return (
    <ServerForm
      error={invite.error}
      onEdit={invite.reset}
      aria-label={t("publishers.inviteField")}
      className="newsletter-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        invite.mutate(chosen, {
          onSuccess: (publisher) => {
            setChosen(null);
            onFeedback({
              kind: "success",
              text: t("publishers.invitedDone", { name: publisher.organizationName }),
            });
          },
        });
      }}
    >
      <FormError error={invite.error} />
      <div className="form-row newsletter-form-row">
        <SelectField
          name="organizationId"
          label={t("publishers.inviteField")}
          description={t("publishers.inviteDescription")}
          placeholder={t("publishers.choose")}
          options={options}
          value={chosen}
          onChange={setChosen}
        />
        <div>
          <Button type="submit" variant="secondary" isDisabled={!chosen} isPending={invite.isPending}>
            {t("publishers.invite")}
          </Button>
        </div>
      </div>
    </ServerForm>
  );
}

function ContactForm({
  orgId,
  publication,
  publisher,
  onFeedback,
}: {
  orgId: string;
  publication: Publication;
  publisher: Publisher;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const save = useSetContact(orgId, publication.id);
  return (
    <ServerForm
      error={save.error}
      onEdit={save.reset}
      aria-labelledby="publisher-contact-heading"
      className="newsletter-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const contact = String(new FormData(event.currentTarget).get("contact") ?? "").trim();
        save.mutate(contact, {
          onSuccess: () => onFeedback({ kind: "success", text: t("publishers.contactSaved") }),
        });
      }}
    >
      <h3 id="publisher-contact-heading">{t("publishers.contactHeading")}</h3>
      <FormError error={save.error} />
      <div className="form-row newsletter-form-row">
        <TextField
          name="contact"
          label={t("publishers.contactField")}
          description={t("publishers.contactDescription")}
          defaultValue={publisher.contact}
          maxLength={500}
        />
        <div>
          <Button type="submit" variant="secondary" isPending={save.isPending}>
            {t("publishers.contactSave")}
          </Button>
        </div>
      </div>
    </ServerForm>
  );
}
