import { registerTranslations } from "../../i18n";

const sv = {
  login: {
    title: "Logga in",
    intro: "Logga in med din e-postadress och ditt lösenord.",
    email: "E-postadress",
    password: "Lösenord",
    submit: "Logga in",
    forgot: "Glömt lösenordet?",
  },
  reset: {
    requestTitle: "Återställ lösenord",
    requestIntro: "Ange din e-postadress så skickar vi en länk där du kan välja ett nytt lösenord.",
    send: "Skicka länk",
    sent: "Om adressen finns hos oss har vi skickat en länk. Den gäller i 30 minuter.",
    setTitle: "Välj nytt lösenord",
    newPassword: "Nytt lösenord",
    passwordHint:
      "Minst 8 tecken, gärna 15 eller fler. Vanliga lösenord, som finns i listor över läckta lösenord, godtas inte.",
    set: "Spara lösenord",
    done: "Lösenordet är bytt. Du kan logga in med det nya lösenordet.",
    toLogin: "Till inloggningen",
  },
  invitation: {
    title: "Acceptera inbjudan",
    intro: "Du har bjudits in till {{organization}} som {{role}} med adressen {{email}}.",
    existing: "Du har redan ett konto. Ange ditt nuvarande lösenord för att gå med.",
    name: "Ditt namn",
    password: "Välj lösenord",
    currentPassword: "Ditt lösenord",
    submit: "Gå med",
    invalid: "Inbjudan är ogiltig, redan använd eller för gammal. Be den som bjöd in dig om en ny.",
  },
};

const en: typeof sv = {
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

registerTranslations("auth", { sv, en });
