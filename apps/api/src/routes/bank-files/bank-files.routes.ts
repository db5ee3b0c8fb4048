import { z } from "@hono/zod-openapi";
import { BANK_FILE_OUTCOMES } from "@nns/services";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, jsonBody, jsonResponse, nonBlank, OrgIdParams, problems } from "../../lib/schemas.js";
import { BANK_FILE_REPORT } from "./bank-files.examples.js";

const BankFileItemSchema = z.object({
  paymentDate: CalendarDate.openapi({ description: "The day the deposit reached NNS's bankgiro" }),
  amountOre: z.number().int().openapi({ description: "Öre; negative for a deduction" }),
  reference: z.string().openapi({ description: "The reference the payer gave, an OCR number when matched" }),
  payerName: z.string().nullable(),
  outcome: z.enum(BANK_FILE_OUTCOMES).openapi({
    description:
      "`registered` against the invoice; `already_registered` by an earlier import; `unmatched`: no invoice " +
      "has this OCR; `not_open`: the invoice is a draft or fully credited; `deduction`: Bankgirot's deduction, never matched",
  }),
  invoiceId: z.uuid().nullable(),
  invoiceNumber: z.string().nullable(),
  message: z.string().openapi({ description: "What happened, in Swedish, for the person reconciling" }),
});

const BankFileReportSchema = z
  .object({
    filename: z.string(),
    receiverBankgiro: z.string().openapi({ description: "The bankgiro the file is for (digits)" }),
    registeredCount: z.number().int(),
    registeredOre: z.number().int(),
    items: z.array(BankFileItemSchema),
  })
  .openapi("BankFileReport", { example: BANK_FILE_REPORT });

export const importBankFile = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/billing/bank-files",
    tags: ["Invoices"],
    operationId: "importBankFile",
    summary: "Import a Bankgirot payment file",
    description:
      "NNS uploads the BgMax file (Bankgirot Inbetalningar) its bank provides for its bankgiro, base64-encoded. " +
      "Every payment whose OCR reference belongs to an open invoice is registered against it as a `bank_file` " +
      "payment, all in one transaction; the answer reports each payment's outcome. Importing the same file " +
      "again registers nothing more (each payment is keyed by its deposit date and Bankgirot's serial number). " +
      "A file that is not BgMax or whose record counts disagree is refused (400 `bgmax_format`), as is " +
      "Bankgirot's test file (`bgmax_test_file`); a file for another bankgiro than the seller settings' is a " +
      "409. Needs `billing:manage` (NNS). Audited as `billing.bank_file_imported`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({
            filename: nonBlank(1)
              .max(200)
              .openapi({ description: "The file's name, kept in the payments' note" }),
            content: z
              .base64()
              .max(7_000_000)
              .openapi({ description: "The file's bytes, base64 (at most about 5 MB)" }),
          })
          .strict(),
        { filename: "BgMax_20270502.txt", content: "MDFCR01BWCAgICAgICAgICAgICAgIDAx" },
      ),
    },
    responses: {
      200: jsonResponse(BankFileReportSchema, "What was registered and what needs a person"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
