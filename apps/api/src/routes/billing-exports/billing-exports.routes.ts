import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, jsonBody, jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";

const tags = ["Billing"];

const PeriodQuery = z.object({
  from: CalendarDate.optional().openapi({
    description: "First day, inclusive; default the first of this year",
  }),
  to: CalendarDate.optional().openapi({
    description: "Last day, inclusive; default today; not before `from` (400 `not_before_from`)",
  }),
});

const attachment = (filename: string) => ({
  "Content-Disposition": {
    description: "`attachment` with the file name and the period",
    schema: { type: "string" as const, example: `attachment; filename="${filename}"` },
  },
});

export const exportInvoicesCsv = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/exports/invoices.csv",
    tags,
    operationId: "exportInvoicesCsv",
    summary: "Export invoices as CSV",
    description:
      "Every invoice and credit note issued in the period (by issue date), for Swedish Excel: UTF-8 with a " +
      "byte order mark, semicolons, decimal commas, amounts in kronor, credit notes negative, with what is " +
      "paid and still owed today and the status in Swedish. Needs `billing:manage` (NNS).",
    request: { params: OrgIdParams, query: PeriodQuery },
    responses: {
      200: {
        description: "The CSV file, named `fakturor-<from>--<to>.csv`",
        headers: attachment("fakturor-2027-01-01--2027-06-30.csv"),
        content: { "text/csv": { schema: z.string() } },
      },
      ...problems(400, 401, 403, 404),
    },
  },
);

export const exportBookkeepingSie = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/exports/bookkeeping.sie",
    tags,
    operationId: "exportBookkeepingSie",
    summary: "Export bookkeeping as SIE 4",
    description:
      "The period's bookkeeping for import into an accounting program: SIE 4 (PC8 encoding), one " +
      "verification per invoice and credit note issued (series F) and per payment received (series B), " +
      "balanced, on the accounts of `GET …/billing/accounts`. The period lies within one calendar year, " +
      "the fiscal year the file declares (400 `one_fiscal_year` otherwise); 409 before the seller settings " +
      "exist. Needs `billing:manage` (NNS).",
    request: { params: OrgIdParams, query: PeriodQuery },
    responses: {
      200: {
        description: "The SIE file, named `bokforing-<from>--<to>.se`",
        headers: attachment("bokforing-2027-01-01--2027-06-30.se"),
        content: {
          // Bytes rather than text/plain: the file is in code page 437, which a charset label rarely conveys.
          "application/octet-stream": {
            schema: z.string().openapi({
              format: "binary",
              description: "SIE 4 in code page 437 (`#FORMAT PC8`), CRLF line ends",
            }),
          },
        },
      },
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

const AccountNumber = z
  .string()
  .regex(/^\d{4}$/, "four digits")
  .openapi({ description: "A BAS account number", example: "1510" });

const ACCOUNTS = {
  receivables: "1510",
  bank: "1930",
  plusgiro: "1920",
  stripeClearing: "1580",
  revenue2500: "3001",
  revenue1200: "3002",
  revenue600: "3003",
  revenue0: "3004",
  outputVat2500: "2611",
  outputVat1200: "2621",
  outputVat600: "2631",
};

const AccountsShape = {
  receivables: AccountNumber.openapi({ description: "Kundfordringar" }),
  bank: AccountNumber.openapi({
    description: "The bank account behind the bankgiro; also manual and bank-file payments",
  }),
  plusgiro: AccountNumber,
  stripeClearing: AccountNumber.openapi({ description: "Card payments until Stripe pays them out" }),
  revenue2500: AccountNumber.openapi({ description: "Sales at 25 % VAT" }),
  revenue1200: AccountNumber.openapi({ description: "Sales at 12 % VAT" }),
  revenue600: AccountNumber.openapi({ description: "Sales at 6 % VAT" }),
  revenue0: AccountNumber.openapi({ description: "VAT-exempt sales" }),
  outputVat2500: AccountNumber.openapi({ description: "Output VAT 25 %" }),
  outputVat1200: AccountNumber.openapi({ description: "Output VAT 12 %" }),
  outputVat600: AccountNumber.openapi({ description: "Output VAT 6 %" }),
};

const AccountsSchema = z.object(AccountsShape).openapi("BillingAccounts", { example: ACCOUNTS });

export const getBillingAccounts = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/billing/accounts",
    tags,
    operationId: "getBillingAccounts",
    summary: "Get the bookkeeping accounts",
    description:
      "The BAS account each kind of amount is booked on in the SIE export: the BAS 2024 defaults unless " +
      "NNS's accountant set others. Needs `billing:manage` (NNS).",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(AccountsSchema, "The accounts"), ...problems(401, 403, 404) },
  },
);

export const putBillingAccounts = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/billing/accounts",
    tags,
    operationId: "updateBillingAccounts",
    summary: "Set the bookkeeping accounts",
    description:
      "Sets the account numbers the SIE export books on; any left out returns to its BAS default. Kept with " +
      "the seller settings (409 before they exist). Needs `billing:manage` (NNS). Audited as " +
      "`billing.accounts_changed`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(z.object(AccountsShape).partial().strict(), { bank: "1940", revenue2500: "3011" }),
    },
    responses: {
      200: jsonResponse(AccountsSchema, "The accounts now", {
        ...ACCOUNTS,
        bank: "1940",
        revenue2500: "3011",
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
