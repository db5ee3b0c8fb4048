/** What travels between the SDK and the fake Stripe: form-encoded bodies, Stripe's error answers, list pages, signed webhook deliveries. */
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

export type Obj = Record<string, unknown>;

export function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A webhook delivery as Stripe makes it: the event's raw JSON body and a `Stripe-Signature` header made
 * by the SDK's own `generateTestHeaderString` with the endpoint's secret (at `timestamp`, default now).
 */
export function signedEvent(
  type: string,
  dataObject: object,
  secret: string,
  options: { id?: string; timestamp?: number } = {},
): { body: string; signature: string; eventId: string } {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const eventId = options.id ?? `evt_fake${randomBytes(8).toString("hex")}`;
  const body = JSON.stringify({
    id: eventId,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: timestamp,
    type,
    data: { object: dataObject },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  return { body, signature, eventId };
}

/** A list page the way the SDK's auto-pagination reads it: newest first, `starting_after` and `has_more`. */
export function list(url: string, all: Obj[], params: Obj): Obj {
  const limit = params.limit ? Number(params.limit) : 10;
  const after = all.findIndex((o) => o.id === params.starting_after);
  const rest = all.slice(after + 1);
  return { object: "list", url, data: rest.slice(0, limit), has_more: rest.length > limit };
}

/** Stripe's form encoding (`a[b][0][c]=x`) back into objects, with all-numeric keys as arrays. */
export function parseForm(encoded: string): Obj {
  const root: Obj = {};
  for (const [name, value] of new URLSearchParams(encoded)) {
    const path = name.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node = root;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) {
        node[part] = value;
      } else {
        node[part] ??= {};
        node = node[part] as Obj;
      }
    }
  }
  return arraysFromNumericKeys(root) as Obj;
}

function arraysFromNumericKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Obj).map(([k, v]) => [k, arraysFromNumericKeys(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/** An answer in Stripe's error shape: `{ error: { type, message, param } }` with its status. */
export class StripeProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string, param?: string) =>
  new StripeProblem(400, "invalid_request_error", message, param);

export function notFound(path: string): StripeProblem {
  return new StripeProblem(404, "invalid_request_error", `Unrecognized request URL (${path}).`);
}

export function requireString(params: Obj, name: string): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw invalid(`Missing required param: ${name}.`, name);
  return value;
}

/** Stripe takes amounts as whole numbers of the smallest unit: öre. */
export function integer(value: unknown, name: string): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value))
    throw invalid(`Invalid integer: ${String(value)}`, name);
  return Number(value);
}
