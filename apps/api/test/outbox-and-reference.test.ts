import type { Schemas } from "@nns/api-client";
import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, PUBLIC_URL, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const OUTBOX = "/orgs/{orgId}/outbox";
const outbox = (client: Client, orgId: string, query: { limit?: number; cursor?: string } = {}) =>
  client.GET(OUTBOX, { params: { path: { orgId }, query } });
const recipients = (page: Schemas["EmailPage"]) => page.data.map((e) => e.to);

/**
 * Two förbund, each with an invitation sent (an editor invited to the first, a viewer to the other), and
 * a password reset for the first förbund's viewer, which belongs to no förbund's outbox.
 */
async function outboxHistory() {
  const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
  const invited = `inbjuden.${t.org.slug}@test.se`;
  const invitedOther = `inbjuden.${other.org.slug}@test.se`;
  const invite = async (tenant: typeof t, email: string, role: "editor" | "viewer") =>
    expectData(
      await (await tenant.signIn("admin")).POST("/orgs/{orgId}/invitations", {
        params: { path: { orgId: tenant.org.id } },
        body: { email, role },
      }),
      201,
    );
  await invite(t, invited, "editor");
  await invite(other, invitedOther, "viewer");
  expectData(await new Client(env).POST("/auth/password-reset", { body: { email: t.viewer.email } }), 202);
  return { t, other, invited, invitedOther, invite };
}

describe("outbox", () => {
  it("shows an org admin the invitation email of their organization with its link", async () => {
    const { t, invited } = await outboxHistory();
    const page = expectData(await outbox(await t.signIn("admin"), t.org.id));
    expect(recipients(page)).toEqual([invited]);
    const [mail] = page.data;
    expect(mail).toMatchObject({
      to: invited,
      subject: `Inbjudan till ${t.org.name} på NNS-plattformen`,
      template: "invitation",
      transport: "outbox",
      status: "sent",
    });
    expect(mail?.sentAt).toEqual(expect.any(String));
    expect(mail?.text).toMatch(new RegExp(`${PUBLIC_URL}/accept-invitation#token=[a-z2-7]+`));
    expect(mail?.text).toContain("redaktör");
    expect(mail?.html).toContain("#token=");
    // The link in the outbox is the live one: it previews the invitation.
    const token = /#token=([a-z2-7]+)/.exec(mail?.text ?? "")?.[1] as string;
    const preview = await new Client(env).POST("/auth/invitations/lookup", { body: { token } });
    expect(expectData(preview)).toMatchObject({ email: invited, organizationName: t.org.name });
  });

  it("does not show an org admin other organizations' emails or password resets", async () => {
    const { t, other, invitedOther } = await outboxHistory();
    const a = recipients(expectData(await outbox(await t.signIn("admin"), t.org.id)));
    expect(a).not.toContain(invitedOther);
    expect(a).not.toContain(t.viewer.email);
    const otherAdmin = await other.signIn("admin");
    const b = expectData(await outbox(otherAdmin, other.org.id));
    expect(recipients(b)).toEqual([invitedOther]);
    expect(b.data[0]?.subject).toBe(`Inbjudan till ${other.org.name} på NNS-plattformen`);
    // Another förbund's outbox is not reachable at all.
    expectProblem(await outbox(otherAdmin, t.org.id), 404, "not_found");
  });

  it("shows an NNS admin in the NNS organization every email, password resets included", async () => {
    const { t, invited, invitedOther } = await outboxHistory();
    const page = expectData(
      await outbox(await signIn(env, env.users.nnsAdmin.email), env.nns.id, { limit: 200 }),
    );
    const to = recipients(page);
    expect(to).toContain(invited);
    expect(to).toContain(invitedOther);
    const reset = page.data.find((e) => e.to === t.viewer.email);
    expect(reset).toMatchObject({
      template: "password_reset",
      subject: "Återställ ditt lösenord på NNS-plattformen",
    });
    expect(reset?.text).toContain("#token=");
    const rows = await env.t.db.ownerSql("select count(*)::int as n from emails");
    expect(page.data).toHaveLength(Number(rows[0]?.n));
  });

  it("shows an NNS admin looking at a förbund only that förbund's emails", async () => {
    const { t, invited } = await outboxHistory();
    const page = expectData(await outbox(await signIn(env, env.users.nnsAdmin.email), t.org.id));
    expect(recipients(page)).toEqual([invited]);
  });

  it("lists newest first and pages with limit", async () => {
    const { t, invited, invite } = await outboxHistory();
    const later = `senare.${t.org.slug}@test.se`;
    await invite(t, later, "viewer");
    const admin = await t.signIn("admin");
    expect(recipients(expectData(await outbox(admin, t.org.id)))).toEqual([later, invited]);
    const first = expectData(await outbox(admin, t.org.id, { limit: 1 }));
    expect(recipients(first)).toEqual([later]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = expectData(
      await outbox(admin, t.org.id, { limit: 1, cursor: first.nextCursor as string }),
    );
    expect(recipients(second)).toEqual([invited]);
    expect(second.nextCursor).toBeNull();
  });

  it("is closed to editors and viewers (403) and to anonymous callers (401)", async () => {
    const t = await freshTenant(env);
    expectProblem(await outbox(await t.signIn("editor"), t.org.id), 403, "forbidden");
    expectProblem(await outbox(await t.signIn("viewer"), t.org.id), 403, "forbidden");
    const nnsViewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await outbox(nnsViewer, env.nns.id), 403, "forbidden");
    expectProblem(await outbox(new Client(env), t.org.id), 401, "unauthenticated");
  });
});

