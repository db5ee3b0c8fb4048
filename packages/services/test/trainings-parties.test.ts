import { describe, expect, it } from "vitest";
import { addPrintCost, registerParticipant, removeParty, setParty } from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const PARTY_TABLES = ["training_parties", "session_registrations", "training_print_costs"];
const partyRow = (trainingId: string, organizationId: string) => ({
  table: "training_parties",
  where: { training_id: trainingId, organization_id: organizationId },
});

describe("setParty", () => {
  it("NNS adds a förbund with seats: the party row and the audit entry in one transaction", async () => {
    const first = await freshTenant(env.deps);
    const second = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: first.organization.id, seats: 5 },
    ]);
    const after = await setParty(nns.admin, training.id, second.organization.id, {
      seats: 8,
      contactEmail: "kontakt@example.se",
    });
    expect(after.parties.map((p) => [p.organizationId, p.seats])).toEqual([
      [first.organization.id, 5],
      [second.organization.id, 8],
    ]);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.party_set",
      entityType: "training",
      entityId: training.id,
      actor: nns.admin,
      before: [{ organizationId: first.organization.id, seats: 5 }],
      after: [{ seats: 5 }, { organizationId: second.organization.id, seats: 8 }],
      sameTransactionAs: partyRow(training.id, second.organization.id),
    });
  });

  it("more seats for a förbund move its waiting list up in the same transaction", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 1 },
    ]);
    const register = (name: string) =>
      registerParticipant(party.editor, training.id, {
        name,
        email: `${name}.${training.id}@example.se`,
        contactConsent: false,
        sessionIds: [sessionId],
      });
    await register("forst");
    const waiting = await register("sedan");
    const registrationId = waiting.registrations[0]?.id as string;
    await setParty(nns.admin, training.id, party.organization.id, { seats: 2 });
    const set = await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.party_set",
      entityType: "training",
      entityId: training.id,
      sameTransactionAs: partyRow(training.id, party.organization.id),
    });
    // The promoted person's förbund has the entry in its own log.
    const promoted = await expectAudited(env.deps, {
      organizationId: party.organization.id,
      action: "registration.promoted",
      entityType: "session_registration",
      entityId: registrationId,
      actor: nns.admin,
      sameTransactionAs: {
        table: "session_registrations",
        where: { id: registrationId, status: "confirmed" },
      },
    });
    expect(promoted.transactionId).toBe(set.transactionId);
  });

  it("a party may not change the parties; NNS itself is no party; an event day has no other parties", async () => {
    const party = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    await expectRefused(
      env.deps,
      () => setParty(party.admin, training.id, party.organization.id, { seats: 50 }),
      "forbidden",
      PARTY_TABLES,
    );
    await expectRefused(
      env.deps,
      () => setParty(nns.admin, training.id, nns.organization.id, { seats: 5 }),
      "not_found",
      PARTY_TABLES,
    );
    const { training: event } = await plannedEvent(other.editor);
    await expectRefused(
      env.deps,
      () => setParty(other.editor, event.id, party.organization.id, { seats: 5 }),
      "conflict",
      PARTY_TABLES,
    );
    await expectRefused(
      env.deps,
      () => setParty(other.viewer, event.id, other.organization.id, { seats: 5 }),
      "forbidden",
      PARTY_TABLES,
    );
  });
});

describe("removeParty", () => {
  it("NNS removes a förbund without participants: the row goes, the entry keeps it", async () => {
    const stays = await freshTenant(env.deps);
    const leaves = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: stays.organization.id, seats: 5 },
      { organizationId: leaves.organization.id, seats: 3 },
    ]);
    const after = await removeParty(nns.admin, training.id, leaves.organization.id);
    expect(after.parties.map((p) => p.organizationId)).toEqual([stays.organization.id]);
    expect(await rowsOf(env.deps, partyRow(training.id, leaves.organization.id))).toEqual([]);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.party_removed",
      entityType: "training",
      entityId: training.id,
      actor: nns.admin,
      before: { organizationId: leaves.organization.id, seats: 3 },
      after: [{ organizationId: stays.organization.id }],
    });
  });

  it("a förbund with participants or print costs stays; one that takes no part is not found", async () => {
    const withPeople = await freshTenant(env.deps);
    const withPrint = await freshTenant(env.deps);
    const outsider = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: withPeople.organization.id, seats: 5 },
      { organizationId: withPrint.organization.id, seats: 5 },
    ]);
    await registerParticipant(withPeople.editor, training.id, {
      name: "Deltagare",
      email: `deltagare.${training.id}@example.se`,
      contactConsent: false,
      sessionIds: [sessionId],
    });
    await addPrintCost(withPrint.admin, training.id, {
      description: "Tryck",
      amountOre: 10_000,
      vatRateBasisPoints: 2500,
    });
    for (const organizationId of [withPeople.organization.id, withPrint.organization.id]) {
      await expectRefused(env.deps, () => removeParty(nns.admin, training.id, organizationId), "conflict", [
        ...PARTY_TABLES,
      ]);
    }
    await expectRefused(
      env.deps,
      () => removeParty(nns.admin, training.id, outsider.organization.id),
      "not_found",
      PARTY_TABLES,
    );
    await expectRefused(
      env.deps,
      () => removeParty(withPeople.admin, training.id, withPeople.organization.id),
      "forbidden",
      PARTY_TABLES,
    );
  });
});
