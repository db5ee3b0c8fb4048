import type { OutgoingEmail } from "./mailer.js";
import { composeEmail } from "./templates.js";

/** What the coach has to do today, counted: which participants is for the admin app to say. */
export interface ReminderCounts {
  participants: number;
  occasions: number;
  overdue: number;
}

/**
 * The coach's daily reminder of measurements to take. It names no participant, not even by code: an email
 * leaves the platform and is kept in the förbund's outbox, which NNS coordinators may read, and NNS sees no
 * individual-level data at all. The list itself is behind the link, after signing in.
 */
export function progressionReminderEmail(input: {
  to: string;
  coachName: string;
  organizationName: string;
  organizationId: string;
  counts: ReminderCounts;
  url: string;
}): Promise<OutgoingEmail> {
  const { participants, occasions, overdue } = input.counts;
  return composeEmail({
    to: input.to,
    subject: `Progressionsmätningar att göra: ${participants} deltagare`,
    paragraphs: [
      `Hej ${input.coachName}!`,
      `Det är dags att mäta progression för ${participants === 1 ? "en av dina deltagare" : `${participants} av dina deltagare`} i ${input.organizationName}: ${occasions === 1 ? "en mätning" : `${occasions} mätningar`}${overdue > 0 ? `, varav ${overdue} försenade` : ""}.`,
      "Deltagarlistan visar vilka. Registrera mätningarna på deltagarens sida, eller skicka deltagaren en länk för självskattning.",
    ],
    action: { label: "Öppna deltagarlistan", url: input.url },
    footer:
      "Du får påminnelsen för att du är handledare för deltagarna. Den skickas högst en gång om dagen, bara när något är att göra.",
    template: "progression_reminder",
    organizationId: input.organizationId,
  });
}
