import { CONSENT_SOURCE_LABELS_SV, SUBSCRIBER_STATUS_LABELS_SV } from "@nns/domain/newsletters";

export const sv = {
  title: "Prenumeranter",
  description:
    "De som får nyhetsbrevet {{publication}}. Bara bekräftade prenumeranter får utskicken. Listan är personuppgifter: hantera den varsamt.",
  descriptionFallback:
    "De som får nyhetsbrevet. Bara bekräftade prenumeranter får utskicken. Listan är personuppgifter: hantera den varsamt.",
  export: "Ladda ner som CSV",
  status: { ...SUBSCRIBER_STATUS_LABELS_SV },
  consentSource: { ...CONSENT_SOURCE_LABELS_SV },
  filters: {
    label: "Sök bland prenumeranterna",
    q: "Sök på adress eller namn",
    status: "Status",
    anyStatus: "Alla statusar",
    apply: "Sök",
    clear: "Visa alla",
  },
  list: {
    heading: "Prenumeranter",
    empty: "Nyhetsbrevet har inga prenumeranter ännu. Lägg till en person eller importera en fil.",
    emptyFiltered: "Ingen prenumerant matchar sökningen.",
    shown_one: "Visar {{count}} prenumerant.",
    shown_other: "Visar {{count}} prenumeranter.",
    loadingMore: "Hämtar fler …",
    columns: {
      email: "E-postadress",
      name: "Namn",
      status: "Status",
      consent: "Samtycke",
      actions: "Åtgärder",
    },
    noName: "Inget namn",
    since: "sedan {{date}}",
    noConsent: "Inget samtycke registrerat",
    attested: "Intygat av en administratör",
    showConsentText: "Visa samtyckestexten",
  },
  add: {
    button: "Lägg till prenumerant",
    title: "Lägg till prenumerant",
    email: "E-postadress",
    name: "Namn (valfritt)",
    consentText: "Samtyckestext",
    consentTextDescription:
      "Vad personen har sagt ja till och var, med egna ord eller ordagrant. Texten sparas tillsammans med personen. Till exempel: Bad om nyhetsbrevet per telefon den 3 mars.",
    attest: "Jag intygar att personen har samtyckt",
    attestDescription:
      "Kryssar du i rutan blir personen bekräftad direkt och du står som den som intygat samtycket. Annars får personen ett mejl med en länk för att bekräfta och står som Ej bekräftad tills hen gör det; först då får hen utskicken.",
    submit: "Lägg till",
    doneConfirmed: "{{email}} är tillagd och bekräftad.",
    doneUnconfirmed:
      "{{email}} är tillagd. Personen har fått ett mejl för att bekräfta och står som Ej bekräftad tills dess.",
  },
  import: {
    button: "Importera från fil",
    title: "Importera prenumeranter",
    intro:
      "En CSV-fil med en kolumn för e-postadress (rubriken email eller e-post) och gärna en för namn (name eller namn). Komma eller semikolon som avgränsare går bra, så en fil sparad från Excel fungerar.",
    file: "CSV-fil",
    fileRequired: "Välj en fil att importera.",
    fileTooLarge: "Filen är för stor. Dela upp den i flera filer på högst 1 MB.",
    consentText: "Samtyckestext",
    consentTextDescription:
      "Vad personerna i filen har sagt ja till och var. Texten sparas med var och en av dem. Till exempel: Anmälde sig på deltagarlistan på Finsamdagen 2026 och ville få nyhetsbrevet.",
    attest: "Jag intygar att personerna har samtyckt",
    attestDescription:
      "Kryssar du i rutan blir nya adresser bekräftade direkt och du står som den som intygat samtycket. Annars får varje ny adress ett mejl med en länk för att bekräfta och står som Ej bekräftad tills personen gör det.",
    submit: "Importera",
    reportHeading: "Resultat av importen",
    summary:
      "Importen är klar: {{created}} nya, {{updated}} uppdaterade och {{skipped}} som inte importerades.",
    problemsHeading: "Rader som inte importerades",
    problemRow: "Rad {{row}}",
    noProblems: "Alla rader i filen gick att läsa.",
    close: "Stäng",
    importAnother: "Importera en fil till",
  },
  unsubscribe: {
    button: "Avregistrera",
    label: "Avregistrera {{email}}",
    title: "Avregistrera {{email}}?",
    body: "Gör detta när personen själv har bett om det, till exempel per telefon eller brev. Personen får inga fler utskick. Adressen och samtycket finns kvar i listan med status Avregistrerad.",
    confirm: "Avregistrera",
    done: "{{email}} är avregistrerad och får inga fler utskick.",
  },
  erase: {
    button: "Radera",
    label: "Radera {{email}}",
    title: "Radera {{email}} för gott?",
    body: "Adressen, namnet och samtycket raderas och går inte att återställa. Utskick som redan har skickats räknas fortfarande i statistiken men är inte längre kopplade till personen.",
    kept: "Det enda som sparas är en kontrollsumma (hash) av adressen, så att personen aldrig får utskick igen och inte kan importeras på nytt – om hen inte själv anmäler sig igen.",
    confirm: "Radera för gott",
    done: "{{email}} är raderad. Bara en kontrollsumma av adressen finns kvar, så att den aldrig får utskick igen.",
  },
};
