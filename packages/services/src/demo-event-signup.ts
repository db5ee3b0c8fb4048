import type { Deps, OrgContext } from "./context.js";
import { putEventSignup } from "./trainings/event-signup.js";
import { publicEvent, signUpForEvent } from "./trainings/event-signup-public.js";
import { addSession } from "./trainings/training-sessions.js";
import { createTraining, moveTraining } from "./trainings/trainings.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Höglandet's next inspirationsdag (seed 000), five weeks ahead, open for people to sign themselves up on
 * its public page until a week before; three have, one of them naming the member party they work for.
 */
export async function seedOpenSignupEvent(deps: Deps, hoglandet: OrgContext): Promise<void> {
  const event = await createTraining(hoglandet, {
    kind: "event",
    title: "Inspirationsdag: psykisk hälsa och vägen till arbete",
    description:
      "Höglandets årliga kunskaps- och inspirationsdag för dig som arbetar med rehabilitering till arbete eller studier hos förbundets fyra parter. Föreläsning på förmiddagen, erfarenhetsutbyte i blandade grupper på eftermiddagen.",
  });
  // 09:00 Swedish winter time, relative to today, so the event is always ahead of the demo.
  const startsAt = new Date(Date.now() + 35 * DAY);
  startsAt.setUTCHours(8, 0, 0, 0);
  await addSession(hoglandet, event.id, {
    title: "Föreläsning och erfarenhetsutbyte",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7 * HOUR),
    mode: "on_site",
    location: "Nässjö, Folkets hus, Stora salen",
    capacity: 60,
  });
  await moveTraining(hoglandet, event.id, "plan", null);
  await putEventSignup(hoglandet, event.id, {
    open: true,
    closesAt: new Date(startsAt.getTime() - 7 * DAY + 14 * HOUR),
    consentText:
      "Jag samtycker till att Höglandets samordningsförbund sparar mitt namn, min e-postadress och min arbetsplats för att hantera min anmälan, skicka information om inspirationsdagen och följa upp den. Uppgifterna lämnas inte vidare.",
  });
  const shown = await publicEvent(deps, event.id);
  if (!shown) return;
  const people = [
    ["Elin Fransson", "Försäkringskassan Nässjö"],
    ["Jonas Åberg", "Arbetsförmedlingen Eksjö"],
    ["Maria Lindqvist", "Vetlanda kommun, socialtjänsten"],
  ] as const;
  for (const [index, [name, employer]] of people.entries()) {
    await signUpForEvent(deps, {
      trainingId: event.id,
      name,
      email: `anmalan.${index}@demo.nns.se`,
      employer,
      memberPartyId: index === 0 ? (shown.memberParties[0]?.id ?? null) : null,
      consent: true,
      consentVersion: shown.consentVersion,
      clientIp: null,
    });
  }
}
