import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
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
    training_request_reopened: "Training request reopened",
    training_survey: "Post-training survey",
    training_waitlist_promoted: "Seat from the waiting list",
    webhook_disabled: "Webhook endpoint disabled",
    invoice_issued: "Invoice",
    credit_note_issued: "Credit note",
    newsletter_confirmation: "Confirm newsletter subscription",
    newsletter_test: "Newsletter test message",
    progression_reminder: "Measurement reminder",
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
