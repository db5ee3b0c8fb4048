import type { OutgoingEmail } from "./mailer.js";
import { composeEmail } from "./templates.js";

/** To an organization's administrators when the platform has switched off a failing webhook endpoint. */
export function webhookDisabledEmail(input: {
  to: string;
  organizationName: string;
  endpointUrl: string;
  failingSince: Date;
  lastError: string;
  url: string;
  organizationId: string;
}): Promise<OutgoingEmail> {
  const since = input.failingSince.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
  return composeEmail({
    to: input.to,
    subject: `Webhook avstängd för ${input.organizationName}`,
    paragraphs: [
      "Hej!",
      `NNS-plattformen har stängt av webhook-mottagaren ${input.endpointUrl} för ${input.organizationName}. Alla försök att leverera händelser dit har misslyckats sedan ${since}.`,
      `Senaste felet: ${input.lastError}`,
      "Inga fler händelser skickas dit förrän en administratör slår på mottagaren igen. Händelser som inte kom fram kan skickas om från leveransloggen.",
    ],
    action: { label: "Öppna webhook-inställningarna", url: input.url },
    footer: "Du får det här meddelandet eftersom du är administratör i organisationen.",
    template: "webhook_disabled",
    organizationId: input.organizationId,
  });
}
