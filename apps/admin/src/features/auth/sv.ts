export const sv = {
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
