import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  login: {
    title: "Sign in",
    intro: "Sign in with your email address and password.",
    email: "Email address",
    password: "Password",
    submit: "Sign in",
    forgot: "Forgot your password?",
  },
  reset: {
    requestTitle: "Reset password",
    requestIntro: "Enter your email address and we will send a link where you can choose a new password.",
    send: "Send link",
    sent: "If the address is registered, a link is on its way. It is valid for 30 minutes.",
    setTitle: "Choose a new password",
    newPassword: "New password",
    passwordHint:
      "At least 8 characters, preferably 15 or more. Common passwords, found in lists of leaked passwords, are refused.",
    set: "Save password",
    done: "Your password has been changed. You can sign in with the new one.",
    toLogin: "Go to sign in",
  },
  invitation: {
    title: "Accept invitation",
    intro: "You have been invited to {{organization}} as {{role}} with the address {{email}}.",
    existing: "You already have an account. Enter your current password to join.",
    name: "Your name",
    password: "Choose a password",
    currentPassword: "Your password",
    submit: "Join",
    invalid: "The invitation is invalid, used or expired. Ask the person who invited you for a new one.",
  },
};
