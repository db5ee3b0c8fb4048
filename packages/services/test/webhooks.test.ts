import { createHmac } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  applyWorkflowAction,
  cancelRegistration,
  createIntervention,
  createTraining,
  createWebhookEndpoint,
  type Deps,
  listWebhookDeliveries,
  moveTraining,
  pingWebhookEndpoint,
  registerParticipant,
  startBackgroundWork,
  submitTrainingRequest,
  type WebhookEventType,
} from "../src/index.js";
import { sampleContent, WebhookReceiver } from "../src/testing.js";
import { testDeps } from "./deps.js";
import { type FreshTenant, freshTenant, nnsTenant } from "./tenant.js";
import { plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

/**
 * Outgoing webhooks end to end below HTTP: events written in the transaction of the change, delivered by
 * the real queue worker to a real receiver on 127.0.0.1 (private targets allowed by this test's
 * configuration), signed, retried while the receiver is down, and addressed to the right organizations.
 */
let t: TestDatabase;
let deps: Deps;
const receiver = new WebhookReceiver();
const WAIT = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testDeps(t.db, {
    config: {
      webhooks: { allowHttp: true, allowPrivateTargets: true, delivery: { retryDelaysMs: [1000] } },
    },
  });
  await startBackgroundWork(deps, { info: () => undefined });
  await receiver.start();
});

afterAll(async () => {
  await deps?.jobs.stop();
  deps?.mailer.close();
  await receiver.stop();
  await t?.destroy();
});

let paths = 0;
async function endpointFor(
  tenant: Pick<FreshTenant, "admin">,
  events: WebhookEventType[],
): Promise<{ id: string; path: string; secret: string }> {
  paths += 1;
  const path = `/hook-${paths}`;
  const { endpoint, secret } = await createWebhookEndpoint(tenant.admin, {
    url: `${receiver.url}${path}`,
    events,
  });
  return { id: endpoint.id, path, secret };
}

function expectSigned(request: { headers: Record<string, unknown>; body: string }, secret: string): void {
  const timestamp = String(request.headers["webhook-timestamp"]);
  const expected = createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex");
  expect(request.headers["webhook-signature"]).toBe(`v1=${expected}`);
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
  expect(request.headers["webhook-id"]).toBe(JSON.parse(request.body).id);
}

