import { example, GOTEBORG_NORDOST, HALLAND } from "../../lib/examples.js";

const PUBLICATION_ID = "5f0c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
const ISSUE_ID = "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70";
const SLUG = "halland-tillsammans";
const PAGE = `https://nns.example/nyhetsbrev/${SLUG}`;

export const PUBLIC_ISSUE_SUMMARY = example({
  id: ISSUE_ID,
  number: 4,
  subject: "Höstens nyheter från förbunden i Halland",
  preheader: "Nya insatser för unga vuxna och en inbjudan till nätverksträff",
  sentAt: "2026-10-14T07:30:00.000Z",
  publicUrl: `${PAGE}/4`,
});

export const PUBLIC_NEWSLETTER = example({
  id: PUBLICATION_ID,
  slug: SLUG,
  name: "Halland tillsammans",
  description: "Samordningsförbunden i Halland berättar om sina insatser, en gång per termin.",
  logoUrl: null,
  logoAlt: null,
  publishers: [
    {
      organizationId: HALLAND.id,
      name: HALLAND.name,
      role: "owner",
      contact: "Box 123, 301 05 Halmstad · 035-12 34 56 · kansli@halland.samordning.se",
    },
    { organizationId: GOTEBORG_NORDOST.id, name: GOTEBORG_NORDOST.name, role: "co_publisher", contact: "" },
  ],
  sentIssues: 4,
  latestIssue: PUBLIC_ISSUE_SUMMARY,
  publicUrl: PAGE,
});

export const PUBLIC_ISSUE = example({
  ...PUBLIC_ISSUE_SUMMARY,
  publication: { slug: SLUG, name: "Halland tillsammans" },
  sections: [
    {
      position: 1,
      heading: "Nytt resursteam i Falkenberg",
      bodyMarkdown: "Från januari arbetar ett **resursteam** med unga vuxna som står långt från arbete.",
      image: {
        url: "https://halland.samordning.se/bilder/resursteam.jpg",
        alt: "Fyra personer i resursteamet vid ett bord",
      },
      links: [{ label: "Läs mer om resursteamet", url: "https://halland.samordning.se/resursteam" }],
      author: { organizationId: HALLAND.id, name: HALLAND.name },
    },
  ],
  html: '<!DOCTYPE html><html lang="sv" dir="ltr">…</html>',
  text: "Halland tillsammans, nummer 4\n\nHöstens nyheter från förbunden i Halland\n…",
});
