/** The recurring events (evenemangsserier) and their year-on-year view. */
export const events = {
  series: {
    title: "Evenemangsserier",
    description: "Återkommande evenemang, till exempel den årliga inspirationsdagen, år för år.",
    empty: "Förbundet har inga evenemangsserier ännu.",
    yearOnYear: "{{name}} år för år",
    columns: {
      year: "År",
      status: "Genomförande",
      registered: "Anmälda",
      attended: "Deltog",
      women: "Kvinnor",
      men: "Män",
      satisfaction: "Nöjdhet (1–5)",
      budget: "Budget",
      actual: "Utfall",
    },
    cancelled: "Inställt: {{reason}}",
    modes: { digital: "Digitalt", on_site: "På plats", mixed: "Digitalt och på plats", none: "Inget datum" },
    noFigures: "–",
  },
};
