export const sv = {
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
