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
    body: "Content",
    noBodySmtp:
      "The message was sent through a mail server. Its content is not kept after sending, because it contains single-use links.",
    noBody: "No text content was stored for this message.",
  },
  empty: "No email yet. When someone is invited or asks to reset their password, the message appears here.",
};

registerTranslations("outbox", { sv, en });
