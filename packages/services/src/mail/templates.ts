import type { EmailAttachment } from "@nns/db";
import type { EmailTemplate } from "@nns/domain";
import { type EmailAction, renderNotice } from "./layout.js";
import type { OutgoingEmail } from "./mailer.js";

/** A plain notification in the shared layout (see `NoticeEmail`); the text part mirrors the HTML. */
export async function composeEmail(input: {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: EmailAction;
  footer: string;
  /** Listed in @nns/domain's EMAIL_TEMPLATES, which the admin's outbox labels in Swedish. */
  template: EmailTemplate;
  organizationId: string | null;
  attachments?: EmailAttachment[];
}): Promise<OutgoingEmail> {
  const { html, text } = await renderNotice({
    title: input.subject,
    paragraphs: input.paragraphs,
    action: input.action ?? null,
    footer: input.footer,
  });
  return {
    to: input.to,
    subject: input.subject,
    text,
    html,
    template: input.template,
    organizationId: input.organizationId,
    attachments: input.attachments,
  };
}

export function invitationEmail(input: {
  to: string;
  organizationName: string;
  inviterName: string | null;
  roleLabel: string;
  url: string;
  expiresInDays: number;
  organizationId: string;
}): Promise<OutgoingEmail> {
  const who = input.inviterName ? `${input.inviterName} har bjudit in dig` : "Du har bjudits in";
  return composeEmail({
    to: input.to,
    subject: `Inbjudan till ${input.organizationName} på NNS-plattformen`,
    paragraphs: [
      "Hej!",
      `${who} till ${input.organizationName} på NNS-plattformen med rollen ${input.roleLabel}.`,
      `Välj ett lösenord via länken nedan för att gå med. Länken gäller i ${input.expiresInDays} dagar och kan bara användas en gång.`,
    ],
    action: { label: "Acceptera inbjudan", url: input.url },
    footer: "Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.",
    template: "invitation",
    organizationId: input.organizationId,
  });
}

export function passwordResetEmail(input: {
  to: string;
  url: string;
  expiresInMinutes: number;
}): Promise<OutgoingEmail> {
  return composeEmail({
    to: input.to,
    subject: "Återställ ditt lösenord på NNS-plattformen",
    paragraphs: [
      "Hej!",
      "Någon (förhoppningsvis du) har bett om att få återställa lösenordet till ditt konto på NNS-plattformen.",
      `Välj ett nytt lösenord via länken nedan. Länken gäller i ${input.expiresInMinutes} minuter och kan bara användas en gång.`,
    ],
    action: { label: "Välj nytt lösenord", url: input.url },
    footer: "Om du inte har bett om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.",
    template: "password_reset",
    organizationId: null,
  });
}

export const ROLE_LABELS_SV = {
  nns_admin: "NNS-administratör",
  org_admin: "administratör",
  editor: "redaktör",
  viewer: "läsare",
  trainer: "utbildare",
  coach: "handledare",
} as const;