describe("reference data", () => {
  it("lists Sweden's 21 län, without signing in", async () => {
    const res = await new Client(env).GET("/reference/counties");
    const { data } = expectData(res);
    expect(data).toHaveLength(21);
    expect(new Set(data.map((c) => c.code)).size).toBe(21);
    expect(data).toContainEqual({ code: "13", name: "Hallands län" });
    expect(data).toContainEqual({ code: "01", name: "Stockholms län" });
    for (const county of data) expect(county.code).toMatch(/^\d{2}$/);
    expect(res.response.headers.get("cache-control")).toContain("max-age=");
  });

  it("lists Sweden's 290 kommuner, each in a known län", async () => {
    const counties = new Set(
      expectData(await new Client(env).GET("/reference/counties")).data.map((c) => c.code),
    );
    const { data } = expectData(await new Client(env).GET("/reference/municipalities"));
    expect(data).toHaveLength(290);
    expect(new Set(data.map((m) => m.code)).size).toBe(290);
    for (const m of data) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(counties.has(m.countyCode)).toBe(true);
      expect(m.code.slice(0, 2)).toBe(m.countyCode);
    }
    expect(data).toContainEqual({ code: "0180", name: "Stockholm", countyCode: "01" });
  });

  it("filters kommuner by län: Halland has six", async () => {
    const { data } = expectData(
      await new Client(env).GET("/reference/municipalities", { params: { query: { countyCode: "13" } } }),
    );
    const byCode = Object.fromEntries(data.map((m) => [m.code, m.name]));
    expect(byCode).toEqual({
      "1315": "Hylte",
      "1380": "Halmstad",
      "1381": "Laholm",
      "1382": "Falkenberg",
      "1383": "Varberg",
      "1384": "Kungsbacka",
    });
    expect(data.every((m) => m.countyCode === "13")).toBe(true);
  });

  it("refuses a malformed countyCode with 400 naming the query field", async () => {
    for (const bad of ["1", "130", "ab", "1%203"]) {
      // Sent as written: "1%203" is an encoded space the typed client would encode again.
      const res = await new Client(env).raw("GET", `/v1/reference/municipalities?countyCode=${bad}`);
      expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe("query.countyCode");
    }
  });

  it("lists every förbund by name for anyone, without NNS and without contact details", async () => {
    const t = await freshTenant(env);
    const { data } = expectData(await new Client(env).GET("/reference/forbund"));
    const names = data.map((f) => f.name);
    expect(names).toContain(env.orgA.name);
    expect(names).toContain(env.orgB.name);
    expect(names).toContain(t.org.name);
    expect(names).not.toContain(env.nns.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(["countyCode", "id", "name", "slug"]);
  });
});
