/**
 * A sending process for newsletter-sender-crash.test.ts: the job queue and the newsletter sender on the
 * database and SMTP server named in the environment, until it is killed. Prints "ready" once working.
 */
import { openDatabase } from "@nns/db";
import { newsletterSender } from "../src/index.js";
import { testDeps } from "./deps.js";
import { CRASH_TEST_NEWSLETTERS } from "./newsletter-fixtures.js";

const db = await openDatabase({
  mode: "server",
  url: process.env.SENDER_DB_OWNER_URL as string,
  appUrl: process.env.SENDER_DB_APP_URL as string,
  appPassword: null,
  poolMax: 6,
});
const deps = testDeps(db, {
  config: { newsletters: CRASH_TEST_NEWSLETTERS },
  mail: { smtpUrl: process.env.SENDER_SMTP_URL as string, from: "NNS-plattformen <no-reply@nns.localhost>" },
});
await deps.jobs.start();
await newsletterSender(deps).start();
process.stdout.write("ready\n");
