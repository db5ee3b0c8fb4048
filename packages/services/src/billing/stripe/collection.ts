import { AppError, fieldError, type InvoiceBuyer, type InvoiceDocument } from "@nns/domain";
import Stripe from "stripe";
import { verifyStripeEvent } from "./events.js";

export interface StripeCollectionOptions {
  secretKey: string;
  /** Another API host, e.g. the fake Stripe of the tests; Stripe's own when absent. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  /** The SDK's retries of connection errors, 409 and 5xx, each with the same idempotency key. Default 2. */
  maxNetworkRetries?: number;
  /** Another transport (a proxy, or a test that cuts the connection at a chosen step). */
  httpClient?: Stripe.HttpClient;
}

/**
 * The idempotency key of one call to Stripe, derived only from our ids and the operation, so that a job
 * retried after a crash or a lost response sends the same key and Stripe answers with the object it made
 * the first time instead of making a second one.
 */
export function stripeIdempotencyKey(
  subject: { organizationId: string } | { invoiceId: string },
  operation?: string,
): string {
  if ("organizationId" in subject) return `nns-customer-${subject.organizationId}`;
  return `nns-invoice-${subject.invoiceId}-${operation}`;
}

const SWEDISH_VAT_NUMBER = /^SE\d{10}01$/;
/** Stripe's limit on a custom field's value. */
const CUSTOM_FIELD_MAX = 140;

/**
 * Collection of issued invoices through Stripe, for förbund set to pay by Stripe. Our ledger stays the
 * source of truth: Stripe gets a copy of the finished invoice (same number, same lines, same total in
 * öre) to send and collect, and tells us through webhooks when it is paid. Every call is idempotent
 * (see `stripeIdempotencyKey`) and every method can be run again after a crash and converges.
 */
export class StripeCollection {
  readonly #stripe: Stripe;

