/**
 * Every kind of e-mail the platform composes (the outbox's `template`). The services' composeEmail accepts
 * only these, so a new kind cannot be sent before it is listed here, and the admin's test then asks for
 * its Swedish label.
 */
export const EMAIL_TEMPLATES = [
  "invitation",
  "password_reset",
  "intervention_published",
  "intervention_returned",
  "training_cancelled",
  "training_registration",
  "training_request_scheduled",
  "training_request_reopened",
  "training_survey",
  "training_waitlist_promoted",
  "webhook_disabled",
  "invoice_issued",
  "credit_note_issued",
  "newsletter_confirmation",
  "newsletter_test",
  "progression_reminder",
] as const;

export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];
