import type { Translations } from "../../../i18n/types";
import type { charts as sv } from "../sv/charts";

export const charts: Translations<typeof sv> = {
  charts: {
    seats: {
      title: "Seats per session",
      registered: "Registered with a seat",
      free: "Free seats",
      waiting: "Waiting list",
      capacity: "Seats",
      unlimited: "Unlimited",
      session: "Session",
      summaryIntro: "Bar chart of the seats per session.",
      summaryRow:
        "{{session}}: {{registered}} registered with a seat, {{free}} free seats and {{waiting}} on the waiting list.",
      summaryRowUnlimited:
        "{{session}}: {{registered}} registered, unlimited seats and {{waiting}} on the waiting list.",
    },
    costs: {
      title: "Cost per förbund",
      share: "Share of the shared cost",
      print: "Print costs",
      vat: "VAT",
      total: "Total",
      organization: "Förbund",
      summaryIntro: "Bar chart of the cost per förbund, split into share, print and VAT.",
      summaryRow: "{{name}}: share {{share}}, print {{print}}, VAT {{vat}}, total {{total}}.",
    },
    funnel: {
      title: "From registration to survey answer",
      people: "People",
      step: "Step",
      count: "Number",
      share: "Share of those registered",
      registered: "Registered",
      attended: "Attended",
      answered: "Answered the survey",
      name: "{{step}} ({{share}} of those registered)",
      summary:
        "Bar chart: {{registered}} registered, {{attended}} attended and {{answered}} answered the survey.",
    },
    satisfaction: {
      title: "How the answers spread per question, scores 1–5",
      average: "Average score",
      question: "Question",
      score: "Score {{score}}",
      summary: "Bar chart of how many gave each score 1–5 per question. {{rows}}",
      summaryRow: "{{question}}: {{counts}}; average {{value}}.",
      summaryCount: "{{count}} gave {{score}}",
    },
    timeline: {
      title: "Requested periods",
      paired: "Can be shared",
      single: "No pairing suggestion",
      overlap: "Overlapping period",
      organization: "Förbund",
      period: "Period",
      participants: "Participants",
      pairing: "Pairing",
      overlapsWith: "Overlaps with {{name}} {{start}} – {{end}}",
      noPairing: "–",
      name: "{{name}}, {{count}} participants",
      summaryIntro: "Timeline of the requested periods of {{count}} requests.",
      summaryRow: "{{name}}: {{start}} – {{end}}, {{count}} participants.",
      summaryPair: "{{a}} and {{b}} overlap {{start}} – {{end}} and can be shared.",
    },
  },
};
