export const sv = {
  title: "Utkorg",
  description:
    "E-post som plattformen har skickat för organisationens räkning. Välj ett ämne för att läsa meddelandet.",
  embedded: {
    title: "Så fungerar utkorgen",
    body: "I det inbäddade läget, utan e-postserver, skickas inga e-postmeddelanden. De samlas här i stället, så att inbjudningar och återställning av lösenord fungerar ändå: öppna meddelandet och använd länken, eller skicka den vidare till mottagaren på annat sätt.",
    smtp: "När plattformen är kopplad till en e-postserver (SMTP) skickas meddelandena på riktigt. De listas då här utan innehåll, eftersom innehållet har engångslänkar och tas bort när meddelandet har skickats.",
  },
  table: {
    caption: "E-postmeddelanden, nyast först",
    to: "Till",
    subject: "Ämne",
    template: "Typ",
    status: "Status",
    time: "Tid",
  },
  templates: {
    invitation: "Inbjudan",
    password_reset: "Återställ lösenord",
    intervention_published: "Insats publicerad",
    intervention_returned: "Insats återsänd",
    training_cancelled: "Utbildning inställd",
    training_registration: "Anmälan till utbildning",
    training_request_scheduled: "Intresseanmälan planerad",
    training_request_reopened: "Intresseanmälan öppen igen",
    training_survey: "Enkät efter utbildning",
    training_waitlist_promoted: "Plats från väntelistan",
    webhook_disabled: "Webhook-mottagare avstängd",
    invoice_issued: "Faktura",
    credit_note_issued: "Kreditnota",
    newsletter_confirmation: "Bekräfta prenumeration på nyhetsbrev",
    newsletter_test: "Provutskick av nyhetsbrev",
    progression_reminder: "Påminnelse om mätning",
  },
  transport: {
    outbox: "Utkorgen (skickas inte)",
    smtp: "E-postserver (SMTP)",
  },
  status: {
    outbox: "I utkorgen",
    queued: "Väntar på att skickas",
    sent: "Skickat",
    failed: "Kunde inte skickas",
  },
  details: {
    to: "Till",
    subject: "Ämne",
    created: "Skapat",
    sent: "Skickat",
    transport: "Leveranssätt",
    attempts: "Försök att skicka",
    attemptsValue_one: "{{count}} försök, senast",
    attemptsValue_other: "{{count}} försök, senast",
    retrying:
      "E-postservern har inte tagit emot meddelandet ännu. Plattformen försöker igen automatiskt, med allt längre mellanrum.",
    givenUp:
      "Plattformen har slutat försöka skicka meddelandet. Skicka länken till mottagaren på annat sätt, eller gör om det som skickade meddelandet (till exempel en ny inbjudan).",
    body: "Innehåll",
    noBodySmtp:
      "Meddelandet skickades via e-postserver. Innehållet sparas inte efter att det har skickats, eftersom det innehåller engångslänkar.",
    noBody: "Inget textinnehåll har sparats för det här meddelandet.",
  },
  empty:
    "Inga e-postmeddelanden ännu. När någon bjuds in eller ber om att få återställa sitt lösenord visas meddelandet här.",
};
