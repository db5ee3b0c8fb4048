import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  asArray,
  headerValue,
  integer,
  invalid,
  list,
  notFound,
  type Obj,
  parseForm,
  requireString,
  StripeProblem,
} from "./fake-stripe-wire.js";

export { signedEvent } from "./fake-stripe-wire.js";

export interface FakeStripeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  idempotencyKey: string | null;
  params: Obj;
  status: number;
  /** Answered from the idempotency store, as Stripe does for a repeated key. */
  replayed: boolean;
}

/** A fault for the next request that matches: an error status before anything happens, or a response lost after the change was made. */
export type FakeStripeFault = { status: number } | "drop-after-commit";

/**
 * A stateful stand-in for Stripe's API on 127.0.0.1 that the real SDK talks to over HTTP (options
 * host/port/protocol). It keeps customers, invoices and invoice items in memory, computes totals from
 * the items, moves invoices draft → open → paid, records every request, and checks what we send the way
 * Stripe would answer it (400 with Stripe's error shape): currency `sek`, whole-öre integer amounts, an
 * `eu_vat` tax id in Swedish form, an Idempotency-Key of ours (`nns-…`) on every POST (our rule, stricter than Stripe),
 * and a repeated key with other parameters refused as Stripe's `idempotency_error`.
 */
export class FakeStripe {
  readonly secretKey = "sk_test_fake_nns";
  readonly requests: FakeStripeRequest[] = [];
  readonly customers = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly items = new Map<string, Obj>();
  /** Times Stripe would have emailed each invoice. */
  readonly sent = new Map<string, number>();
  #idempotency = new Map<string, { route: string; body: string; status: number; answer: string }>();
  #faults: { method: string; path: RegExp; fault: FakeStripeFault }[] = [];
  #server: Server | null = null;
  #port = 0;
  #sequence = 0;

