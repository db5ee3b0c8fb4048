import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  Email,
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";
import {
  INVOICING_DETAILS,
  INVOICING_DETAILS_INPUT,
  SELLER_SETTINGS,
  SELLER_SETTINGS_INPUT,
  TRAINING_REFERENCE,
} from "./billing-settings.examples.js";

const tags = ["Billing settings"];

const AddressInput = z
  .object({
    street: nonBlank(1).max(200),
    additionalStreet: z.string().trim().max(200).nullable().optional(),
    postalCode: z
      .string()
      .regex(/^\s*\d{3}\s?\d{2}\s*$/, "five digits, with or without a space after the third")
      .openapi({ description: "Five digits, with or without the space: 302 31" }),
    city: nonBlank(1).max(100),
  })
  .strict();

const Address = z.object({
  street: z.string(),
  additionalStreet: z.string().nullable(),
  postalCode: z.string().openapi({ example: "302 31" }),
  city: z.string(),
  countryCode: z.string().openapi({ example: "SE" }),
});

const OrganizationNumber = z
  .string()
  .max(11)
  .openapi({ description: "Organisationsnummer, ten digits with or without the hyphen; Luhn-checked" });

const SellerSettingsInput = z
  .object({
    legalName: nonBlank(2).max(200),
    organizationNumber: OrganizationNumber,
    vatNumber: z
      .string()
      .max(20)
      .openapi({ description: "`SE` + the organisationsnummer + `01` (400 `vat_number_of_organization`)" }),
    fSkatt: z.boolean().openapi({ description: "Godkänd för F-skatt: printed on every invoice" }),
    address: AddressInput,
    invoiceEmail: Email,
    bankgiro: z.string().max(12).nullable().optional().openapi({ description: "7–8 digits, check digit" }),
    plusgiro: z.string().max(12).nullable().optional().openapi({ description: "2–8 digits, check digit" }),
    paymentTermsDays: z.number().int().min(0).max(120).default(30),
    lateInterestText: nonBlank(1).max(500),
  })
  .strict();

const SellerSettingsSchema = z
  .object({
    legalName: z.string(),
    organizationNumber: z.string(),
    vatNumber: z.string(),
    fSkatt: z.boolean(),
    address: Address,
    invoiceEmail: z.string(),
    bankgiro: z.string().nullable(),
    plusgiro: z.string().nullable(),
    paymentTermsDays: z.number().int(),
    lateInterestText: z.string(),
    version: z.number().int(),
    updatedAt: Timestamp,
  })
  .openapi("BillingSellerSettings", { example: SELLER_SETTINGS });

export const getSellerSettings = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/seller-settings",
    tags,
    operationId: "getBillingSellerSettings",
    summary: "Get NNS's seller settings",
    description:
      "What every invoice NNS issues prints about the seller: legal name, organisationsnummer, VAT number, " +
      "F-skatt, address, bankgiro/plusgiro, payment terms and late-interest text. Only for the NNS " +
      "organization (404 elsewhere, and while not set). `ETag` carries the version. Needs `billing:manage`.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(SellerSettingsSchema, "Seller settings"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const putSellerSettings = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/billing/seller-settings",
    tags,
    operationId: "putBillingSellerSettings",
    summary: "Set NNS's seller settings",
    description:
      "Sets the whole seller identity. Checked and named per field: organisationsnummer by Luhn " +
      "(`organization_number`), VAT number `SE` + orgnr + `01` (`vat_number_of_organization`), bankgiro " +
      "(`bankgiro`) and plusgiro (`plusgiro`) by their check digit, at least one of them (`giro_required`). " +
      'Issued invoices keep what they were issued with. Send the `ETag` you read as `If-Match` (`"0"` ' +
      "when creating): a change since answers 412. Needs `billing:manage`. Audited as " +
      "`billing.seller_settings_updated`.",
    request: {
      params: OrgIdParams,
      headers: IfMatchHeader,
      body: jsonBody(SellerSettingsInput, SELLER_SETTINGS_INPUT),
    },
    responses: {
      200: jsonResponse(SellerSettingsSchema, "Saved"),
      ...problems(400, 401, 403, 404, 412),
    },
  },
  { etag: true },
);

const PeppolId = z.object({
  scheme: z.string().openapi({ description: "ISO 6523 ICD; `0007` is the Swedish organisationsnummer" }),
  value: z.string(),
});

