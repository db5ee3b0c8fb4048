import { example, GOTEBORG_NORDOST, HALLAND, NORRA_VASTMANLAND } from "../../lib/examples.js";

export const PUBLICATION_ID = "5c1f0e8a-7b3d-4f2a-9c61-3e8d2b7a4f10";

export const OWNER_PUBLISHER = example({
  organizationId: HALLAND.id,
  organizationName: HALLAND.name,
  role: "owner",
  contact: "Box 123, 301 05 Halmstad · 035-13 00 00 · halland.samordning.se",
  invitedAt: null,
  acceptedAt: "2026-09-01T08:12:40.000Z",
});

export const CO_PUBLISHER = example({
  organizationId: GOTEBORG_NORDOST.id,
  organizationName: GOTEBORG_NORDOST.name,
  role: "co_publisher",
  contact: "Angered Centrum 3, 424 65 Angered · nordost.samordning.se",
  invitedAt: "2026-09-01T08:20:05.000Z",
  acceptedAt: "2026-09-02T13:41:17.000Z",
});

export const PENDING_PUBLISHER = example({
  organizationId: NORRA_VASTMANLAND.id,
  organizationName: NORRA_VASTMANLAND.name,
  role: "co_publisher",
  contact: "",
  invitedAt: "2026-11-20T10:03:52.000Z",
  acceptedAt: null,
});

export const PUBLICATION_INPUT = example({
  slug: "finsam-vast",
  name: "Finsam Väst",
  description: "Nyheter från samordningsförbunden i Halland och Göteborg Nordost, en gång per termin.",
  senderName: "Finsam Väst",
  senderEmail: "nyhetsbrev@halland.samordning.se",
  replyTo: "kansli@halland.samordning.se",
  logoUrl: "https://halland.samordning.se/bilder/finsam-vast.png",
  logoAlt: "Finsam Väst",
  clickTracking: false,
});

export const PUBLICATION = example({
  id: PUBLICATION_ID,
  ...PUBLICATION_INPUT,
  archivedAt: null,
  version: 3,
  owner: { id: HALLAND.id, name: HALLAND.name },
  isOwner: true,
  publicUrl: "https://nns.se/nyhetsbrev/finsam-vast",
  publishers: [OWNER_PUBLISHER, CO_PUBLISHER, PENDING_PUBLISHER],
  createdAt: "2026-09-01T08:12:40.000Z",
  updatedAt: "2026-11-20T10:03:52.000Z",
});

export const PUBLICATION_CHANGES = example({
  description: "Nyheter från samordningsförbunden i väst, en gång per termin.",
  replyTo: null,
});

export const PUBLISHING_INVITATION = example({
  publicationId: PUBLICATION_ID,
  publicationName: PUBLICATION.name,
  ownerOrganizationId: HALLAND.id,
  ownerOrganizationName: HALLAND.name,
  invitedAt: "2026-11-20T10:03:52.000Z",
});
