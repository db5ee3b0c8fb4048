import type { OutgoingEmail } from "./mailer.js";
import { composeEmail } from "./templates.js";

const FOOTER = "Meddelandet skickades av NNS-plattformen till den som skrev insatsens senaste version.";

export function interventionReturnedEmail(input: {
  to: string;
  title: string;
  comment: string;
  url: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return composeEmail({
    to: input.to,
    subject: `Insatsen har skickats tillbaka: ${input.title}`,
    paragraphs: [
      "Hej!",
      `Redaktionen har granskat "${input.title}" och skickat tillbaka den till er med kommentarer:`,
      input.comment,
      "Ändra insatsen och skicka in den igen när den är klar.",
    ],
    action: { label: "Öppna insatsen", url: input.url },
    footer: FOOTER,
    template: "intervention_returned",
    organizationId: input.organizationId,
  });
}

export function interventionPublishedEmail(input: {
  to: string;
  title: string;
  url: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  return composeEmail({
    to: input.to,
    subject: `Insatsen är publicerad: ${input.title}`,
    paragraphs: [
      "Hej!",
      `"${input.title}" är nu publicerad i den nationella insatskatalogen och syns för alla.`,
    ],
    action: { label: "Visa i insatskatalogen", url: input.url },
    footer: FOOTER,
    template: "intervention_published",
    organizationId: input.organizationId,
  });
}
