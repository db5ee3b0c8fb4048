import { example } from "../../lib/examples.js";

export const SENDING_PROGRESS = example({
  status: "sending",
  total: 1840,
  sent: 1210,
  failed: 3,
  pending: 620,
  skipped: 7,
  cancelled: 0,
  bounced: 2,
  unsubscribed: 4,
});

export const TEST_SEND = example({ to: "anna.lindqvist@halland.samordning.se" });
