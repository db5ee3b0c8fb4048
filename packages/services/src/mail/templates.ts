import type { EmailAttachment } from "@nns/db";
import type { OutgoingEmail } from "./mailer.js";

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function layout(
  paragraphs: string[],
  action: { label: string; url: string } | null,
  footer: string,
): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4f91;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#555">Om knappen inte fungerar, klistra in den här adressen i webbläsaren:<br>${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html><html lang="sv"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">${body}${button}<p style="font-size:14px;color:#555">${escapeHtml(footer)}</p></body></html>`;
}

/** A plain notification: paragraphs, an optional button, a footer; the text part mirrors the HTML. */
export function composeEmail(input: {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
  template: string;
  organizationId: string;
  attachments?: EmailAttachment[];
}): OutgoingEmail {
  const link = input.action ? `\n\n${input.action.url}` : "";
  return {
    to: input.to,
    subject: input.subject,
    text: `${input.paragraphs.join("\n\n")}${link}\n\n${input.footer}\n`,
    html: layout(input.paragraphs, input.action ?? null, input.footer),
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
}): OutgoingEmail {
  const who = input.inviterName ? `${input.inviterName} har bjudit in dig` : "Du har bjudits in";
  const paragraphs = [
    "Hej!",
    `${who} till ${input.organizationName} på NNS-plattformen med rollen ${input.roleLabel}.`,
    `Välj ett lösenord via länken nedan för att gå med. Länken gäller i ${input.expiresInDays} dagar och kan bara användas en gång.`,
  ];
  const footer = "Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.";
  return {
    to: input.to,
    subject: `Inbjudan till ${input.organizationName} på NNS-plattformen`,
    text: `${paragraphs.join("\n\n")}\n\n${input.url}\n\n${footer}\n`,
    html: layout(paragraphs, { label: "Acceptera inbjudan", url: input.url }, footer),
    template: "invitation",
    organizationId: input.organizationId,
  };
}

export function passwordResetEmail(input: {
  to: string;
  url: string;
  expiresInMinutes: number;
}): OutgoingEmail {
  const paragraphs = [
    "Hej!",
    "Någon (förhoppningsvis du) har bett om att få återställa lösenordet till ditt konto på NNS-plattformen.",
    `Välj ett nytt lösenord via länken nedan. Länken gäller i ${input.expiresInMinutes} minuter och kan bara användas en gång.`,
  ];
  const footer = "Om du inte har bett om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.";
  return {
    to: input.to,
    subject: "Återställ ditt lösenord på NNS-plattformen",
    text: `${paragraphs.join("\n\n")}\n\n${input.url}\n\n${footer}\n`,
    html: layout(paragraphs, { label: "Välj nytt lösenord", url: input.url }, footer),
    template: "password_reset",
    organizationId: null,
  };
}

export const ROLE_LABELS_SV = {
  nns_admin: "NNS-administratör",
  org_admin: "administratör",
  editor: "redaktör",
  viewer: "läsare",
  trainer: "utbildare",
} as const;
