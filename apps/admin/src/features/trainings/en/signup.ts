import type { Translations } from "../../../i18n/types";
import type { signup as sv } from "../sv/signup";

export const signup: Translations<typeof sv> = {
  publicSignup: {
    heading: "Public sign-up",
    intro:
      "Let attendees sign themselves up on a public page. They get the same seats and waiting list as those you register, a confirmation email with a calendar invitation and a link to cancel.",
    open: "Sign-up is open on the public page.",
    openUntil: "Sign-up is open on the public page until {{date}}.",
    closed: "Sign-up on the public page is closed.",
    address: "Public page:",
    copy: "Copy the address",
    copied: "The address is copied.",
    copyFailed: "The address could not be copied. Select it and copy it yourself.",
    openLabel: "Open for sign-up on the public page",
    lastDay: "Last day to sign up",
    lastDayHint:
      "Optional. Sign-up closes at midnight. Without a date people can sign up until the event starts.",
    consentText: "Consent text",
    consentHint:
      "What a person accepts when signing up. A changed text is saved as a new version; earlier sign-ups keep the version they accepted.",
    save: "Save sign-up",
    savedOpen: "Sign-up is open. Share the public page's address.",
    savedClosed: "Sign-up on the public page is closed.",
  },
};
