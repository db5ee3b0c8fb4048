import { describe, expect, it } from "vitest";
import {
  acceptCohostInvitation,
  declineCohostInvitation,
  eventBudget,
  getTraining,
  inviteCohost,
  listCohostInvitations,
  listCohosts,
  listParticipants,
  registerParticipant,
  removeCohost,
  setParty,
} from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const SHARE_TABLES = ["resource_shares", "training_parties"];

describe("co-hosting an event through the sharing pattern", () => {
  it("the host invites; the invited förbund sees only the invitation until it accepts, then the event and its own people", async () => {
    const host = await freshTenant(env.deps);
    const cohost = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(host.admin);
    const invited = await inviteCohost(host.admin, training.id, cohost.organization.id);
    expect(invited).toMatchObject([{ organizationId: cohost.organization.id, acceptedAt: null }]);
    await expectAudited(env.deps, {
      organizationId: host.organization.id,
      action: "training.cohost_invited",
      entityType: "training",
      entityId: training.id,
      actor: host.admin,
      after: { organizationId: cohost.organization.id },
      sameTransactionAs: {
        table: "resource_shares",
        where: { resource_id: training.id, organization_id: cohost.organization.id },
      },
    });
    // Before accepting: the title in the list of invitations, nothing else.
    expect(await listCohostInvitations(cohost.editor)).toMatchObject([
      { trainingId: training.id, title: "Inspirationsdag", owner: { id: host.organization.id } },
    ]);
    expect((await listCohostInvitations(cohost.editor))[0]?.firstSessionAt).toEqual(
      training.sessions[0]?.startsAt,
    );
    await expectRefused(env.deps, () => getTraining(cohost.editor, training.id), "not_found");
    await expectRefused(
      env.deps,
      () =>
        registerParticipant(cohost.editor, training.id, {
          name: "För tidigt",
          email: "tidigt@example.se",
          contactConsent: false,
          sessionIds: [sessionId],
        }),
      "not_found",
      ["training_participants"],
    );

    await acceptCohostInvitation(cohost.editor, training.id);
    await expectAudited(env.deps, {
      organizationId: cohost.organization.id,
      action: "training.cohost_accepted",
      entityType: "training",
      entityId: training.id,
      actor: cohost.editor,
      sameTransactionAs: {
        table: "training_parties",
        where: { training_id: training.id, organization_id: cohost.organization.id },
      },
    });
    const seen = await getTraining(cohost.editor, training.id);
    expect(seen.viewer).toEqual({ isOwner: false, isParty: true });
    expect(seen.parties.map((p) => p.organizationId)).toEqual([host.organization.id, cohost.organization.id]);
    expect(await listCohostInvitations(cohost.editor)).toEqual([]);
    expect((await listCohosts(host.admin, training.id))[0]?.acceptedAt).toBeInstanceOf(Date);

    const mine = await registerParticipant(cohost.editor, training.id, {
      name: "Kim Kommun",
      email: "kim@kommun.example.se",
      contactConsent: false,
      sessionIds: [sessionId],
    });
    expect(mine.registrations[0]?.status).toBe("confirmed");
    expect((await listParticipants(host.admin, training.id)).map((p) => p.name)).toEqual(["Kim Kommun"]);
  });

  it("co-hosts never see each other's people; a förbund that was not invited sees nothing of the event", async () => {
    const host = await freshTenant(env.deps);
    const first = await freshTenant(env.deps);
    const second = await freshTenant(env.deps);
    const outsider = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(host.admin);
    for (const cohost of [first, second]) {
      await inviteCohost(host.admin, training.id, cohost.organization.id);
      await acceptCohostInvitation(cohost.admin, training.id);
    }
    const register = (ctx: typeof first.editor, name: string) =>
      registerParticipant(ctx, training.id, {
        name,
        email: `${name.toLowerCase()}@example.se`,
        contactConsent: false,
        sessionIds: [sessionId],
      });
    await register(host.editor, "Värd");
    await register(first.editor, "Första");
    await register(second.editor, "Andra");
    expect((await listParticipants(first.viewer, training.id)).map((p) => p.name)).toEqual(["Första"]);
    expect((await listParticipants(second.viewer, training.id)).map((p) => p.name)).toEqual(["Andra"]);
    expect((await listParticipants(host.viewer, training.id)).map((p) => p.name).sort()).toEqual([
      "Andra",
      "Första",
      "Värd",
    ]);
    await expectRefused(env.deps, () => getTraining(outsider.admin, training.id), "not_found");
    await expectRefused(env.deps, () => eventBudget(outsider.admin, training.id), "not_found");
    await expectRefused(env.deps, () => listParticipants(outsider.admin, training.id), "not_found");
    await expectRefused(
      env.deps,
      () => acceptCohostInvitation(outsider.admin, training.id),
      "not_found",
      SHARE_TABLES,
    );
    // A co-host does not manage the invitations.
    await expectRefused(env.deps, () => listCohosts(first.admin, training.id), "forbidden");
    await expectRefused(
      env.deps,
      () => inviteCohost(first.admin, training.id, outsider.organization.id),
      "forbidden",
      SHARE_TABLES,
    );
  });

  it("the old 409 stays for adding a förbund directly; invitations refuse the host itself, a repeat and BIP/SKAPA", async () => {
    const host = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const { training } = await plannedEvent(host.admin);
    const direct = await expectRefused(
      env.deps,
      () => setParty(host.admin, training.id, other.organization.id, { seats: null }),
      "conflict",
      SHARE_TABLES,
    );
    expect(direct.message).toContain("invitation");
    const self = await expectRefused(
      env.deps,
      () => inviteCohost(host.admin, training.id, host.organization.id),
      "validation_failed",
      SHARE_TABLES,
    );
    expect(self.errors?.[0]).toMatchObject({ field: "body.organizationId", rule: "other_forbund" });
    await inviteCohost(host.admin, training.id, other.organization.id);
    await expectRefused(
      env.deps,
      () => inviteCohost(host.admin, training.id, other.organization.id),
      "already_exists",
      SHARE_TABLES,
    );
    await expectRefused(
      env.deps,
      () => inviteCohost(host.viewer, training.id, other.organization.id),
      "forbidden",
    );
    const nns = await nnsTenant(env.deps);
    const bip = await plannedBipSkapa(nns.admin, [{ organizationId: other.organization.id, seats: 5 }]);
    await expectRefused(
      env.deps,
      () => inviteCohost(nns.admin, bip.training.id, host.organization.id),
      "conflict",
      SHARE_TABLES,
    );
  });

  it("declining ends the invitation; removing a co-host ends its share, but not while its people are registered", async () => {
    const host = await freshTenant(env.deps);
    const cohost = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(host.admin);
    await inviteCohost(host.admin, training.id, cohost.organization.id);
    await declineCohostInvitation(cohost.admin, training.id);
    await expectAudited(env.deps, {
      organizationId: cohost.organization.id,
      action: "training.cohost_declined",
      entityType: "training",
      entityId: training.id,
    });
    expect(await listCohosts(host.admin, training.id)).toEqual([]);
    await expectRefused(
      env.deps,
      () => acceptCohostInvitation(cohost.admin, training.id),
      "not_found",
      SHARE_TABLES,
    );

    await inviteCohost(host.admin, training.id, cohost.organization.id);
    await acceptCohostInvitation(cohost.admin, training.id);
    const person = await registerParticipant(cohost.editor, training.id, {
      name: "Kvar",
      email: "kvar@example.se",
      contactConsent: false,
      sessionIds: [sessionId],
    });
    await expectRefused(
      env.deps,
      () => removeCohost(host.admin, training.id, cohost.organization.id),
      "conflict",
      SHARE_TABLES,
    );
    expect(person.id).toBeTruthy();
    const other = await freshTenant(env.deps);
    await inviteCohost(host.admin, training.id, other.organization.id);
    const after = await removeCohost(host.admin, training.id, other.organization.id);
    expect(after.map((c) => c.organizationId)).toEqual([cohost.organization.id]);
    await expectAudited(env.deps, {
      organizationId: host.organization.id,
      action: "training.cohost_revoked",
      entityType: "training",
      entityId: training.id,
      before: { organizationId: other.organization.id },
    });
    expect(await listCohostInvitations(other.admin)).toEqual([]);
  });
});
