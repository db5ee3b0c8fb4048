import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "My account",
  description: "Your details, your password and where you are signed in.",
  profile: {
    title: "Your details",
    name: "Name",
    email: "Email address",
  },
  password: {
    title: "Change password",
    intro: "When you change your password you are signed out of all other sessions. This session continues.",
    current: "Current password",
    new: "New password",
    hint: "At least 8 characters, preferably 15 or more. Common passwords, found in lists of leaked passwords, are refused.",
    submit: "Change password",
    done: "Your password has been changed. Your other sessions have been signed out.",
  },
  sessions: {
    title: "Active sessions",
    intro:
      "This is where you are signed in. If you do not recognise a session, sign out the others and change your password.",
    caption: "Your active sessions",
    browser: "Browser",
    created: "Signed in",
    lastActive: "Last active",
    ipAddress: "IP address",
    current: "This session",
    unknownBrowser: "Unknown browser",
    unknownIp: "Unknown",
    browserOnOs: "{{browser}} on {{os}}",
    signOutOthers: "Sign out other sessions",
    confirmTitle: "Sign out other sessions?",
    confirmBody:
      "All your sessions except this one are ended. Whoever uses them must sign in again. You stay signed in here.",
    confirm: "Sign out others",
    signedOut: "Your other sessions have been signed out.",
    noOthers: "You are not signed in anywhere else.",
  },
  language: {
    title: "Language",
    label: "Interface language",
    description: "The choice is saved in this browser.",
  },
};
