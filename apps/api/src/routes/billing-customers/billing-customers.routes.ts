import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { HALLAND } from "../../lib/examples.js";
import { jsonBody, jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";

const tags = ["Billing"];

const CustomerParams = OrgIdParams.extend({
  buyerOrganizationId: z
    .uuid()
    .openapi({ param: { name: "buyerOrganizationId", in: "path" }, description: "The förbund invoiced" }),
});

const CUSTOMER = {
  buyerOrganizationId: HALLAND.id,
  organizationName: HALLAND.name,
  paymentMethod: "stripe" as const,
  stripeCustomerId: "cus_R2x9KqT0abcDEF",
  stripeAvailable: true,
};

const CustomerSchema = z
  .object({
    buyerOrganizationId: z.uuid(),
    organizationName: z.string(),
    paymentMethod: z.enum(["bankgiro", "stripe"]),
    stripeCustomerId: z
      .string()
      .nullable()
      .openapi({ description: "Made with the first invoice sent to Stripe" }),
    stripeAvailable: z.boolean().openapi({ description: "Whether this installation has a Stripe key" }),
  })
  .openapi("BillingCustomer", { example: CUSTOMER });

export const getBillingCustomer = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/customers/{buyerOrganizationId}",
    tags,
    operationId: "getBillingCustomer",
    summary: "Get how a förbund pays",
    description:
      "How NNS collects the förbund's invoices: `bankgiro` (the default, also for a förbund never set) or " +
      "`stripe`, with its Stripe customer once one exists. Needs `billing:manage` (NNS).",
    request: { params: CustomerParams },
    responses: { 200: jsonResponse(CustomerSchema, "The förbund as a customer"), ...problems(401, 403, 404) },
  },
);

export const putBillingCustomer = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/billing/customers/{buyerOrganizationId}",
    tags,
    operationId: "updateBillingCustomer",
    summary: "Set how a förbund pays",
    description:
      "From now on, invoices issued to the förbund are collected by `bankgiro` or by `stripe` (mirrored as a " +
      "Stripe invoice that Stripe sends and collects; our ledger stays the record). `stripe` needs a Stripe " +
      "key on this installation (409 with the reason otherwise) and an invoice email in the förbund's " +
      "invoicing details (422). Invoices already issued are not moved. Needs `billing:manage` (NNS). Audited " +
      "as `billing_customer.payment_method_changed`.",
    request: {
      params: CustomerParams,
      body: jsonBody(z.object({ paymentMethod: z.enum(["bankgiro", "stripe"]) }).strict(), {
        paymentMethod: "stripe",
      }),
    },
    responses: { 200: jsonResponse(CustomerSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 422) },
  },
);
