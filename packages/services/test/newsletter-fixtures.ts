import {
  acceptPublishing,
  addSection,
  approveSection,
  createIssue,
  createPublication,
  type Deps,
  invitePublisher,
} from "../src/index.js";
import { freshTenant } from "./tenant.js";

let serial = 0;

/** An owner and an accepted co-publisher with an issue, and a third förbund outside it. */
export async function sharedIssue(deps: Deps) {
  const owner = await freshTenant(deps);
  const partner = await freshTenant(deps);
  const third = await freshTenant(deps);
  const publication = await createPublication(owner.editor, {
    slug: `utskick-${++serial}`,
    name: "Finsam Väst",
    senderName: "Finsam Väst",
    senderEmail: "nyhetsbrev@test.se",
  });
  await invitePublisher(owner.editor, publication.id, partner.organization.id);
  await acceptPublishing(partner.editor, publication.id);
  const issue = await createIssue(owner.editor, publication.id, {
    subject: "Våren 2027",
    preheader: "Nytt i väst",
  });
  const p = publication.id;
  const withOwners = await addSection(owner.editor, p, issue.id, {
    heading: "Nya IPS-platser",
    bodyMarkdown: "Tio **nya** platser.",
    image: { url: "https://halland.test.se/bild.jpg", alt: "Två deltagare vid ett bord" },
    links: [{ label: "Läs mer", url: "https://halland.test.se/ips" }],
  });
  const withBoth = await addSection(partner.editor, p, issue.id, { heading: "Utbildningsdagar i Angered" });
  const [ownerSection, partnerSection] = withBoth.sections;
  if (!ownerSection || !partnerSection || withOwners.sections.length !== 1) throw new Error("fixture");
  return { owner, partner, third, p, issueId: issue.id, ownerSection, partnerSection };
}

export type SharedIssue = Awaited<ReturnType<typeof sharedIssue>>;

export async function approveAll(s: SharedIssue) {
  await approveSection(s.owner.editor, s.p, s.issueId, s.ownerSection.id, null);
  await approveSection(s.partner.editor, s.p, s.issueId, s.partnerSection.id, null);
}
