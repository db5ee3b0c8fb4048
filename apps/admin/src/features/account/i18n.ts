import { registerTranslations } from "../../i18n";

const sv = {
  title: "Mitt konto",
  description: "Dina uppgifter, ditt lösenord och var du är inloggad.",
  profile: {
    title: "Dina uppgifter",
    name: "Namn",
    email: "E-postadress",
  },
  password: {
    title: "Byt lösenord",
    intro: "När du byter lösenord loggas du ut från alla andra sessioner. Den här sessionen fortsätter.",
    current: "Nuvarande lösenord",
    new: "Nytt lösenord",
    hint: "Minst 8 tecken, gärna 15 eller fler. Vanliga lösenord, som finns i listor över läckta lösenord, godtas inte.",
    submit: "Byt lösenord",
    done: "Lösenordet är bytt. Dina andra sessioner har loggats ut.",
  },
  sessions: {
    title: "Aktiva sessioner",
    intro:
      "Här ser du var du är inloggad. Känner du inte igen en session, logga ut övriga sessioner och byt lösenord.",
    caption: "Dina aktiva sessioner",
    browser: "Webbläsare",
    created: "Inloggad",
    lastActive: "Senast aktiv",
    ipAddress: "IP-adress",
    current: "Den här sessionen",
    unknownBrowser: "Okänd webbläsare",
    unknownIp: "Okänd",
    browserOnOs: "{{browser}} på {{os}}",
    signOutOthers: "Logga ut övriga sessioner",
    confirmTitle: "Logga ut övriga sessioner?",
    confirmBody:
      "Alla dina sessioner utom den här avslutas. Den som använder dem måste logga in igen. Du fortsätter vara inloggad här.",
    confirm: "Logga ut övriga",
    signedOut: "Övriga sessioner har loggats ut.",
    noOthers: "Du är inte inloggad någon annanstans.",
  },
  language: {
    title: "Språk",
    label: "Språk i gränssnittet",
    description: "Valet sparas i den här webbläsaren.",
  },
};

const en: typeof sv = {
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

registerTranslations("account", { sv, en });
