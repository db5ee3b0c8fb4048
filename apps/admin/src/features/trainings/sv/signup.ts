/** The public sign-up section of a förbund's own event. */
export const signup = {
  publicSignup: {
    heading: "Öppen anmälan",
    intro:
      "Låt deltagarna anmäla sig själva på en publik sida. De får samma platser och väntelista som de ni anmäler, ett bekräftelsemejl med kalenderinbjudan och en länk för att avboka.",
    open: "Anmälan är öppen på den publika sidan.",
    openUntil: "Anmälan är öppen på den publika sidan till {{date}}.",
    closed: "Anmälan på den publika sidan är stängd.",
    address: "Publik sida:",
    copy: "Kopiera adressen",
    copied: "Adressen är kopierad.",
    copyFailed: "Adressen kunde inte kopieras. Markera den och kopiera själv.",
    openLabel: "Öppna för anmälan på den publika sidan",
    lastDay: "Sista anmälningsdag",
    lastDayHint:
      "Frivilligt. Anmälan stänger vid midnatt. Utan datum går det att anmäla sig tills evenemanget börjar.",
    consentText: "Samtyckestext",
    consentHint:
      "Det här godkänner den som anmäler sig. Ändrar ni texten sparas den som en ny version; tidigare anmälningar behåller den version de godkände.",
    save: "Spara anmälan",
    savedOpen: "Anmälan är öppen. Dela adressen till den publika sidan.",
    savedClosed: "Anmälan på den publika sidan är stängd.",
  },
};
