import type { OutgoingEmail } from "./mailer.js";
import { composeEmail } from "./templates.js";

/** The double opt-in: nothing is sent to the address until its owner follows this link. */
export function newsletterConfirmationEmail(input: {
  to: string;
  publicationName: string;
  url: string;
  expiresInDays: number;
  organizationId: string;
}): OutgoingEmail {
  return composeEmail({
    to: input.to,
    subject: `Bekräfta din prenumeration på ${input.publicationName}`,
    paragraphs: [
      "Hej!",
      `Någon (förhoppningsvis du) har anmält den här adressen till nyhetsbrevet ${input.publicationName}.`,
      `Bekräfta prenumerationen via länken nedan. Länken gäller i ${input.expiresInDays} dagar. Förrän du har bekräftat skickar vi inga nyhetsbrev till dig.`,
    ],
    action: { label: "Bekräfta prenumerationen", url: input.url },
    footer: "Om du inte har anmält dig kan du bortse från meddelandet; du får då inga fler utskick.",
    template: "newsletter_confirmation",
    organizationId: input.organizationId,
  });
}
