import { startBackgroundWork } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";
import { newsletterIssueRows } from "./newsletter-fixtures.js";

/**
 * The sending routes over HTTP, without SMTP (development: messages are built and dropped, deliveries
 * become sent): start, the live figures, who may do what, and the test copy through the outbox. The
 * sending itself, over real SMTP, is tested in packages/services/test/newsletter-sending.test.ts.
 */
let env: TestEnv;

beforeAll(async () => {
  env = await setupTestApp();
  await startBackgroundWork(env.deps, { info: () => undefined });
});
afterAll(async () => env?.close());

describe("newsletter sending over HTTP", () => {
  it("starts sending, shows the figures to readers, refuses viewers and moves that do not fit the status", async () => {
    const t = await freshTenant(env);
    const { publicationId, issueId } = await newsletterIssueRows(env.t.db, t.org.id);
    await env.t.db.ownerSql(
      `insert into newsletter_subscribers (organization_id, publication_id, email, status, consent_source)
       select $1, $2, s || i || '@mottagare.test', s, 'api'
         from generate_series(1, 3) i, unnest(array['confirmed', 'unconfirmed']) s`,
      [t.org.id, publicationId],
    );
    const path = { orgId: t.org.id, publicationId, issueId };
    const viewer = await t.signIn("viewer");
    expectProblem(
      await viewer.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/send", {
        params: { path },
      }),
      403,
      "forbidden",
    );
    const admin = await t.signIn("admin");
    const started = expectData(
      await admin.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/send", {
        params: { path },
      }),
    );
    expect(started).toMatchObject({ status: "sending", total: 3 });
    await vi.waitFor(
      async () => {
        const progress = expectData(
          await viewer.GET("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/progress", {
            params: { path },
          }),
        );
        expect(progress).toMatchObject({ status: "sent", total: 3, sent: 3, pending: 0 });
      },
      { timeout: 20_000, interval: 200 },
    );
    expectProblem(
      await admin.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/cancel", {
        params: { path },
      }),
      409,
      "conflict",
    );
    const stranger = await (await freshTenant(env)).signIn("admin");
    expectProblem(
      await stranger.GET("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/progress", {
        params: { path },
      }),
      404,
      "not_found",
    );
  });

  it("sends a test copy to the signed-in editor through the outbox", async () => {
    const t = await freshTenant(env);
    const { publicationId, issueId } = await newsletterIssueRows(env.t.db, t.org.id);
    const editor = await t.signIn("editor");
    const answer = expectData(
      await editor.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/test-send", {
        params: { path: { orgId: t.org.id, publicationId, issueId } },
      }),
      202,
    );
    expect(answer.to).toBe(t.editor.email);
    const [email] = await env.t.db.ownerSql("select subject, template from emails where to_address = $1", [
      t.editor.email,
    ]);
    expect(email).toMatchObject({ subject: "[Test] Nytt från förbunden", template: "newsletter_test" });
  });
});
