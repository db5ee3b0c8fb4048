/** The invoicing section of a training: NNS drafting invoices, a förbund giving its referens. */
export const invoicing = {
  invoicing: {
    heading: "Fakturering",
    intro:
      "NNS fakturerar varje förbund dess del av kostnaden. Skapa utkast för att se hur fakturorna blir och vad som saknas innan de kan skickas.",
    notYet: "Fakturor kan skapas när utbildningen är bekräftad eller genomförd.",
    draft: "Skapa fakturautkast",
    redraft: "Uppdatera fakturautkasten",
    redraftHint:
      "Har något ändrats, till exempel en tryckkostnad, uppdaterar en ny körning de befintliga utkasten. Redan utfärdade fakturor ändras inte.",
    drafted_one: "Ett fakturautkast är skapat eller uppdaterat.",
    drafted_other: "{{count}} fakturautkast är skapade eller uppdaterade.",
    draftsCaption: "Fakturautkast för {{name}}",
    referenceUsed: "Referens på fakturan",
    noReference: "Ingen referens ännu",
    columns: { line: "Rad", net: "Belopp exkl. moms", vat: "Moms" },
    net: "Summa exkl. moms",
    vat: "Moms",
    total: "Totalt att betala",
    ready: "Klar att utfärdas.",
    issuedNote: "Fakturan är redan utfärdad och ändras inte när utkasten uppdateras.",
    missing: "Det här saknas innan fakturan kan utfärdas:",
    open: "Öppna fakturan för {{name}}",
    issuedNumber: "Faktura {{number}}",
    statusLabel: "Status",
    status: {
      draft: "Utkast",
      issued: "Utfärdad",
      partly_paid: "Delvis betald",
      paid: "Betald",
      partly_credited: "Delvis krediterad",
      credited: "Krediterad",
    },
    referenceHeading: "Er referens för den här utbildningen",
    referenceIntro:
      "Referensen står på NNS faktura för utbildningen så att den hamnar rätt hos er. Anger ni ingen referens här används er standardreferens.",
    referenceLabel: "Referens för utbildningen",
    referenceDefault: "Standardreferens: {{reference}}",
    referenceNoDefault: "Ni har ingen standardreferens. Ange den under Fakturauppgifter.",
    referenceSave: "Spara referens",
    referenceSaved: "Referensen {{reference}} används på fakturan för utbildningen.",
  },
};
