import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, expectProblem, PUBLIC_URL, setupTestApp, signIn, type TestEnv } from "./helpers.js";

let env: TestEnv;
let adminA: Client;
let adminB: Client;
let nnsAdmin: Client;

interface Email {
  id: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  template: string;
  transport: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

const outboxOf = (orgId: string) => `/v1/orgs/${orgId}/outbox`;
const recipients = (res: { body: { data: Email[] } }) => res.body.data.map((e) => e.to);

beforeAll(async () => {
  env = await setupTestApp();
  adminA = await signIn(env, env.users.adminA.email);
  adminB = await signIn(env, env.users.adminB.email);
  nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
  const a = await adminA.post(`/v1/orgs/${env.orgA.id}/invitations`, {
    email: "inbjuden.a@test.se",
    role: "editor",
  });
  const b = await adminB.post(`/v1/orgs/${env.orgB.id}/invitations`, {
    email: "inbjuden.b@test.se",
    role: "viewer",
  });
  const reset = await new Client(env).post("/v1/auth/password-reset", { email: env.users.viewerA.email });
  if (a.status !== 201 || b.status !== 201 || reset.status !== 202) throw new Error("outbox setup failed");
});
afterAll(async () => env?.close());

describe("outbox", () => {
  it("shows an org admin the invitation email of their organization with its link", async () => {
    const res = await adminA.get(outboxOf(env.orgA.id));
    expect(res.status).toBe(200);
    expect(recipients(res)).toEqual(["inbjuden.a@test.se"]);
    const [mail] = res.body.data as Email[];
    expect(mail).toMatchObject({
      to: "inbjuden.a@test.se",
      subject: "Inbjudan till Samordningsförbundet Alfa på NNS-plattformen",
      template: "invitation",
      transport: "outbox",
      status: "sent",
    });
    expect(mail?.sentAt).toEqual(expect.any(String));
    expect(mail?.text).toMatch(new RegExp(`${PUBLIC_URL}/accept-invitation#token=[a-z2-7]+`));
    expect(mail?.text).toContain("redaktör");
    expect(mail?.html).toContain("#token=");
    // The link in the outbox is the live one: it previews the invitation.
    const token = /#token=([a-z2-7]+)/.exec(mail?.text ?? "")?.[1];
    const preview = await new Client(env).post("/v1/auth/invitations/lookup", { token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email: "inbjuden.a@test.se",
      organizationName: "Samordningsförbundet Alfa",
    });
  });

  it("does not show an org admin other organizations' emails or password resets", async () => {
    const a = recipients(await adminA.get(outboxOf(env.orgA.id)));
    expect(a).not.toContain("inbjuden.b@test.se");
    expect(a).not.toContain(env.users.viewerA.email);
    const b = await adminB.get(outboxOf(env.orgB.id));
    expect(recipients(b)).toEqual(["inbjuden.b@test.se"]);
    expect(b.body.data[0].subject).toBe("Inbjudan till Samordningsförbundet Beta på NNS-plattformen");
    // Another förbund's outbox is not reachable at all.
    expectProblem(await adminB.get(outboxOf(env.orgA.id)), 404, "not_found");
  });

  it("shows an NNS admin in the NNS organization every email, password resets included", async () => {
    const res = await nnsAdmin.get(outboxOf(env.nns.id));
    expect(res.status).toBe(200);
    const to = recipients(res);
    expect(to).toContain("inbjuden.a@test.se");
    expect(to).toContain("inbjuden.b@test.se");
    const reset = (res.body.data as Email[]).find((e) => e.to === env.users.viewerA.email);
    expect(reset).toMatchObject({
      template: "password_reset",
      subject: "Återställ ditt lösenord på NNS-plattformen",
    });
    expect(reset?.text).toContain("#token=");
    const rows = await env.t.db.ownerSql("select count(*)::int as n from emails");
    expect(res.body.data).toHaveLength(Number(rows[0]?.n));
  });

  it("shows an NNS admin looking at a förbund only that förbund's emails", async () => {
    const res = await nnsAdmin.get(outboxOf(env.orgA.id));
    expect(res.status).toBe(200);
    expect(recipients(res)).toEqual(["inbjuden.a@test.se"]);
  });

  it("lists newest first and pages with limit", async () => {
    await adminA.post(`/v1/orgs/${env.orgA.id}/invitations`, { email: "senare.a@test.se", role: "viewer" });
    const all = await adminA.get(outboxOf(env.orgA.id));
    expect(recipients(all)).toEqual(["senare.a@test.se", "inbjuden.a@test.se"]);
    const first = await adminA.get(`${outboxOf(env.orgA.id)}?limit=1`);
    expect(recipients(first)).toEqual(["senare.a@test.se"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await adminA.get(
      `${outboxOf(env.orgA.id)}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(recipients(second)).toEqual(["inbjuden.a@test.se"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("is closed to editors and viewers (403) and to anonymous callers (401)", async () => {
    const editor = await signIn(env, env.users.editorA.email);
    expectProblem(await editor.get(outboxOf(env.orgA.id)), 403, "forbidden");
    const viewer = await signIn(env, env.users.viewerA.email);
    expectProblem(await viewer.get(outboxOf(env.orgA.id)), 403, "forbidden");
    const nnsViewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await nnsViewer.get(outboxOf(env.nns.id)), 403, "forbidden");
    expectProblem(await new Client(env).get(outboxOf(env.orgA.id)), 401, "unauthenticated");
  });
});

describe("reference data", () => {
  it("lists Sweden's 21 län, without signing in", async () => {
    const res = await new Client(env).get("/v1/reference/counties");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(21);
    expect(new Set(res.body.data.map((c: { code: string }) => c.code)).size).toBe(21);
    expect(res.body.data).toContainEqual({ code: "13", name: "Hallands län" });
    expect(res.body.data).toContainEqual({ code: "01", name: "Stockholms län" });
    for (const county of res.body.data) expect(county.code).toMatch(/^\d{2}$/);
    expect(res.headers.get("cache-control")).toContain("max-age=");
  });

  it("lists Sweden's 290 kommuner, each in a known län", async () => {
    const counties = new Set(
      (await new Client(env).get("/v1/reference/counties")).body.data.map((c: { code: string }) => c.code),
    );
    const res = await new Client(env).get("/v1/reference/municipalities");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(290);
    expect(new Set(res.body.data.map((m: { code: string }) => m.code)).size).toBe(290);
    for (const m of res.body.data as { code: string; countyCode: string }[]) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(counties.has(m.countyCode)).toBe(true);
      expect(m.code.slice(0, 2)).toBe(m.countyCode);
    }
    expect(res.body.data).toContainEqual({ code: "0180", name: "Stockholm", countyCode: "01" });
  });

  it("filters kommuner by län: Halland has six", async () => {
    const res = await new Client(env).get("/v1/reference/municipalities?countyCode=13");
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(
      res.body.data.map((m: { code: string; name: string }) => [m.code, m.name]),
    );
    expect(byCode).toEqual({
      "1315": "Hylte",
      "1380": "Halmstad",
      "1381": "Laholm",
      "1382": "Falkenberg",
      "1383": "Varberg",
      "1384": "Kungsbacka",
    });
    expect(res.body.data.every((m: { countyCode: string }) => m.countyCode === "13")).toBe(true);
  });

  it("refuses a malformed countyCode with 400 naming the query field", async () => {
    for (const bad of ["1", "130", "ab", "1%203"]) {
      const res = await new Client(env).get(`/v1/reference/municipalities?countyCode=${bad}`);
      expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe("query.countyCode");
    }
  });

  it("lists every förbund by name for anyone, without NNS and without contact details", async () => {
    const res = await new Client(env).get("/v1/reference/forbund");
    expect(res.status).toBe(200);
    const names = res.body.data.map((f: { name: string }) => f.name);
    expect(names).toContain(env.orgA.name);
    expect(names).toContain(env.orgB.name);
    expect(names).not.toContain(env.nns.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(Object.keys(res.body.data[0]).sort()).toEqual(["countyCode", "id", "name", "slug"]);
  });
});
