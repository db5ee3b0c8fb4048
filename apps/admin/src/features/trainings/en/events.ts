import type { Translations } from "../../../i18n/types";
import type { events as sv } from "../sv/events";

export const events: Translations<typeof sv> = {
  series: {
    title: "Event series",
    description: "Recurring events, such as the yearly inspiration day, year by year.",
    empty: "The förbund has no event series yet.",
    yearOnYear: "{{name}} year by year",
    columns: {
      year: "Year",
      status: "How it was held",
      registered: "Registered",
      attended: "Attended",
      women: "Women",
      men: "Men",
      satisfaction: "Satisfaction (1–5)",
      budget: "Budget",
      actual: "Actual",
    },
    cancelled: "Cancelled: {{reason}}",
    modes: { digital: "Digital", on_site: "On site", mixed: "Digital and on site", none: "No date" },
    noFigures: "–",
  },
};
