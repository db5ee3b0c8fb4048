import { describe, expect, it } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import { emailsTo, inOrg, trainingRequest, twoRequesters } from "./training-fixtures.js";

const env = useTestApp();

const REQUESTS = "/orgs/{orgId}/training-requests";

describe("from requests to a shared training", () => {
  it("suggests pairing Halland with a neighbouring län, and turns both requests into one training", async () => {
    // a is in Halland (13); b in Jönköping (06), a neighbour.
    const { a, b, nns } = await twoRequesters(env);
    const [adminA, adminB, editorA] = [
      await a.signIn("admin"),
      await b.signIn("admin"),
      await a.signIn("editor"),
    ];
    const requestA = await trainingRequest(adminA, a.org.id, { expectedParticipants: 15 });
    const requestB = await trainingRequest(adminB, b.org.id, {
      periodStart: "2027-03-01",
      expectedParticipants: 10,
    });
    // An empty body from someone without the right: refused before it is read.
    expectProblem(
      await editorA.raw("POST", `/v1/orgs/${a.org.id}/training-requests`, { body: {} }),
      403,
      "forbidden",
    );
    // Each förbund sees only its own request; NNS sees both.
    expect(expectData(await adminA.GET(REQUESTS, inOrg(a.org.id))).data.map((r) => r.id)).toEqual([
      requestA.id,
    ]);
    const seenByNns = expectData(await nns.GET(REQUESTS, inOrg(env.nns.id))).data;
    expect(
      seenByNns.filter((r) => [a.org.id, b.org.id].includes(r.organization.id)).map((r) => r.id),
    ).toEqual(expect.arrayContaining([requestA.id, requestB.id]));
    expect(seenByNns.filter((r) => [a.org.id, b.org.id].includes(r.organization.id))).toHaveLength(2);
    const pairings = expectData(await nns.GET("/nns/training-pairings"));
    const pairing = pairings.data.find(
      (p) => p.requestIds.includes(requestA.id) && p.requestIds.includes(requestB.id),
    );
    expect(pairing).toMatchObject({
      countyRelation: "neighbouring",
      overlap: { start: "2027-03-01", end: "2027-04-30" },
      combinedParticipants: 25,
    });
    const created = expectData(
      await nns.POST("/orgs/{orgId}/trainings", {
        ...inOrg(env.nns.id),
        body: {
          kind: "bip_skapa",
          title: "BIP/SKAPA Halland och Jönköping",
          requestIds: [requestA.id, requestB.id],
        },
      }),
      201,
    );
    expect(created.parties.map((p) => p.organizationId)).toEqual([a.org.id, b.org.id]);
    const told = await emailsTo(env, requestA.contactEmail);
    expect(told.at(-1)?.template).toBe("training_request_scheduled");
    expect(String(told.at(-1)?.text_body)).toContain(b.org.name);
    const readBack = await adminA.GET("/orgs/{orgId}/training-requests/{requestId}", {
      params: { path: { orgId: a.org.id, requestId: requestA.id } },
    });
    expect(expectData(readBack).status).toBe("scheduled");
  });
});

describe("a cancelled training hands its requests back", () => {
  it("reopens both requests for NNS to pair again, tells each förbund, and shows them the cancelled training", async () => {
    const { a, b, nns } = await twoRequesters(env);
    const [adminA, adminB] = [await a.signIn("admin"), await b.signIn("admin")];
    const requestA = await trainingRequest(adminA, a.org.id);
    const requestB = await trainingRequest(adminB, b.org.id, { periodStart: "2027-03-01" });
    const training = expectData(
      await nns.POST("/orgs/{orgId}/trainings", {
        ...inOrg(env.nns.id),
        body: { kind: "bip_skapa", title: "BIP/SKAPA att ställa in", requestIds: [requestA.id, requestB.id] },
      }),
      201,
    );
    const reason = "Utbildaren är sjuk; NNS planerar nya datum.";
    expectData(
      await nns.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
        params: { path: { orgId: env.nns.id, trainingId: training.id } },
        body: { action: "cancel", reason },
      }),
    );

    const own = expectData(
      await adminA.GET("/orgs/{orgId}/training-requests/{requestId}", {
        params: { path: { orgId: a.org.id, requestId: requestA.id } },
      }),
    );
    expect(own).toMatchObject({
      status: "submitted",
      trainingId: null,
      cancelledTrainings: [{ trainingId: training.id, title: "BIP/SKAPA att ställa in", reason }],
    });
    const told = await emailsTo(env, requestA.contactEmail);
    expect(told.map((e) => e.template)).toContain("training_request_reopened");
    expect(String(told.find((e) => e.template === "training_request_reopened")?.text_body)).toContain(reason);

    const inbox = expectData(
      await nns.GET(REQUESTS, { params: { path: { orgId: env.nns.id }, query: { status: "submitted" } } }),
    ).data.map((r) => r.id);
    expect(inbox).toEqual(expect.arrayContaining([requestA.id, requestB.id]));
    const pairings = expectData(await nns.GET("/nns/training-pairings")).data;
    expect(
      pairings.some((p) => p.requestIds.includes(requestA.id) && p.requestIds.includes(requestB.id)),
    ).toBe(true);
    // Scheduled again: the new training answers the same requests.
    const again = expectData(
      await nns.POST("/orgs/{orgId}/trainings", {
        ...inOrg(env.nns.id),
        body: { kind: "bip_skapa", title: "BIP/SKAPA nytt försök", requestIds: [requestA.id, requestB.id] },
      }),
      201,
    );
    expect(again.parties.map((p) => p.organizationId)).toEqual([a.org.id, b.org.id]);
  });
});
