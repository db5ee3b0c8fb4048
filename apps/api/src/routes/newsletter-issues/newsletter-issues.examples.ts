import { example, GOTEBORG_NORDOST, HALLAND } from "../../lib/examples.js";
import { PUBLICATION_ID } from "../newsletters/newsletters.examples.js";

export const ISSUE_ID = "b8d2c4e6-1a3f-4b5c-8d7e-9f0a1b2c3d4e";
const OWNER_SECTION_ID = "0f6e5d4c-3b2a-4190-8e7d-6c5b4a392817";
const PARTNER_SECTION_ID = "9a8b7c6d-5e4f-4321-b0a9-87c6d5e4f3a2";

export const SECTION_INPUT = example({
  heading: "Nya IPS-platser i Halmstad",
  bodyMarkdown:
    "Från januari har **Steg framåt** tio nya platser för unga vuxna.\n\nAnmälan sker via handläggaren på Arbetsförmedlingen eller Försäkringskassan.",
  image: {
    url: "https://halland.samordning.se/bilder/steg-framat.jpg",
    alt: "Två deltagare och en coach vid ett bord med en dator",
  },
  links: [{ label: "Läs mer om Steg framåt", url: "https://halland.samordning.se/steg-framat" }],
});

export const OWNER_SECTION = example({
  id: OWNER_SECTION_ID,
  authorOrganizationId: HALLAND.id,
  authorOrganizationName: HALLAND.name,
  position: 0,
  ...SECTION_INPUT,
  approvedAt: "2027-01-12T09:30:00.000Z",
  mine: true,
  version: 2,
});

export const PARTNER_SECTION = example({
  id: PARTNER_SECTION_ID,
  authorOrganizationId: GOTEBORG_NORDOST.id,
  authorOrganizationName: GOTEBORG_NORDOST.name,
  position: 1,
  heading: "Vårens utbildningsdagar",
  bodyMarkdown: "Vi bjuder in till två dagar om samverkan kring unga i Angered, 12–13 mars.",
  image: null,
  links: [],
  approvedAt: "2027-01-13T14:05:00.000Z",
  mine: false,
  version: 1,
});

export const ISSUE = example({
  id: ISSUE_ID,
  publicationId: PUBLICATION_ID,
  number: 4,
  subject: "Finsam Väst våren 2027",
  preheader: "Nya IPS-platser, vårens utbildningsdagar och mer",
  status: "ready",
  scheduledAt: null,
  sendStartedAt: null,
  sentAt: null,
  cancelledAt: null,
  version: 6,
  sections: [OWNER_SECTION, PARTNER_SECTION],
  approvals: [
    { organizationId: GOTEBORG_NORDOST.id, organizationName: GOTEBORG_NORDOST.name, approved: true },
    { organizationId: HALLAND.id, organizationName: HALLAND.name, approved: true },
  ],
  canEdit: true,
  publicUrl: null,
  createdAt: "2027-01-08T08:00:00.000Z",
  updatedAt: "2027-01-13T15:10:00.000Z",
});

export const DRAFT_ISSUE = example({
  ...ISSUE,
  status: "draft",
  version: 1,
  sections: [],
  approvals: [],
  updatedAt: ISSUE.createdAt,
});

export const ISSUE_INPUT = example({ subject: ISSUE.subject, preheader: ISSUE.preheader });

export const PREVIEW = example({
  html: '<!DOCTYPE html><html lang="sv" dir="ltr"><head><title>Finsam Väst våren 2027</title></head><body>…</body></html>',
  text: "Läs nyhetsbrevet i webbläsaren …\n\nFINSAM VÄST VÅREN 2027\n\nNYA IPS-PLATSER I HALMSTAD …",
});
