import type { OccasionKind, Respondent } from "@nns/domain";
import type { OutgoingEmail } from "./mailer.js";
import { composeEmail } from "./templates.js";

export interface ReminderLine {
  code: string;
  kind: OccasionKind;
  respondent: Respondent;
  instrumentName: string;
  dueOn: string;
  overdue: boolean;
}

const KIND_SV: Record<OccasionKind, string> = {
  start: "startmätning",
  follow_up: "uppföljning",
  end: "slutmätning",
};
const RESPONDENT_SV: Record<Respondent, string> = { participant: "deltagarens", coach: "handledarens" };
const DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "UTC", dateStyle: "long" });

function describe(line: ReminderLine): string {
  const when = DAY.format(new Date(`${line.dueOn}T00:00:00Z`));
  return `${KIND_SV[line.kind]} med ${line.instrumentName}, ${RESPONDENT_SV[line.respondent]} skattning (${when}${line.overdue ? ", försenad" : ""})`;
}

/**
 * The coach's daily list of measurements to take. Participants are named only by their code: an email
 * leaves the platform, and the code means nothing without it.
 */
export function progressionReminderEmail(input: {
  to: string;
  coachName: string;
  organizationName: string;
  organizationId: string;
  lines: ReminderLine[];
  url: string;
}): Promise<OutgoingEmail> {
  const byCode = new Map<string, ReminderLine[]>();
  for (const line of input.lines) byCode.set(line.code, [...(byCode.get(line.code) ?? []), line]);
  const count = byCode.size;
  return composeEmail({
    to: input.to,
    subject: `Progressionsmätningar att göra: ${count} deltagare`,
    paragraphs: [
      `Hej ${input.coachName}!`,
      `Det är dags att mäta progression för ${count === 1 ? "en av dina deltagare" : `${count} av dina deltagare`} i ${input.organizationName}:`,
      ...[...byCode].map(([code, lines]) => `${code}: ${lines.map(describe).join("; ")}.`),
      "Registrera mätningarna på deltagarens sida, eller skicka deltagaren en länk för självskattning.",
    ],
    action: { label: "Öppna deltagarlistan", url: input.url },
    footer:
      "Du får påminnelsen för att du är handledare för deltagarna. Den skickas högst en gång om dagen, bara när något är att göra.",
    template: "progression_reminder",
    organizationId: input.organizationId,
  });
}
