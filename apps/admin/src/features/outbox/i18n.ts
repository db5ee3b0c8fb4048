import { registerTranslations } from "../../i18n";

const sv = {
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
    training_survey: "Enkät efter utbildning",
    training_waitlist_promoted: "Plats från väntelistan",
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

const en: typeof sv = {
  title: "Outbox",
  description:
    "Email the platform has sent on the organization's behalf. Choose a subject to read the message.",
  embedded: {
    title: "How the outbox works",
    body: "In the embedded mode, without a mail server, no email is sent. Messages are collected here instead, so invitations and password resets still work: open the message and use its link, or pass the link on to the recipient some other way.",
    smtp: "When the platform is connected to a mail server (SMTP) messages are really sent. They are then listed here without their content, because it holds single-use links and is removed once the message has been sent.",
  },
  table: {
    caption: "Email messages, newest first",
    to: "To",
    subject: "Subject",
    template: "Type",
    status: "Status",
    time: "Time",
  },
  templates: {
    invitation: "Invitation",
    password_reset: "Password reset",
    intervention_published: "Intervention published",
    intervention_returned: "Intervention returned",
    training_cancelled: "Training cancelled",
    training_registration: "Training registration",
    training_request_scheduled: "Training request scheduled",
    training_survey: "Post-training survey",
    training_waitlist_promoted: "Seat from the waiting list",
  },
  transport: {
    outbox: "Outbox (not sent)",
    smtp: "Mail server (SMTP)",
  },
  status: {
    outbox: "In the outbox",
    queued: "Waiting to be sent",
    sent: "Sent",
    failed: "Could not be sent",
  },
  details: {
    to: "To",
    subject: "Subject",
    created: "Created",
    sent: "Sent",
    transport: "Delivery",
    attempts: "Delivery attempts",
    attemptsValue_one: "{{count}} attempt, last",
    attemptsValue_other: "{{count}} attempts, last",
    retrying:
      "The mail server has not accepted the message yet. The platform tries again automatically, at growing intervals.",
    givenUp:
      "The platform has stopped trying to send the message. Pass the link on to the recipient some other way, or repeat what sent it (for example a new invitation).",
    body: "Content",
    noBodySmtp:
      "The message was sent through a mail server. Its content is not kept after sending, because it contains single-use links.",
    noBody: "No text content was stored for this message.",
  },
  empty: "No email yet. When someone is invited or asks to reset their password, the message appears here.",
};

registerTranslations("outbox", { sv, en });
