import { example, IDS } from "../../lib/examples.js";

export const EMAIL = example({
  id: IDS.email,
  to: "erik.svensson@halmstad.se",
  subject: "Du är inbjuden till Samordningsförbundet i Halland",
  text: "Hej!\n\nAnna Lindqvist har bjudit in dig som redaktör i Samordningsförbundet i Halland på NNS-plattformen.\n\nLänken gäller i 7 dagar.",
  html: null,
  template: "invitation",
  transport: "outbox",
  status: "sent",
  attempts: 0,
  lastAttemptAt: null,
  createdAt: "2026-11-26T13:47:12.000Z",
  sentAt: "2026-11-26T13:47:15.000Z",
});