  /** The options that point a StripeCollection (or the SDK) at this server. */
  get options(): { secretKey: string; host: string; port: number; protocol: "http" } {
    return { secretKey: this.secretKey, host: "127.0.0.1", port: this.#port, protocol: "http" };
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => this.#handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.#port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next request with this method whose path matches answers with the fault, once. */
  failNext(method: string, path: RegExp, fault: FakeStripeFault): void {
    this.#faults.push({ method, path, fault });
  }

  /** Stripe keeps idempotency keys for at least 24 hours; this is the day after, when it has forgotten them. */
  forgetIdempotencyKeys(): void {
    this.#idempotency.clear();
  }

  /** POST requests, in order, as their path and Idempotency-Key. */
  posts(): { path: string; idempotencyKey: string | null; status: number }[] {
    return this.requests
      .filter((r) => r.method === "POST")
      .map(({ path, idempotencyKey, status }) => ({ path, idempotencyKey, status }));
  }

  #handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const key = headerValue(req.headers["idempotency-key"]);
    const query = Object.fromEntries(url.searchParams);
    const params = method === "POST" ? parseForm(body) : parseForm(url.search.slice(1));
    const record: FakeStripeRequest = {
      method,
      path: url.pathname,
      query,
      idempotencyKey: key,
      params,
      status: 0,
      replayed: false,
    };
    this.requests.push(record);
    const answer = (status: number, payload: Obj, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const faultAt = this.#faults.findIndex((f) => f.method === method && f.path.test(url.pathname));
    const fault = faultAt >= 0 ? this.#faults.splice(faultAt, 1)[0]?.fault : undefined;
    if (fault && fault !== "drop-after-commit") {
      answer(fault.status, { error: { type: "api_error", message: "Simulated failure before processing." } });
      return;
    }
    try {
      if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
        throw new StripeProblem(401, "invalid_request_error", "Invalid API Key provided.");
      }
      const route = `${method} ${url.pathname}`;
      if (method === "POST") {
        // The SDK puts a random key on every POST we leave without one; only ours survive a restart.
        if (!key?.startsWith("nns-")) {
          throw invalid(
            `Every POST must carry an Idempotency-Key derived from our ids (nns-…), not ${key ?? "none"}.`,
          );
        }
        const earlier = this.#idempotency.get(key);
        if (earlier) {
          if (earlier.route !== route || earlier.body !== body) {
            throw new StripeProblem(
              400,
              "idempotency_error",
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            );
          }
          record.replayed = true;
          answer(earlier.status, JSON.parse(earlier.answer), { "idempotent-replayed": "true" });
          return;
        }
      }
      const result = this.#route(method, url.pathname, params);
      // The answer as it was then, as Stripe replays it: not the object as it is now.
      if (method === "POST" && key)
        this.#idempotency.set(key, { route, body, status: 200, answer: JSON.stringify(result) });
      if (fault === "drop-after-commit") {
        record.status = -1;
        res.socket?.destroy();
        return;
      }
      answer(200, result);
    } catch (error) {
      if (!(error instanceof StripeProblem)) throw error;
      answer(error.status, {
        error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}) },
      });
    }
  }

  #route(method: string, path: string, params: Obj): Obj {
    const parts = path.split("/").filter(Boolean);
    const [version, resource, id, action] = parts;
    if (version !== "v1") throw notFound(path);
    if (resource === "customers") {
      if (method === "POST" && !id) return this.#createCustomer(params);
      if (method === "GET" && id && !action) return this.#get(this.customers, id, "customer");
      if (method === "GET" && id && action === "tax_ids") {
        const customer = this.#get(this.customers, id, "customer");
        return list(`/v1/customers/${id}/tax_ids`, (customer.tax_ids as { data: Obj[] }).data, params);
      }
    }
    if (resource === "invoices") {
      if (method === "POST" && !id) return this.#createInvoice(params);
      if (method === "GET" && !id) {
        const all = [...this.invoices.values()].filter(
          (i) => !params.customer || i.customer === params.customer,
        );
        return list("/v1/invoices", all.reverse(), params);
      }
      if (method === "GET" && id && !action) return this.#invoice(id);
      if (method === "POST" && id && !action) return this.#updateInvoice(id, params);
      if (method === "POST" && id && action === "finalize") return this.#finalize(id);
      if (method === "POST" && id && action === "send") return this.#send(id);
      if (method === "POST" && id && action === "pay") return this.#pay(id, params);
    }
    if (resource === "invoiceitems") {
      if (method === "POST" && !id) return this.#createItem(params);
      if (method === "GET" && !id) {
        const all = [...this.items.values()].filter((i) => !params.invoice || i.invoice === params.invoice);
        return list("/v1/invoiceitems", all.reverse(), params);
      }
    }
    throw notFound(path);
  }

  #id(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}_fake${String(this.#sequence).padStart(6, "0")}${randomBytes(4).toString("hex")}`;
  }

  #get(store: Map<string, Obj>, id: string, what: string): Obj {
    const found = store.get(id);
    if (!found) throw new StripeProblem(404, "invalid_request_error", `No such ${what}: '${id}'`, "id");
    return found;
  }

  #createCustomer(params: Obj): Obj {
    const taxIds = (asArray(params.tax_id_data) as Obj[]).map((taxId, index) => {
      if (taxId.type !== "eu_vat")
        throw invalid(
          `Unsupported tax id type for NNS: ${String(taxId.type)}.`,
          `tax_id_data[${index}][type]`,
        );
      if (typeof taxId.value !== "string" || !/^SE\d{10}01$/.test(taxId.value)) {
        throw invalid(`Invalid value for eu_vat: ${String(taxId.value)}.`, `tax_id_data[${index}][value]`);
      }
      return { id: this.#id("txi"), object: "tax_id", type: "eu_vat", value: taxId.value, country: "SE" };
    });
    const id = this.#id("cus");
    const customer: Obj = {
      id,
      object: "customer",
      name: params.name ?? null,
      email: params.email ?? null,
      address: params.address ?? null,
      preferred_locales: asArray(params.preferred_locales),
      metadata: params.metadata ?? {},
      tax_ids: { object: "list", data: taxIds, has_more: false, url: `/v1/customers/${id}/tax_ids` },
      created: now(),
      livemode: false,
    };
    this.customers.set(id, customer);
    return customer;
  }

  #createInvoice(params: Obj): Obj {
    const customer = this.#get(this.customers, requireString(params, "customer"), "customer");
    if (params.currency !== "sek")
      throw invalid("NNS invoices are in SEK: currency must be `sek`.", "currency");
    if (params.collection_method !== "send_invoice")
      throw invalid("Expected collection_method=send_invoice.", "collection_method");
    const days = integer(params.days_until_due, "days_until_due");
    if (params.number !== undefined && [...this.invoices.values()].some((i) => i.number === params.number)) {
      throw invalid(`Invoice number ${String(params.number)} is already in use.`, "number");
    }
    const id = this.#id("in");
    const invoice: Obj = {
      id,
      object: "invoice",
      customer: customer.id,
      customer_email: customer.email,
      currency: "sek",
      collection_method: "send_invoice",
      days_until_due: days,
      due_date: null,
      number: params.number ?? null,
      auto_advance: params.auto_advance === "true",
      description: params.description ?? null,
      footer: params.footer ?? null,
      custom_fields: asArray(params.custom_fields),
      metadata: params.metadata ?? {},
      status: "draft",
      subtotal: 0,
      total: 0,
      amount_due: 0,
      amount_paid: 0,
      amount_remaining: 0,
      hosted_invoice_url: null,
      status_transitions: {
        finalized_at: null,
        paid_at: null,
        voided_at: null,
        marked_uncollectible_at: null,
      },
      created: now(),
      livemode: false,
    };
    this.invoices.set(id, invoice);
    return invoice;
  }

  #invoice(id: string): Obj {
    const invoice = this.#get(this.invoices, id, "invoice");
    if (invoice.status === "draft") {
      const total = [...this.items.values()]
        .filter((i) => i.invoice === id)
        .reduce((sum, i) => sum + (i.amount as number), 0);
      Object.assign(invoice, { subtotal: total, total, amount_due: total, amount_remaining: total });
    }
    return invoice;
  }

  #updateInvoice(id: string, params: Obj): Obj {
    const invoice = this.#invoice(id);
    const unknown = Object.keys(params).filter((k) => k !== "metadata");
    if (unknown.length > 0)
      throw invalid(`The fake updates metadata only, not ${unknown.join(", ")}.`, unknown[0]);
    invoice.metadata = { ...(invoice.metadata as Obj), ...(params.metadata as Obj) };
    return invoice;
  }

  #createItem(params: Obj): Obj {
    const customer = this.#get(this.customers, requireString(params, "customer"), "customer");
    const invoice = this.#invoice(requireString(params, "invoice"));
    if (invoice.customer !== customer.id)
      throw invalid("The invoice belongs to another customer.", "invoice");
    if (invoice.status !== "draft")
      throw invalid(
        `Invoice ${String(invoice.id)} is ${String(invoice.status)}; items can only be added to a draft.`,
        "invoice",
      );
    if (params.currency !== "sek")
      throw invalid("NNS invoices are in SEK: currency must be `sek`.", "currency");
    const amount = integer(params.amount, "amount");
    const id = this.#id("ii");
    const item: Obj = {
      id,
      object: "invoiceitem",
      customer: customer.id,
      invoice: invoice.id,
      amount,
      currency: "sek",
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      date: now(),
      livemode: false,
    };
    this.items.set(id, item);
    return item;
  }

  #finalize(id: string): Obj {
    const invoice = this.#invoice(id);
    if (invoice.status !== "draft")
      throw invalid(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`);
    const finalizedAt = now();
    Object.assign(invoice, {
      status: "open",
      number: invoice.number ?? `FAKE-${this.#sequence}`,
      due_date: finalizedAt + (invoice.days_until_due as number) * 86_400,
      hosted_invoice_url: `https://invoice.stripe.com/i/fake/${id}`,
      status_transitions: { ...(invoice.status_transitions as Obj), finalized_at: finalizedAt },
    });
    return invoice;
  }

  #send(id: string): Obj {
    const invoice = this.#invoice(id);
    if (invoice.status !== "open")
      throw invalid(`You can only send an open invoice; this one is ${String(invoice.status)}.`);
    if (!invoice.customer_email) throw invalid("The customer has no email address to send the invoice to.");
    this.sent.set(id, (this.sent.get(id) ?? 0) + 1);
    return invoice;
  }

  #pay(id: string, params: Obj): Obj {
    const invoice = this.#invoice(id);
    if (invoice.status === "paid") throw invalid("Invoice is already paid.");
    if (invoice.status !== "open")
      throw invalid(`You can only pay an open invoice; this one is ${String(invoice.status)}.`);
    if (params.paid_out_of_band !== "true")
      throw invalid("The fake only takes payments made out of band.", "paid_out_of_band");
    Object.assign(invoice, {
      status: "paid",
      amount_paid: invoice.total,
      amount_remaining: 0,
      status_transitions: { ...(invoice.status_transitions as Obj), paid_at: now() },
    });
    return invoice;
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
