/**
 * The security suite's billing fixtures: NNS's seller settings, both förbund's invoicing details, and an
 * invoice issued to each förbund (from an NNS training they share), so that `{invoiceId}` names a real
 * invoice that side A may read and side B may not.
 */

import {
  createTraining,
  draftInvoices,
  enterOrganization,
  issueInvoice,
  putInvoicingDetails,
  putSellerSettings,
  systemContext,
} from "@nns/services";
import type { TestEnv } from "./helpers.js";

export async function billingFixture(env: TestEnv): Promise<Record<"A" | "B", { invoiceId: string }>> {
  const system = systemContext(env.deps, "security-suite");
  const nns = await enterOrganization(system, env.nns.id);
  await putSellerSettings(
    nns,
    {
      legalName: "Nationella nätverket för samordningsförbund",
      organizationNumber: "8024811658",
      vatNumber: "SE802481165801",
      fSkatt: true,
      address: { street: "Box 1234", postalCode: "11122", city: "Stockholm" },
      invoiceEmail: "faktura@nns.test.se",
      bankgiro: "50501055",
      lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
    },
    null,
  );
  for (const org of [env.orgA, env.orgB]) {
    await putInvoicingDetails(
      await enterOrganization(system, org.id),
      {
        address: { street: "Storgatan 1", postalCode: "30231", city: "Halmstad" },
        defaultReference: "Säkerhetssviten",
      },
      null,
    );
  }
  const training = await createTraining(nns, {
    kind: "bip_skapa",
    title: "BIP/SKAPA för säkerhetssviten",
    parties: [
      { organizationId: env.orgA.id, seats: null },
      { organizationId: env.orgB.id, seats: null },
    ],
  });
  // Confirming needs sessions with certified trainers, which play no part in what these routes guard.
  await env.t.db.ownerSql("update trainings set status = 'confirmed' where id = $1", [training.id]);
  const { drafts } = await draftInvoices(nns, training.id);
  const issued = await Promise.all(drafts.map((d) => issueInvoice(nns, d.invoice.id)));
  const of = (orgId: string) => ({
    invoiceId: issued.find((i) => i.buyer.organizationId === orgId)?.id as string,
  });
  return { A: of(env.orgA.id), B: of(env.orgB.id) };
}
