import type { Deps } from "../context.js";

/** How the newsletter sender paces and retries; ServiceConfig.newsletters.sending overrides any of it. */
export interface NewsletterSendingPolicy {
  /** Jobs per issue: lanes that claim and send side by side, in one process or spread over several. */
  parallelism: number;
  /** Deliveries a lane claims at a time (fewer when the rate allows fewer a second). */
  batchSize: number;
  /** Open connections of the process's pooled SMTP transport. */
  maxConnections: number;
  /** How long a claim holds its rows; after it, another sender may take what was not sent. */
  leaseMs: number;
  /** The longest a sent row waits before it is marked sent (the duplicate window, see sender.ts). */
  flushMs: number;
  /** A message the server refused for now (4xx): first wait, doubling up to the cap, and the give-up. */
  retryFirstDelayMs: number;
  retryMaxDelayMs: number;
  maxAttempts: number;
  /** The server unreachable: this process waits, doubling up to the cap, without using up attempts. */
  outageFirstDelayMs: number;
  outageMaxDelayMs: number;
  /** A job hands its issue on to a fresh job after this long, so none outlives the queue's expiry. */
  sliceMs: number;
}

export const DEFAULT_SENDING_POLICY: NewsletterSendingPolicy = {
  parallelism: 4,
  batchSize: 50,
  maxConnections: 8,
  leaseMs: 120_000,
  flushMs: 5,
  retryFirstDelayMs: 60_000,
  retryMaxDelayMs: 3_600_000,
  maxAttempts: 8,
  outageFirstDelayMs: 1_000,
  outageMaxDelayMs: 60_000,
  sliceMs: 120_000,
};

export const DEFAULT_SEND_RATE_PER_SECOND = 50;

export function sendingPolicy(deps: Deps): NewsletterSendingPolicy {
  return { ...DEFAULT_SENDING_POLICY, ...deps.config.newsletters?.sending };
}
