import { example, HALLAND, IDS } from "../../lib/examples.js";

export const PARTICIPANT = example({
  id: IDS.participant,
  organizationId: HALLAND.id,
  name: "Sara Holm",
  email: "sara.holm@forsakringskassan.se",
  employer: "Försäkringskassan",
  jobTitle: "Rehabiliteringskoordinator",
  gender: "woman",
  contactConsent: true,
  registrations: [
    {
      id: IDS.registration,
      sessionId: IDS.session,
      status: "confirmed",
      waitingPosition: null,
      attended: true,
    },
    {
      id: IDS.secondRegistration,
      sessionId: IDS.secondSession,
      status: "waitlisted",
      waitingPosition: 1,
      attended: null,
    },
  ],
  createdAt: "2026-12-01T10:17:39.000Z",
});

export const REGISTER_PARTICIPANT = example({
  name: "Sara Holm",
  email: "sara.holm@forsakringskassan.se",
  employer: "Försäkringskassan",
  jobTitle: "Rehabiliteringskoordinator",
  gender: "woman",
  contactConsent: true,
  sessionIds: [IDS.session, IDS.secondSession],
});
