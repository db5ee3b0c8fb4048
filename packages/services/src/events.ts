import { channel } from "node:diagnostics_channel";

/**
 * What the background work reports for metrics, on Node's diagnostics channels: publishing to a channel
 * without subscribers costs nothing, and the services need not know who counts (apps/api's metrics
 * subscribe when METRICS_ENABLED is on; docs/observability.md).
 */
export const EVENT_CHANNELS = {
  /** An email handed to the SMTP server: `{ transport: "smtp" }`. */
  emailSent: "nns.email.sent",
  /** A delivery attempt the SMTP server refused or that failed: `{ gaveUp: boolean }`. */
  emailFailed: "nns.email.failed",
  /** A job whose handler threw (the queue retries it): `{ queue: string }`. */
  jobFailed: "nns.job.failed",
} as const;

export const emailSentChannel = channel(EVENT_CHANNELS.emailSent);
export const emailFailedChannel = channel(EVENT_CHANNELS.emailFailed);
export const jobFailedChannel = channel(EVENT_CHANNELS.jobFailed);
