export const sv = {
  title: "Webhookar",
  description:
    "En webhook meddelar ett av era egna system när något händer i {{organization}}, till exempel när en utbildning ställs in: plattformen skickar då ett anrop till en adress som ni anger.",
  descriptionFallback:
    "En webhook meddelar ett av era egna system när något händer i organisationen: plattformen skickar då ett anrop till en adress som ni anger.",
  create: "Lägg till mottagare",
  endpointsHeading: "Mottagare",
  empty: "Organisationen har inga mottagare ännu.",
  columns: {
    url: "Adress",
    description: "Beskrivning",
    events: "Händelser",
    status: "Status",
    created: "Skapad",
  },
  noDescription: "Ingen beskrivning",
  status: { enabled: "På", disabled: "Avstängd", failing: "Anropen misslyckas sedan {{date}}" },
  disabledAt: "sedan {{date}}",
  eventGroups: {
    intervention: "Insatskatalogen",
    training: "Utbildningar",
    registration: "Anmälningar",
    training_request: "Intresseanmälningar",
    newsletter: "Nyhetsbrev",
    other: "Övrigt",
  },
  events: {
    intervention: {
      published: {
        label: "En insats publiceras",
        description: "En av förbundets insatser blir synlig i den öppna insatskatalogen.",
      },
      archived: {
        label: "En insats arkiveras",
        description: "En av förbundets insatser tas bort från den öppna insatskatalogen.",
      },
    },
    training: {
      created: {
        label: "En utbildning skapas",
        description: "En ny utbildning eller aktivitet som förbundet äger eller deltar i.",
      },
      confirmed: {
        label: "En utbildning bekräftas",
        description: "Datum och upplägg är klara och utbildningen blir av.",
      },
      cancelled: {
        label: "En utbildning ställs in",
        description: "Utbildningen blir inte av; anmälda deltagare behöver få veta det.",
      },
    },
    registration: {
      created: {
        label: "En deltagare anmäls",
        description: "Någon anmäls till ett utbildningstillfälle, med plats eller på väntelistan.",
      },
      cancelled: {
        label: "En anmälan avbokas",
        description: "En deltagare avbokas från ett utbildningstillfälle.",
      },
      promoted: {
        label: "En deltagare får plats från väntelistan",
        description: "En plats blev ledig och nästa person på väntelistan fick den.",
      },
    },
    ping: {
      label: "Testhändelse",
      description: "Ett prov som skickas när någon väljer Skicka testhändelse.",
    },
    training_request: {
      scheduled: {
        label: "En intresseanmälan planeras in",
        description: "NNS har gett förbundets intresseanmälan en utbildning med datum.",
      },
    },
    newsletter: {
      sent: {
        label: "Ett nyhetsbrev har skickats",
        description:
          "Ett utskick av ett nyhetsbrev som förbundet ger ut eller är med och ger ut har gått ut till alla prenumeranter.",
      },
    },
  },
  form: {
    createTitle: "Lägg till mottagare",
    editTitle: "Ändra mottagare",
    url: "Adress (URL)",
    urlDescription:
      "Adressen dit plattformen skickar händelserna. Den måste börja med https:// och nås från internet.",
    description: "Beskrivning (valfritt)",
    descriptionDescription: "Så att ni känner igen mottagaren, till exempel namnet på systemet.",
    events: "Händelser",
    eventsDescription: "Välj vilka händelser mottagaren ska få veta om.",
    createSubmit: "Lägg till",
    editSubmit: "Spara ändringarna",
    saved: "Mottagaren är sparad.",
  },
  created: {
    title: "Mottagaren är tillagd",
    warning:
      "Kopiera hemligheten nu och spara den i mottagarsystemet. Den visas bara den här gången och kan aldrig visas igen.",
    secretLabel: "Hemlighet för att kontrollera signaturen på anrop till {{url}}:",
    copyLabel: "Kopiera hemligheten",
    done: "Jag har sparat hemligheten",
    status: "Mottagaren {{url}} är tillagd.",
  },
  detail: {
    back: "Tillbaka till webhookar",
    overviewHeading: "Om mottagaren",
    url: "Adress",
    description: "Beskrivning",
    events: "Händelser",
    status: "Status",
    created: "Skapad",
    actionsHeading: "Åtgärder",
    edit: "Ändra",
  },
  toggle: {
    disable: "Stäng av",
    enable: "Slå på",
    disabledDone: "Mottagaren är avstängd. Inga händelser skickas dit förrän den slås på igen.",
    enabledDone: "Mottagaren är påslagen igen.",
    failed: "Det gick inte att ändra mottagaren: {{detail}}",
  },
  ping: {
    button: "Skicka testhändelse",
    done: "En testhändelse är på väg. Resultatet syns i leveransloggen nedan.",
    failed: "Testhändelsen kunde inte skickas: {{detail}}",
  },
  rotate: {
    button: "Byt hemlighet",
    title: "Byt hemlighet?",
    body: "Mottagaren får en ny hemlighet direkt och den gamla slutar gälla. Mottagarsystemet måste få den nya hemligheten, annars kan det inte längre kontrollera att anropen kommer från plattformen.",
    confirm: "Byt hemlighet",
    doneTitle: "Ny hemlighet",
    warning:
      "Kopiera den nya hemligheten nu och byt ut den gamla i mottagarsystemet. Den visas bara den här gången och kan aldrig visas igen.",
    secretLabel: "Ny hemlighet för {{url}}:",
    done: "Jag har sparat hemligheten",
    status: "Hemligheten är utbytt.",
  },
  remove: {
    button: "Ta bort",
    title: "Ta bort mottagaren?",
    body: "Inga fler händelser skickas till {{url}}, och leveransloggen för mottagaren tas bort. Det går inte att ångra.",
    confirm: "Ta bort mottagaren",
    done: "Mottagaren {{url}} är borttagen.",
  },
  deliveries: {
    heading: "Leveranslogg",
    intro:
      "Varje händelse som skickats till mottagaren, den senaste först. Ett anrop som misslyckas görs om med allt längre mellanrum i upp till tre dygn.",
    filter: "Visa",
    anyStatus: "Alla leveranser",
    empty: "Inga leveranser ännu. Skicka en testhändelse för att prova mottagaren.",
    emptyFiltered: "Inga leveranser med den statusen.",
    caption: "Leveranser till mottagaren",
    columns: {
      time: "Tid",
      event: "Händelse",
      status: "Status",
      response: "Svar",
      attempts: "Försök",
      actions: "Åtgärd",
    },
    status: {
      pending: "Väntar",
      succeeded: "Levererad",
      failed: "Försöker igen",
      gave_up: "Misslyckad",
    },
    deliveredAt: "levererad",
    nextAttempt: "nästa försök",
    noResponse: "Inget svar",
    none: "–",
    errors: {
      unreachable: "Mottagaren gick inte att nå.",
      disabled: "Mottagaren var avstängd.",
    },
    disabledNote:
      "Mottagaren är avstängd. Slå på den för att kunna skicka testhändelser eller skicka leveranser igen.",
    resend: "Skicka igen",
    resendLabel: "Skicka igen: {{event}} från {{date}}",
    resent: "{{event}} från {{date}} skickas igen. Den nya leveransen visas överst i loggen.",
    resendFailed: "{{event}} kunde inte skickas igen: {{detail}}",
  },
};
