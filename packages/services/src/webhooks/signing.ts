import { createHmac } from "node:crypto";

/**
 * The signature of one delivery: HMAC-SHA256, keyed with the endpoint's secret exactly as shown to
 * people, over `${timestamp}.${rawBody}`, in hex. The timestamp is signed with the body so a captured
 * delivery cannot be replayed later with a fresh timestamp (receivers reject ones older than 5 minutes).
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export const SIGNATURE_HEADERS = {
  id: "Webhook-Id",
  timestamp: "Webhook-Timestamp",
  signature: "Webhook-Signature",
} as const;

/** The headers a delivery carries; `Webhook-Signature` is `v1=<hex>`. */
export function signedHeaders(
  secret: string,
  eventId: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.id]: eventId,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.signature]: `v1=${webhookSignature(secret, timestamp, body)}`,
  };
}