describe("events reach the organizations they concern", () => {
  it("a registration in NNS's training: the förbund gets the person, NNS ids only; in the registration's transaction", async () => {
    const party = await freshTenant(deps);
    const nns = await nnsTenant(deps);
    const partyHook = await endpointFor(party, ["registration.created", "training.created"]);
    const nnsHook = await endpointFor(nns, ["registration.created"]);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    const email = `deltagare.${Date.now()}@example.se`;
    const participant = await registerParticipant(party.editor, training.id, {
      name: "Deltagare Ett",
      email,
      contactConsent: true,
      sessionIds: [sessionId],
    });
    const registrationId = participant.registrations[0]?.id;
    await vi.waitFor(() => {
      // Deliveries run side by side: events arrive in no guaranteed order.
      expect(
        receiver
          .at(partyHook.path)
          .map((r) => r.payload.type)
          .sort(),
      ).toEqual(["registration.created", "training.created"]);
      expect(receiver.at(nnsHook.path)).toHaveLength(1);
    }, WAIT);
    const toParty = receiver.at(partyHook.path).find((r) => r.payload.type === "registration.created");
    const [toNns] = receiver.at(nnsHook.path);
    expect(toParty?.payload).toMatchObject({
      type: "registration.created",
      apiVersion: "2026-11-26",
      organizationId: party.organization.id,
      data: {
        object: {
          id: registrationId,
          trainingId: training.id,
          sessionId,
          participantId: participant.id,
          organizationId: party.organization.id,
          status: "confirmed",
          participant: { name: "Deltagare Ett", email },
        },
      },
    });
    expect(toNns?.payload).toMatchObject({
      organizationId: nns.organization.id,
      data: { object: { id: registrationId, participant: null } },
    });
    expect(toNns?.body).not.toContain(email);
    expect(toNns?.payload.id).not.toBe(toParty?.payload.id);
    expectSigned(toParty as NonNullable<typeof toParty>, partyHook.secret);
    expectSigned(toNns as NonNullable<typeof toNns>, nnsHook.secret);
    // The worker has updated the delivery since (so its xmin is the worker's); now() is the
    // transaction's start time, the same for every row one transaction writes.
    const [audited] = await t.db.ownerSql(
      "select created_at from audit_log where action = 'registration.created' and entity_id = $1",
      [participant.id],
    );
    const written = await t.db.ownerSql(
      "select created_at from webhook_deliveries where event_type = 'registration.created' and endpoint_id = any($1::uuid[])",
      [[partyHook.id, nnsHook.id]],
    );
    expect(written.map((row) => String(row.created_at))).toEqual([
      String(audited?.created_at),
      String(audited?.created_at),
    ]);
  });

  it("training.confirmed and training.cancelled go to the owner and every party; a scheduled request to its förbund", async () => {
    const party = await freshTenant(deps);
    const other = await freshTenant(deps);
    const nns = await nnsTenant(deps);
    const partyHook = await endpointFor(party, ["training.confirmed", "training.cancelled"]);
    const nnsHook = await endpointFor(nns, ["training.confirmed", "training.cancelled"]);
    const otherHook = await endpointFor(other, ["training_request.scheduled", "training.created"]);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    await moveTraining(nns.admin, training.id, "confirm", null);
    await moveTraining(nns.admin, training.id, "cancel", "Utbildaren är sjuk.");
    const request = await submitTrainingRequest(other.admin, {
      periodStart: "2030-02-01",
      periodEnd: "2030-05-31",
      expectedParticipants: 18,
      deliveryPreference: "either",
      openToSharing: true,
      contactName: "Kontakt",
      contactEmail: "kontakt@example.se",
    });
    const scheduled = await createTraining(nns.admin, {
      kind: "bip_skapa",
      title: "BIP/SKAPA",
      requestIds: [request.id],
    });
    await vi.waitFor(() => {
      for (const hook of [partyHook, nnsHook])
        expect(
          receiver
            .at(hook.path)
            .map((r) => r.payload.type)
            .sort(),
        ).toEqual(["training.cancelled", "training.confirmed"]);
      expect(
        receiver
          .at(otherHook.path)
          .map((r) => r.payload.type)
          .sort(),
      ).toEqual(["training.created", "training_request.scheduled"]);
    }, WAIT);
    const cancelled = receiver.at(partyHook.path).find((r) => r.payload.type === "training.cancelled");
    expect(cancelled?.payload.data.object).toMatchObject({
      id: training.id,
      organizationId: nns.organization.id,
      status: "cancelled",
      cancellationReason: "Utbildaren är sjuk.",
      partyOrganizationIds: [party.organization.id],
    });
    const requestEvent = receiver
      .at(otherHook.path)
      .find((r) => r.payload.type === "training_request.scheduled");
    expect(requestEvent?.payload.data.object).toEqual({
      id: request.id,
      organizationId: other.organization.id,
      status: "scheduled",
      trainingId: scheduled.id,
    });
  });

  it("a cancelled seat promotes the next person: registration.cancelled and registration.promoted", async () => {
    const tenant = await freshTenant(deps);
    const hook = await endpointFor(tenant, ["registration.cancelled", "registration.promoted"]);
    const { training, sessionId } = await plannedEvent(tenant.editor, 1);
    const register = (n: number) =>
      registerParticipant(tenant.editor, training.id, {
        name: `Person ${n}`,
        email: `person.${n}.${Date.now()}@example.se`,
        contactConsent: true,
        sessionIds: [sessionId],
      });
    const first = await register(1);
    const second = await register(2);
    expect(second.registrations[0]?.status).toBe("waitlisted");
    await cancelRegistration(tenant.editor, training.id, first.registrations[0]?.id as string);
    await vi.waitFor(() => expect(receiver.at(hook.path)).toHaveLength(2), WAIT);
    const byType = Object.fromEntries(
      receiver.at(hook.path).map((r) => [r.payload.type, r.payload.data.object]),
    );
    expect(byType["registration.cancelled"]).toMatchObject({
      id: first.registrations[0]?.id,
      status: "cancelled",
    });
    expect(byType["registration.promoted"]).toMatchObject({
      id: second.registrations[0]?.id,
      participantId: second.id,
      status: "confirmed",
      participant: { name: "Person 2" },
    });
  });

  it("publishing and archiving an intervention tell its owner", async () => {
    const tenant = await freshTenant(deps);
    const hook = await endpointFor(tenant, ["intervention.published", "intervention.archived"]);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
    const nns = await (await nnsTenant(deps)).coordinating(tenant.organization.id);
    await applyWorkflowAction(nns, draft.id, "publish", {}, null);
    await applyWorkflowAction(tenant.admin, draft.id, "archive", {}, null);
    await vi.waitFor(() => expect(receiver.at(hook.path)).toHaveLength(2), WAIT);
    const published = receiver.at(hook.path).find((r) => r.payload.type === "intervention.published");
    const archived = receiver.at(hook.path).find((r) => r.payload.type === "intervention.archived");
    expect(published?.payload).toMatchObject({
      type: "intervention.published",
      data: { object: { id: draft.id, state: "published", publishedRevision: 1 } },
    });
    expect(String(published?.payload.data.object.catalogUrl)).toContain(`/katalog/${draft.id}`);
    expect(archived?.payload).toMatchObject({
      type: "intervention.archived",
      data: { object: { id: draft.id, state: "archived", catalogUrl: null } },
    });
  });

  it("an endpoint receives only the events it chose", async () => {
    const tenant = await freshTenant(deps);
    const hook = await endpointFor(tenant, ["training.cancelled"]);
    await plannedEvent(tenant.editor, 10);
    await pingWebhookEndpoint(tenant.admin, hook.id);
    await vi.waitFor(() => expect(receiver.at(hook.path)).toHaveLength(1), WAIT);
    expect(receiver.at(hook.path)[0]?.payload.type).toBe("ping");
  });
});

