import { signupConsentText } from "@nns/domain";

const CONSENT = signupConsentText("Samverkan i Västmanland");

export const SUBSCRIBER = {
  id: "0b7e2f9a-3c41-4d8e-9a6b-5f1c2d3e4a5b",
  email: "anna.lind@example.se",
  name: "Anna Lind",
  status: "confirmed" as const,
  consent: {
    at: "2026-09-02T08:14:05.120Z",
    text: CONSENT,
    source: "signup_form" as const,
    attestedBy: null,
  },
  confirmedAt: "2026-09-02T08:20:41.007Z",
  unsubscribedAt: null,
  blocklistedAt: null,
  blocklistReason: null,
  createdAt: "2026-09-02T08:14:05.120Z",
};

export const NEW_SUBSCRIBER = {
  email: "per.holm@example.se",
  name: "Per Holm",
  consentText: "Anmäld på mässan Framtidens arbetsliv 2026-10-12 med underskrift på anmälningslistan.",
  attestConsent: true,
};

export const IMPORT = {
  csv: "e-post;namn\nper.holm@example.se;Per Holm\ninte-en-adress;Okänd\n",
  consentText: "Anmälda via deltagarlistan på Finsamdagen 2026, med samtycke till nyhetsbrevet.",
  attestConsent: true,
};

export const IMPORT_REPORT = {
  created: 1,
  updated: 0,
  skipped: 1,
  rows: [
    {
      row: 2,
      email: "per.holm@example.se",
      outcome: "created" as const,
      reason: null,
      message: "Tillagd som bekräftad (intygat samtycke).",
    },
    {
      row: 3,
      email: "inte-en-adress",
      outcome: "skipped" as const,
      reason: "invalid_email" as const,
      message: "Ogiltig e-postadress.",
    },
  ],
};

export const SUBSCRIPTION = { email: "anna.lind@example.se", name: "Anna Lind", consent: true as const };

export const BOUNCES = {
  events: [
    {
      kind: "hard" as const,
      recipient: "anna.lind@example.se",
      messageId: "<5b1f0a52-8f0e-4c1e-9d1a-3f9e6c7b2a10@nns.example.se>",
      listUnsubscribe:
        "<https://nns.example.se/nyhetsbrev/avregistrera/dW5zdWJzY3JpYmUuLi4.c2lnbmF0dXJl>, <mailto:avregistrera@nns.example.se?subject=unsubscribe%20dW5zdWJzY3JpYmUuLi4.c2lnbmF0dXJl>",
      diagnostic: "smtp; 550 5.1.1 User unknown",
    },
  ],
};
