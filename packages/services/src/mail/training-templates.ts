import type { EmailAttachment } from "@nns/db";
import type { OutgoingEmail } from "./mailer.js";
import { composeEmail as email } from "./templates.js";

const DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "long",
  timeStyle: "short",
});
const TIME = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", timeStyle: "short" });

export interface SessionLine {
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  videoLink: string | null;
}

function describe(session: SessionLine): string {
  const where =
    session.mode === "digital"
      ? `digitalt${session.videoLink ? ` (${session.videoLink})` : ""}`
      : (session.location ?? "på plats");
  return `${session.title}: ${DATE_TIME.format(session.startsAt)}–${TIME.format(session.endsAt)}, ${where}`;
}

function calendarAttachment(ics: string): EmailAttachment[] {
  return [
    { filename: "inbjudan.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics },
  ];
}

export function requestScheduledEmail(input: {
  to: string;
  trainingTitle: string;
  organizationName: string;
  sharedWith: string[];
  organizationId: string;
}): Promise<OutgoingEmail> {
  return email({
    to: input.to,
    subject: `Er intresseanmälan har blivit en utbildning: ${input.trainingTitle}`,
    paragraphs: [
      "Hej!",
      `NNS har planerat utbildningen "${input.trainingTitle}" utifrån intresseanmälan från ${input.organizationName}.`,
      input.sharedWith.length > 0
        ? `Utbildningen genomförs tillsammans med ${input.sharedWith.join(" och ")}, och kostnaden delas mellan förbunden.`
        : "Förbundet genomför utbildningen på egen hand.",
      "Datum, utbildare och antal platser finns under Utbildningar på NNS-plattformen.",
    ],
    footer: "Meddelandet skickades av NNS-plattformen.",
    template: "training_request_scheduled",
    organizationId: input.organizationId,
  });
}

export function requestReopenedEmail(input: {
  to: string;
  trainingTitle: string;
  reason: string;
  periodStart: string;
  periodEnd: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return email({
    to: input.to,
    subject: `Er intresseanmälan är öppen igen: ${input.trainingTitle} ställdes in`,
    paragraphs: [
      "Hej!",
      `NNS har ställt in utbildningen "${input.trainingTitle}", som planerades utifrån er intresseanmälan för perioden ${input.periodStart} – ${input.periodEnd}.`,
      `Orsak: ${input.reason}`,
      "Intresseanmälan är öppen igen: NNS kan planera en ny utbildning utifrån den, ensam eller tillsammans med ett annat förbund. Ni behöver inte skicka en ny. Vill ni inte längre ha en utbildning kan ni återta anmälan under Intresseanmälningar på NNS-plattformen.",
    ],
    footer: "Meddelandet skickades av NNS-plattformen.",
    template: "training_request_reopened",
    organizationId: input.organizationId,
  });
}

export function registrationEmail(input: {
  to: string;
  participantName: string;
  trainingTitle: string;
  organizerName: string;
  confirmed: SessionLine[];
  waitlisted: SessionLine[];
  ics: string | null;
  /** Set when the person signed up themselves and may cancel by following it. */
  cancelUrl?: string | null;
  organizationId: string;
}): Promise<OutgoingEmail> {
  const paragraphs = [
    `Hej ${input.participantName}!`,
    `Du är anmäld till "${input.trainingTitle}" (${input.organizerName}).`,
  ];
  if (input.confirmed.length > 0) {
    paragraphs.push(`Du har plats på: ${input.confirmed.map(describe).join("; ")}.`);
  }
  if (input.waitlisted.length > 0) {
    paragraphs.push(
      `Du står på väntelistan till: ${input.waitlisted.map(describe).join("; ")}. Får du en plats skickar vi ett nytt meddelande.`,
    );
  }
  if (input.ics) paragraphs.push("En kalenderinbjudan för dina platser finns bifogad.");
  return email({
    to: input.to,
    subject: `Anmälan: ${input.trainingTitle}`,
    paragraphs,
    footer: input.cancelUrl
      ? `Kan du inte delta? Avboka här, så går platsen till nästa person på väntelistan: ${input.cancelUrl}`
      : "Kan du inte delta? Kontakta den som anmälde dig, så går platsen till nästa person på väntelistan.",
    template: "training_registration",
    organizationId: input.organizationId,
    attachments: input.ics ? calendarAttachment(input.ics) : undefined,
  });
}

export function promotedEmail(input: {
  to: string;
  participantName: string;
  trainingTitle: string;
  session: SessionLine;
  ics: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return email({
    to: input.to,
    subject: `Du har fått en plats: ${input.trainingTitle}`,
    paragraphs: [
      `Hej ${input.participantName}!`,
      `En plats har blivit ledig och du har flyttats från väntelistan: ${describe(input.session)}.`,
      "En kalenderinbjudan finns bifogad.",
    ],
    footer: "Kan du inte delta? Kontakta den som anmälde dig, så går platsen vidare.",
    template: "training_waitlist_promoted",
    organizationId: input.organizationId,
    attachments: calendarAttachment(input.ics),
  });
}

export function trainingCancelledEmail(input: {
  to: string;
  trainingTitle: string;
  reason: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return email({
    to: input.to,
    subject: `Inställd: ${input.trainingTitle}`,
    paragraphs: ["Hej!", `Utbildningen "${input.trainingTitle}" är inställd.`, `Orsak: ${input.reason}`],
    footer: "Meddelandet skickades av NNS-plattformen.",
    template: "training_cancelled",
    organizationId: input.organizationId,
  });
}

export function surveyEmail(input: {
  to: string;
  participantName: string;
  trainingTitle: string;
  url: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return email({
    to: input.to,
    subject: `Hur var det? Kort enkät om ${input.trainingTitle}`,
    paragraphs: [
      `Hej ${input.participantName}!`,
      `Tack för att du deltog i "${input.trainingTitle}". Vi vill gärna veta vad du tyckte: enkäten har fyra frågor och tar en minut.`,
      "Svaren sammanställs utan namn och visas bara när minst fem personer har svarat.",
    ],
    action: { label: "Svara på enkäten", url: input.url },
    footer: "Länken är personlig och kan användas en gång.",
    template: "training_survey",
    organizationId: input.organizationId,
  });
}