describe("delivery", () => {
  it("a receiver that is down, then failing, then back gets the event once acknowledged, with the same event id", async () => {
    const tenant = await freshTenant(deps);
    const hook = await endpointFor(tenant, ["training.created"]);
    await receiver.stop();
    const ping = await pingWebhookEndpoint(tenant.admin, hook.id);
    const delivery = async () =>
      (await listWebhookDeliveries(tenant.admin, hook.id, { limit: 10 })).data.find((d) => d.id === ping.id);
    await vi.waitFor(async () => {
      expect(await delivery()).toMatchObject({ status: "failed", attempts: 1, lastResponseStatus: null });
    }, WAIT);
    expect((await delivery())?.lastError).toMatch(/ECONNREFUSED/);
    receiver.status = 500;
    await receiver.start();
    try {
      await vi.waitFor(async () => {
        expect(await delivery()).toMatchObject({ status: "failed", attempts: 2, lastResponseStatus: 500 });
      }, WAIT);
      expect((await delivery())?.responseBodyExcerpt).toBe("fel 500");
    } finally {
      receiver.status = 200;
    }
    await vi.waitFor(async () => {
      expect(await delivery()).toMatchObject({ status: "succeeded", attempts: 3, lastResponseStatus: 200 });
    }, WAIT);
    const requests = receiver.at(hook.path);
    expect(requests.map((r) => r.answered)).toEqual([500, 200]);
    expect(new Set(requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([ping.eventId]));
    for (const request of requests) expectSigned(request, hook.secret);
    // No further attempt follows the acknowledged one.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receiver.at(hook.path)).toHaveLength(2);
    const all = (await listWebhookDeliveries(tenant.admin, hook.id, { limit: 10, status: "succeeded" })).data;
    expect(all.map((d) => d.id)).toEqual([ping.id]);
  });
});