  constructor(options: StripeCollectionOptions) {
    this.#stripe = new Stripe(options.secretKey, {
      apiVersion: Stripe.API_VERSION,
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      telemetry: false,
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
      ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    });
  }

  /** The buyer's Stripe customer: the one we already have, else a new one made once per organization. */
  async ensureCustomer(buyer: InvoiceBuyer, existingCustomerId: string | null): Promise<string> {
    if (existingCustomerId) return existingCustomerId;
    if (!buyer.invoiceEmail) {
      throw fieldError(
        "buyer.invoiceEmail",
        "required",
        "Ett förbund som betalar via Stripe behöver en e-postadress för fakturor: Stripe skickar fakturan dit.",
      );
    }
    if (buyer.vatNumber !== null && !SWEDISH_VAT_NUMBER.test(buyer.vatNumber)) {
      throw fieldError(
        "buyer.vatNumber",
        "invalid_format",
        "Momsregistreringsnumret ska vara SE, organisationsnumrets tio siffror och 01.",
      );
    }
    const customer = await this.#stripe.customers.create(
      {
        name: buyer.legalName,
        email: buyer.invoiceEmail,
        address: {
          line1: buyer.address.street,
          ...(buyer.address.additionalStreet ? { line2: buyer.address.additionalStreet } : {}),
          postal_code: buyer.address.postalCode,
          city: buyer.address.city,
          country: buyer.address.countryCode,
        },
        preferred_locales: ["sv"],
        metadata: { organizationId: buyer.organizationId, organizationNumber: buyer.organizationNumber },
        ...(buyer.vatNumber ? { tax_id_data: [{ type: "eu_vat", value: buyer.vatNumber }] } : {}),
      },
      { idempotencyKey: stripeIdempotencyKey({ organizationId: buyer.organizationId }) },
    );
    return customer.id;
  }

  /**
   * Mirrors an issued invoice as a Stripe invoice and has Stripe send it. Run again for the same invoice
   * (a retried job, a crash between two calls) it finds the Stripe invoice it made before by our invoice
   * id in its metadata, adds only the items that are missing, and finalizes and sends only what is not yet.
   */
  async mirrorInvoice(
    doc: InvoiceDocument,
    ids: { invoiceId: string; customerId: string },
  ): Promise<{ stripeInvoiceId: string }> {
    if (doc.kind !== "invoice" || doc.dueDate === null) {
      throw new AppError(
        "unprocessable",
        "Bara fakturor speglas i Stripe; en kreditnota regleras i vår reskontra och återbetalas i Stripe för hand.",
      );
    }
    let invoice = (await this.#findMirror(ids)) ?? (await this.#createDraft(doc, ids));
    if (invoice.status === "draft") {
      await this.#addMissingItems(doc, invoice.id, ids);
      const draft = await this.#stripe.invoices.retrieve(invoice.id);
      if (draft.total !== doc.totalOre) {
        throw new AppError(
          "internal",
          `Stripe-fakturan ${invoice.id} summerar till ${draft.total} öre men faktura ${doc.number} till ${doc.totalOre} öre; den slutförs inte.`,
        );
      }
      invoice = await this.#stripe.invoices.finalizeInvoice(
        invoice.id,
        {},
        { idempotencyKey: stripeIdempotencyKey(ids, "finalize") },
      );
    }
    // A rerun within Stripe's 24 hours of idempotency replays the send; later it sends a reminder.
    if (invoice.status === "open") {
      await this.#stripe.invoices.sendInvoice(
        invoice.id,
        {},
        { idempotencyKey: stripeIdempotencyKey(ids, "send") },
      );
    }
    return { stripeInvoiceId: invoice.id };
  }

  /**
   * Marks the Stripe invoice paid outside Stripe after the förbund paid by bankgiro. The metadata says so
   * first, because the `invoice.paid` event that follows carries no other sign of it, and our webhook
   * must not register the same money a second time. An invoice already paid is left as it is.
   */
  async markPaidOutOfBand(stripeInvoiceId: string, invoiceId: string): Promise<void> {
    const invoice = await this.#stripe.invoices.retrieve(stripeInvoiceId);
    if (invoice.status === "paid") return;
    if (invoice.metadata?.paidOutOfBand !== "true") {
      await this.#stripe.invoices.update(
        stripeInvoiceId,
        { metadata: { paidOutOfBand: "true" } },
        { idempotencyKey: stripeIdempotencyKey({ invoiceId }, "mark-out-of-band") },
      );
    }
    try {
      await this.#stripe.invoices.pay(
        stripeInvoiceId,
        { paid_out_of_band: true },
        { idempotencyKey: stripeIdempotencyKey({ invoiceId }, "paid-out-of-band") },
      );
    } catch (error) {
      // Paid by card between our read and our call: the goal is reached, whoever reached it.
      if ((await this.#stripe.invoices.retrieve(stripeInvoiceId)).status === "paid") return;
      throw error;
    }
  }

  /** A webhook delivery, verified against its `Stripe-Signature` header; see `verifyStripeEvent`. */
  parseEvent(
    rawBody: string | Buffer,
    signatureHeader: string | undefined,
    webhookSecret: string,
  ): Stripe.Event {
    return verifyStripeEvent(rawBody, signatureHeader, webhookSecret);
  }

  async #findMirror(ids: { invoiceId: string; customerId: string }): Promise<Stripe.Invoice | null> {
    // Listing, not search: search is eventually consistent and could miss an invoice made a moment ago.
    for await (const invoice of this.#stripe.invoices.list({ customer: ids.customerId, limit: 100 })) {
      if (invoice.metadata?.ourInvoiceId === ids.invoiceId) return invoice;
    }
    return null;
  }

  #createDraft(
    doc: InvoiceDocument,
    ids: { invoiceId: string; customerId: string },
  ): Promise<Stripe.Invoice> {
    const seller = doc.seller;
    const footer = [
      seller.legalName,
      `Org.nr ${seller.organizationNumber}`,
      `Momsreg.nr ${seller.vatNumber}`,
      ...(seller.fSkatt ? ["Godkänd för F-skatt"] : []),
    ].join(" · ");
    return this.#stripe.invoices.create(
      {
        customer: ids.customerId,
        collection_method: "send_invoice",
        days_until_due: daysBetween(doc.issueDate, doc.dueDate ?? doc.issueDate),
        currency: "sek",
        number: doc.number,
        auto_advance: false,
        pending_invoice_items_behavior: "exclude",
        description: doc.note,
        footer,
        custom_fields: [{ name: "Er referens", value: doc.buyerReference.slice(0, CUSTOM_FIELD_MAX) }],
        metadata: { ourInvoiceId: ids.invoiceId, ourInvoiceNumber: doc.number },
      },
      { idempotencyKey: stripeIdempotencyKey(ids, "create") },
    );
  }

  async #addMissingItems(
    doc: InvoiceDocument,
    stripeInvoiceId: string,
    ids: { invoiceId: string; customerId: string },
  ): Promise<void> {
    const present = new Set<string>();
    for await (const item of this.#stripe.invoiceItems.list({ invoice: stripeInvoiceId, limit: 100 })) {
      present.add(`${item.metadata?.position}-${item.metadata?.part}`);
    }
    for (const item of stripeItems(doc)) {
      if (present.has(`${item.position}-${item.part}`)) continue;
      await this.#stripe.invoiceItems.create(
        {
          customer: ids.customerId,
          invoice: stripeInvoiceId,
          amount: item.amountOre,
          currency: "sek",
          description: item.description,
          metadata: { ourInvoiceId: ids.invoiceId, position: String(item.position), part: item.part },
        },
        { idempotencyKey: stripeIdempotencyKey(ids, item.keySuffix) },
      );
    }
  }
}

interface StripeItem {
  position: number;
  part: "net" | "vat";
  amountOre: number;
  description: string;
  keySuffix: string;
}

/**
 * Each line becomes one item for its net amount and, when it carries VAT, one for its VAT, both in öre
 * exactly as our document has them. Stripe tax rates would make Stripe compute the VAT again with its own
 * rounding, which could differ from ours by an öre; two items keep the Stripe total equal to ours.
 */
export function stripeItems(doc: InvoiceDocument): StripeItem[] {
  return doc.lines.flatMap((line): StripeItem[] => {
    const net: StripeItem = {
      position: line.position,
      part: "net",
      amountOre: line.netOre,
      description: line.description,
      keySuffix: `item-${line.position}`,
    };
    if (line.vatOre === 0) return [net];
    const rate = (line.vatRateBasisPoints / 100).toLocaleString("sv-SE");
    return [
      net,
      {
        position: line.position,
        part: "vat",
        amountOre: line.vatOre,
        description: `Moms ${rate} % på rad ${line.position}`,
        keySuffix: `item-${line.position}-vat`,
      },
    ];
  });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
