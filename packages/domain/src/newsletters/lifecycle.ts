import { AppError } from "../errors.js";

/**
 * An issue (utskick) moves draft → ready (every publisher has approved its sections) → scheduled (a time
 * in Europe/Stockholm) → sending → sent. Sending may be paused and resumed; anything not yet sent may be
 * cancelled. Ready and scheduled issues go back to draft when someone edits them again.
 */
export const ISSUE_STATUSES = [
  "draft",
  "ready",
  "scheduled",
  "sending",
  "paused",
  "sent",
  "cancelled",
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

const NEXT: Record<IssueStatus, readonly IssueStatus[]> = {
  draft: ["ready", "cancelled"],
  ready: ["draft", "scheduled", "sending", "cancelled"],
  scheduled: ["draft", "sending", "cancelled"],
  sending: ["paused", "sent", "cancelled"],
  paused: ["sending", "cancelled"],
  sent: [],
  cancelled: [],
};

export const ISSUE_STATUS_LABELS_SV: Record<IssueStatus, string> = {
  draft: "Utkast",
  ready: "Klar att skicka",
  scheduled: "Schemalagd",
  sending: "Skickas",
  paused: "Pausad",
  sent: "Skickad",
  cancelled: "Avbruten",
};

export function canMoveIssue(from: IssueStatus, to: IssueStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertIssueTransition(from: IssueStatus, to: IssueStatus): void {
  if (!canMoveIssue(from, to)) {
    throw new AppError(
      "conflict",
      `Utskicket är ${ISSUE_STATUS_LABELS_SV[from].toLowerCase()} och kan inte bli ${ISSUE_STATUS_LABELS_SV[to].toLowerCase()}.`,
    );
  }
}

/** Sections, subject and preheader change only before sending starts. */
export function issueEditable(status: IssueStatus): boolean {
  return status === "draft" || status === "ready" || status === "scheduled";
}

export const SUBSCRIBER_STATUSES = ["unconfirmed", "confirmed", "unsubscribed", "blocklisted"] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const SUBSCRIBER_STATUS_LABELS_SV: Record<SubscriberStatus, string> = {
  unconfirmed: "Ej bekräftad",
  confirmed: "Bekräftad",
  unsubscribed: "Avregistrerad",
  blocklisted: "Spärrad",
};

export const CONSENT_SOURCES = ["signup_form", "embedded_form", "import", "api"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const CONSENT_SOURCE_LABELS_SV: Record<ConsentSource, string> = {
  signup_form: "Anmälningsformulär på nyhetsbrevets sida",
  embedded_form: "Inbäddat anmälningsformulär",
  import: "Import från fil",
  api: "Tillagd för hand eller via API",
};

/** The consent text a sign-up form shows and records, word for word, with the publication's name. */
export function signupConsentText(publicationName: string): string {
  return `Jag vill få nyhetsbrevet ${publicationName} via e-post. Jag kan när som helst avregistrera mig via länken i varje utskick.`;
}

/** Soft bounces within the window that blocklist an address (configurable per installation). */
export const SOFT_BOUNCE_POLICY = { count: 3, windowDays: 30 } as const;

/** A publication's public address: lower-case letters, digits and single hyphens, 3–60 characters. */
export const PUBLICATION_SLUG = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,59}$/;
