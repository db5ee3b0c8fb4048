import { example, IDS } from "../../lib/examples.js";

export const INVITATION = example({
  id: IDS.invitation,
  email: "erik.svensson@halmstad.se",
  role: "editor",
  status: "pending",
  expiresAt: "2026-12-03T13:47:12.000Z",
  createdAt: "2026-11-26T13:47:12.000Z",
});
