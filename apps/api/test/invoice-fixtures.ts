import { randomUUID } from "node:crypto";
import { confirmedTraining, draftsOf, setInvoicingDetails, setSellerSettings } from "./billing-fixtures.js";
import { expectData } from "./client.js";
import { stockholmDay, type TestEnv } from "./helpers.js";

let serial = 0;

/**
 * Rows written one after another in a test can share a millisecond, and lists order by creation time:
 * each fixture row is stamped a millisecond per row later, so "newest first" is what the test wrote last.
 */
let written = 0;
const laterEachTime = (parameter: number) =>
  `clock_timestamp() + make_interval(secs => ($${parameter}::int / 1000.0)::float8)`;

export interface IssuedInvoice {
  id: string;
  number: string;
  totalOre: number;
}

/**
 * An issued invoice from NNS, with the dates a test needs (issuing through the API always dates it today).
 * Written as the database owner, the one way to backdate what the ledger freezes on issue.
 */
export async function issuedInvoice(
  env: TestEnv,
  buyerOrganizationId: string,
  over: { totalOre?: number; issueDate?: string; dueDate?: string; stripeInvoiceId?: string | null } = {},
): Promise<IssuedInvoice> {
  serial += 1;
  const id = randomUUID();
  const number = `2027-${String(serial).padStart(4, "0")}`;
  const totalOre = over.totalOre ?? 3_125_000;
  const vatOre = Math.round(totalOre / 5);
  const issueDate = over.issueDate ?? stockholmDay();
  const dueDate =
    over.dueDate ?? new Date(Date.parse(issueDate) + 30 * 86_400_000).toISOString().slice(0, 10);
  await env.t.db.ownerSql(
    `insert into invoices (organization_id, id, buyer_organization_id, kind, status, series_year, sequence, number,
       issue_date, due_date, buyer_reference, ocr, net_ore, vat_ore, total_ore, document, ubl, pdf, issued_at, stripe_invoice_id,
       created_at)
     values ($1, $2, $3, 'invoice', 'issued', 2027, $4, $5, $6, $7, 'Ref', '123', $8, $9, $10, '{}'::jsonb,
       '<Invoice/>', '\\x255044462d'::bytea, now(), $11, ${laterEachTime(12)})`,
    [
      env.nns.id,
      id,
      buyerOrganizationId,
      serial,
      number,
      issueDate,
      dueDate,
      totalOre - vatOre,
      vatOre,
      totalOre,
      over.stripeInvoiceId ?? null,
      ++written,
    ],
  );
  return { id, number, totalOre };
}

/** A draft from NNS to the buyer: no number, no document, invisible to the buyer. */
export async function draftInvoice(env: TestEnv, buyerOrganizationId: string): Promise<{ id: string }> {
  const id = randomUUID();
  await env.t.db.ownerSql(
    `insert into invoices (organization_id, id, buyer_organization_id, kind, status, net_ore, vat_ore, total_ore, created_at)
     values ($1, $2, $3, 'invoice', 'draft', 80000, 20000, 100000, ${laterEachTime(4)})`,
    [env.nns.id, id, buyerOrganizationId, ++written],
  );
  return { id };
}

/**
 * Seed 003 through the API: NNS's confirmed training shared by two fresh förbund `a` and `b`, with the
 * seller's settings and both förbund's invoicing details, drafted; `draftFor` gives each one's draft id.
 */
export async function draftedTraining(env: TestEnv) {
  const f = await confirmedTraining(env);
  await setSellerSettings(env, f.nns);
  await Promise.all([setInvoicingDetails(f.a), setInvoicingDetails(f.b)]);
  const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
  const draftFor = (orgId: string) => {
    const found = drafts.find((d) => d.invoice.buyer.organizationId === orgId);
    if (!found) throw new Error(`no draft for ${orgId}`);
    return found.invoice.id;
  };
  return { ...f, draftFor };
}