const InvoicingDetailsInput = z
  .object({
    legalName: nonBlank(2).max(200).optional().openapi({ description: "Default: the organization's name" }),
    organizationNumber: OrganizationNumber.optional().openapi({
      description: "Default: the organization's organisationsnummer",
    }),
    vatNumber: z.string().max(20).nullable().optional().openapi({
      description: "When registered for VAT: `SE` + orgnr + `01`",
    }),
    address: AddressInput,
    invoiceEmail: Email.nullable().optional().openapi({ description: "Where issued invoices are emailed" }),
    peppolId: z
      .object({
        scheme: z
          .string()
          .regex(/^\d{4}$/)
          .default("0007"),
        value: z.string().max(50).optional().openapi({ description: "Default: the organisationsnummer" }),
      })
      .strict()
      .nullable()
      .optional(),
    defaultReference: nonBlank(1).max(100).nullable().optional().openapi({
      description: "Referens printed on invoices whose training has none of its own (mandatory in Peppol)",
    }),
  })
  .strict();

const InvoicingDetailsSchema = z
  .object({
    legalName: z.string(),
    organizationNumber: z.string(),
    vatNumber: z.string().nullable(),
    address: Address,
    invoiceEmail: z.string().nullable(),
    peppolId: PeppolId,
    defaultReference: z.string().nullable(),
    version: z.number().int(),
    updatedAt: Timestamp,
  })
  .openapi("InvoicingDetails", { example: INVOICING_DETAILS });

export const getInvoicingDetails = defineRoute(
  { kind: "org", permission: "invoices:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/invoicing-details",
    tags,
    operationId: "getInvoicingDetails",
    summary: "Get the förbund's invoicing details",
    description:
      "Where and how NNS invoices the förbund: legal name, organisationsnummer, VAT number, address, invoice " +
      "email, Peppol id and default referens. 404 while not set, and for NNS itself. `ETag` carries the " +
      "version. Needs `invoices:read`.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(InvoicingDetailsSchema, "Invoicing details"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const putInvoicingDetails = defineRoute(
  { kind: "org", permission: "invoicing:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/billing/invoicing-details",
    tags,
    operationId: "putInvoicingDetails",
    summary: "Set the förbund's invoicing details",
    description:
      "Legal name and organisationsnummer default to the organization's; the Peppol id to scheme `0007` " +
      "with the organisationsnummer. Checked per field: organisationsnummer by Luhn (`organization_number`, " +
      "also the Peppol id's value under scheme 0007), VAT number `SE` + orgnr + `01` " +
      "(`vat_number_of_organization`). Invoices already issued keep the details they were issued with. Send the " +
      '`ETag` you read as `If-Match` (`"0"` when creating): a change since answers 412. Needs ' +
      "`invoicing:manage`. Audited as `billing.invoicing_details_updated`.",
    request: {
      params: OrgIdParams,
      headers: IfMatchHeader,
      body: jsonBody(InvoicingDetailsInput, INVOICING_DETAILS_INPUT),
    },
    responses: {
      200: jsonResponse(InvoicingDetailsSchema, "Saved"),
      ...problems(400, 401, 403, 404, 412),
    },
  },
  { etag: true },
);

const TrainingReferenceSchema = z
  .object({ trainingId: z.uuid(), reference: z.string(), updatedAt: Timestamp })
  .openapi("TrainingInvoiceReference", { example: TRAINING_REFERENCE });

export const putTrainingReference = defineRoute(
  { kind: "org", permission: "invoicing:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/invoice-reference",
    tags,
    operationId: "putTrainingInvoiceReference",
    summary: "Set the referens for a training's invoice",
    description:
      "The förbund's referens (Peppol BuyerReference, mandatory) on its invoice for this training, in place " +
      "of its default referens. Only a förbund taking part (403 otherwise). Takes effect on invoices issued " +
      "after it. Needs `invoicing:manage`. Audited as `billing.training_reference_set`.",
    request: {
      params: TrainingParams,
      body: jsonBody(z.object({ reference: nonBlank(1).max(100) }).strict(), {
        reference: "Projekt BIP 2027, Anna Lindqvist",
      }),
    },
    responses: {
      200: jsonResponse(TrainingReferenceSchema, "Saved"),
      ...problems(400, 401, 403, 404),
    },
  },
);
