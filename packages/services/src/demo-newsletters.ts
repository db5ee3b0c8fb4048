import { signupConsentText } from "@nns/domain";
import { enterOrganization } from "./access.js";
import { type Deps, systemContext } from "./context.js";
import { createIssue, markIssueReady } from "./newsletters/issues.js";
import { createPublication } from "./newsletters/publications.js";
import { acceptPublishing, invitePublisher, setPublisherContact } from "./newsletters/publishers.js";
import { addSection, approveSection } from "./newsletters/sections.js";
import { startSending } from "./newsletters/sending.js";
import { addSubscriber, unsubscribeSubscriber } from "./newsletters/subscribers.js";

const READERS = [
  "Anna Lindqvist",
  "Erik Johansson",
  "Maria Karlsson",
  "Johan Nilsson",
  "Sara Eriksson",
  "Ahmed Hassan",
  "Lena Berg",
  "Per Andersson",
  "Fatima Ali",
  "Karin Holm",
  "Mikael Ström",
  "Elin Sandberg",
];

const address = (name: string) =>
  `${name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(" ", ".")}@exempel.se`;

/**
 * A joint newsletter as seed 003 describes it: Centrala Östergötland owns "Samverkan Öst", Höglandet
 * co-publishes it. Issue 1, written and approved by both, is sent when the demo starts (through the real
 * sender; without SMTP the outbox mode builds each message and records it sent), so the public archive
 * and the figures have something to show. Issue 2 is a draft: Centrala Östergötland's section approved,
 * Höglandet's still waiting. Twelve confirmed readers (consent attested at a member meeting), two who
 * signed up and have not confirmed, and one who left.
 */
export async function seedDemoNewsletters(deps: Deps, idBySlug: (slug: string) => string): Promise<void> {
  const system = systemContext(deps, "demo-seed");
  const owner = await enterOrganization(system, idBySlug("centrala-ostergotland"));
  const partner = await enterOrganization(system, idBySlug("hoglandet"));
  const publication = await createPublication(owner, {
    slug: "samverkan-ost",
    name: "Samverkan Öst",
    description:
      "Nyhetsbrevet från samordningsförbunden i Centrala Östergötland och på Höglandet, ungefär en gång per termin: insatser, utbildningar och resultat från finsam i våra kommuner.",
    senderName: "Samverkan Öst",
    senderEmail: "nyhetsbrev@centralaostergotland.exempel.se",
    replyTo: "kansli@centralaostergotland.exempel.se",
  });
  const p = publication.id;
  await setPublisherContact(owner, p, "kansli@centralaostergotland.exempel.se, 013-20 00 00");
  await invitePublisher(owner, p, partner.organization.id);
  await acceptPublishing(partner, p);
  await setPublisherContact(partner, p, "info@hoglandet.exempel.se, 0381-10 00 00");

  for (const name of READERS)
    await addSubscriber(owner, p, {
      email: address(name),
      name,
      consentText: "Anmälde sig på förbundets medlemsmöte och gav sitt samtycke skriftligt.",
      attestConsent: true,
    });
  for (const name of ["Jonas Wik", "Amira Saleh"])
    await addSubscriber(partner, p, {
      email: address(name),
      name,
      consentText: signupConsentText(publication.name),
      attestConsent: false,
    });
  const leaving = await addSubscriber(owner, p, {
    email: address("Olle Frisk"),
    name: "Olle Frisk",
    consentText: "Anmälde sig på förbundets medlemsmöte och gav sitt samtycke skriftligt.",
    attestConsent: true,
  });
  await unsubscribeSubscriber(owner, p, leaving.id);

  const autumn = await createIssue(owner, p, {
    subject: "Hösten 2026: IPS, BIP och SKAPA",
    preheader: "Nya platser i IPS, utbildning i progressionsmätning och ett år med Steget vidare",
  });
  const withOwn = await addSection(owner, p, autumn.id, {
    heading: "Tio nya IPS-platser i Linköping och Norrköping",
    bodyMarkdown:
      "Från januari finns **tio nya platser** i IPS (Individual Placement and Support) för personer med psykisk ohälsa som vill ha ett arbete. Insatsen drivs tillsammans med Arbetsförmedlingen och regionens psykiatri.\n\nHandläggare kan anmäla deltagare redan nu.",
    links: [{ label: "Läs om IPS i insatskatalogen", url: "https://www.finsam.se/insatser" }],
  });
  const withBoth = await addSection(partner, p, autumn.id, {
    heading: "Utbildning i BIP och SKAPA på Höglandet",
    bodyMarkdown:
      "I februari utbildar NNS handledare från Eksjö, Nässjö och Vetlanda i progressionsmätning med SKAPA. Kostnaden delas med Centrala Östergötland, som skickar sex deltagare.\n\n- två dagar i Eksjö\n- en uppföljningsdag digitalt",
  });
  const [ownSection] = withOwn.sections;
  const partnerSection = withBoth.sections.find((s) => s.id !== ownSection?.id);
  if (!ownSection || !partnerSection) return;
  await approveSection(owner, p, autumn.id, ownSection.id, null);
  await approveSection(partner, p, autumn.id, partnerSection.id, null);
  await markIssueReady(owner, p, autumn.id, null);
  await startSending(owner, p, autumn.id);

  const winter = await createIssue(owner, p, {
    subject: "Vintern 2026/27",
    preheader: "Resultat från RESAM och vårens inspirationsdag",
  });
  const winterOwn = await addSection(owner, p, winter.id, {
    heading: "60 procent i arbete eller studier efter RESAM",
    bodyMarkdown:
      "Av de 103 personer som deltog i RESAM gick **60,2 procent** vidare till arbete eller studier inom ett år. Hela utvärderingen finns i insatskatalogen.",
  });
  await addSection(partner, p, winter.id, {
    heading: "Inspirationsdag i Nässjö den 12 mars",
    bodyMarkdown: "Välkommen till en dag om samverkan kring unga vuxna. Anmälan öppnar i januari.",
  });
  const firstWinter = winterOwn.sections[0];
  if (firstWinter) await approveSection(owner, p, winter.id, firstWinter.id, null);
}
