import { describe, expect, it } from "vitest";
import { expectData, expectProblem, PUBLIC_URL } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const NEWSLETTERS = "/orgs/{orgId}/newsletters";
const NEWSLETTER = "/orgs/{orgId}/newsletters/{publicationId}";
const PUBLISHERS = "/orgs/{orgId}/newsletters/{publicationId}/publishers";
const PUBLISHER = "/orgs/{orgId}/newsletters/{publicationId}/publishers/{publisherId}";
const ACCEPT = "/orgs/{orgId}/newsletters/{publicationId}/publishing/accept";
const INVITATIONS = "/orgs/{orgId}/newsletter-invitations";
const ISSUES = "/orgs/{orgId}/newsletters/{publicationId}/issues";
const ISSUE = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}";
const SECTIONS = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections";
const SECTION = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}";
const APPROVE = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}/approve";
const ORDER = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/section-order";
const READY = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/ready";
const SCHEDULE = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/schedule";
const PREVIEW = "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/preview";

let serial = 0;

/** Owner, accepted co-publisher and a third förbund, with their admins signed in, and one issue. */
async function joint() {
  const [owner, partner, third] = await Promise.all([freshTenant(env), freshTenant(env), freshTenant(env)]);
  const [o, p, x] = [
    await owner.signIn("editor"),
    await partner.signIn("editor"),
    await third.signIn("admin"),
  ];
  const publication = expectData(
    await o.POST(NEWSLETTERS, {
      params: { path: { orgId: owner.org.id } },
      body: {
        slug: `gemensamt-${++serial}`,
        name: "Finsam Väst",
        senderName: "Finsam Väst",
        senderEmail: "nyhetsbrev@test.se",
      },
    }),
    201,
  );
  const pub = (t: Tenant) => ({ orgId: t.org.id, publicationId: publication.id });
  expectData(
    await o.POST(PUBLISHERS, { params: { path: pub(owner) }, body: { organizationId: partner.org.id } }),
    201,
  );
  expectData(await p.POST(ACCEPT, { params: { path: pub(partner) } }));
  const issue = expectData(
    await o.POST(ISSUES, { params: { path: pub(owner) }, body: { subject: "Våren 2027" } }),
    201,
  );
  const at = (t: Tenant) => ({ ...pub(t), issueId: issue.id });
  const ownerSection = expectData(
    await o.POST(SECTIONS, { params: { path: at(owner) }, body: { heading: "Ägarens nyheter" } }),
    201,
  ).sections[0];
  const partnerSection = expectData(
    await p.POST(SECTIONS, {
      params: { path: at(partner) },
      body: { heading: "Partnerns nyheter", bodyMarkdown: "Vi *bjuder in*." },
    }),
    201,
  ).sections[1];
  if (!ownerSection || !partnerSection) throw new Error("fixture");
  return { owner, partner, third, o, p, x, publication, issue, pub, at, ownerSection, partnerSection };
}

describe("publications over HTTP", () => {
  it("creates with ETag and Location, refuses a taken slug with 409 slug_taken, and checks If-Match", async () => {
    const t = await freshTenant(env);
    const other = await freshTenant(env);
    const admin = await t.signIn("admin");
    const body = {
      slug: `eget-brev-${++serial}`,
      name: "Eget brev",
      senderName: "Eget",
      senderEmail: "brev@test.se",
    };
    const created = await admin.POST(NEWSLETTERS, { params: { path: { orgId: t.org.id } }, body });
    const view = expectData(created, 201);
    expect(created.response.headers.get("etag")).toBe('"1"');
    expect(created.response.headers.get("location")).toBe(`/v1/orgs/${t.org.id}/newsletters/${view.id}`);
    const taken = await (await other.signIn("admin")).POST(NEWSLETTERS, {
      params: { path: { orgId: other.org.id } },
      body,
    });
    expect(expectProblem(taken, 409, "already_exists").errors?.[0]).toMatchObject({
      field: "body.slug",
      rule: "slug_taken",
    });
    const badSlug = await admin.POST(NEWSLETTERS, {
      params: { path: { orgId: t.org.id } },
      body: { ...body, slug: "Versaler-och-å" },
    });
    expect(expectProblem(badSlug, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.slug",
      rule: "slug_format",
    });
    const path = { orgId: t.org.id, publicationId: view.id };
    const changed = await admin.PATCH(NEWSLETTER, {
      params: { path, header: { "if-match": '"1"' } },
      body: { description: "Två gånger om året." },
    });
    expect(expectData(changed).description).toBe("Två gånger om året.");
    expect(changed.response.headers.get("etag")).toBe('"2"');
    const stale = await admin.PATCH(NEWSLETTER, {
      params: { path, header: { "if-match": '"1"' } },
      body: { description: "Gammal" },
    });
    expectProblem(stale, 412, "precondition_failed");
    const viewer = await t.signIn("viewer");
    expectProblem(
      await viewer.POST(NEWSLETTERS, { params: { path: { orgId: t.org.id } }, body }),
      403,
      "forbidden",
    );
  });

  it("invites, accepts and lets a co-publisher leave; the invitation lists the newsletter by name", async () => {
    const f = await joint();
    const list = expectData(await f.p.GET(NEWSLETTERS, { params: { path: { orgId: f.partner.org.id } } }));
    expect(list.data.map((n) => [n.id, n.isOwner])).toEqual([[f.publication.id, false]]);
    const newcomer = await freshTenant(env);
    const n = await newcomer.signIn("admin");
    expectData(
      await f.o.POST(PUBLISHERS, {
        params: { path: f.pub(f.owner) },
        body: { organizationId: newcomer.org.id },
      }),
      201,
    );
    const open = expectData(await n.GET(INVITATIONS, { params: { path: { orgId: newcomer.org.id } } }));
    expect(open.data).toEqual([
      expect.objectContaining({ publicationId: f.publication.id, publicationName: "Finsam Väst" }),
    ]);
    expectProblem(await n.GET(NEWSLETTER, { params: { path: f.pub(newcomer) } }), 404, "not_found");
    const publishers = expectData(await f.o.GET(PUBLISHERS, { params: { path: f.pub(f.owner) } }));
    expect(publishers.data.map((x) => [x.organizationId, x.role, x.acceptedAt === null])).toEqual([
      [f.owner.org.id, "owner", false],
      [f.partner.org.id, "co_publisher", false],
      [newcomer.org.id, "co_publisher", true],
    ]);
    const leave = await f.p.DELETE(PUBLISHER, {
      params: { path: { ...f.pub(f.partner), publisherId: f.partner.org.id } },
    });
    expect(leave.response.status).toBe(204);
    expectProblem(await f.p.GET(NEWSLETTER, { params: { path: f.pub(f.partner) } }), 404, "not_found");
    // Its section went with it: the issue the owner sees has only the owner's.
    const issue = expectData(await f.o.GET(ISSUE, { params: { path: f.at(f.owner) } }));
    expect(issue.sections.map((s) => s.heading)).toEqual(["Ägarens nyheter"]);
  });
});

describe("isolation over HTTP", () => {
  it("a co-publisher sees the shared issue and edits only its own sections; 403 for the owner's, even by id", async () => {
    const f = await joint();
    const seen = expectData(await f.p.GET(ISSUE, { params: { path: f.at(f.partner) } }));
    expect(seen.sections.map((s) => [s.heading, s.mine])).toEqual([
      ["Ägarens nyheter", false],
      ["Partnerns nyheter", true],
    ]);
    const own = await f.p.PATCH(SECTION, {
      params: { path: { ...f.at(f.partner), sectionId: f.partnerSection.id }, header: { "if-match": '"1"' } },
      body: { heading: "Partnerns vårnyheter" },
    });
    expect(expectData(own).sections[1]).toMatchObject({ heading: "Partnerns vårnyheter", version: 2 });
    const theirs = await f.p.PATCH(SECTION, {
      params: { path: { ...f.at(f.partner), sectionId: f.ownerSection.id } },
      body: { heading: "Kapad" },
    });
    expectProblem(theirs, 403, "forbidden");
    expectProblem(
      await f.p.DELETE(SECTION, { params: { path: { ...f.at(f.partner), sectionId: f.ownerSection.id } } }),
      403,
      "forbidden",
    );
    expectProblem(
      await f.p.PATCH(ISSUE, { params: { path: f.at(f.partner) }, body: { subject: "Kapad" } }),
      403,
      "forbidden",
    );
    const after = expectData(await f.o.GET(ISSUE, { params: { path: f.at(f.owner) } }));
    expect(after.sections[0]?.heading).toBe("Ägarens nyheter");
  });

  it("a third förbund gets 404 for the newsletter, its issue, sections and preview, and lists nothing", async () => {
    const f = await joint();
    const mine = { orgId: f.third.org.id, publicationId: f.publication.id, issueId: f.issue.id };
    expectProblem(await f.x.GET(NEWSLETTER, { params: { path: f.pub(f.third) } }), 404, "not_found");
    expectProblem(await f.x.GET(ISSUES, { params: { path: f.pub(f.third) } }), 404, "not_found");
    expectProblem(await f.x.GET(ISSUE, { params: { path: mine } }), 404, "not_found");
    expectProblem(await f.x.GET(PREVIEW, { params: { path: mine } }), 404, "not_found");
    expectProblem(
      await f.x.PATCH(SECTION, {
        params: { path: { ...mine, sectionId: f.ownerSection.id } },
        body: { heading: "X" },
      }),
      404,
      "not_found",
    );
    expectProblem(
      await f.x.POST(SECTIONS, { params: { path: mine }, body: { heading: "Inkräktare" } }),
      404,
      "not_found",
    );
    // And under the owner's path, it is no member: the organization itself is not found.
    expectProblem(await f.x.GET(ISSUE, { params: { path: f.at(f.owner) } }), 404, "not_found");
    expect(
      expectData(await f.x.GET(NEWSLETTERS, { params: { path: { orgId: f.third.org.id } } })).data,
    ).toEqual([]);
  });
});

describe("the way to sending over HTTP", () => {
  it("orders, approves, marks ready, refuses a time in the past and schedules", async () => {
    const f = await joint();
    const ordered = await f.o.PUT(ORDER, {
      params: { path: f.at(f.owner) },
      body: { sectionIds: [f.partnerSection.id, f.ownerSection.id] },
    });
    expect(expectData(ordered).sections.map((s) => s.id)).toEqual([f.partnerSection.id, f.ownerSection.id]);
    expectProblem(await f.o.POST(READY, { params: { path: f.at(f.owner) } }), 409, "conflict");
    expectData(
      await f.o.POST(APPROVE, { params: { path: { ...f.at(f.owner), sectionId: f.ownerSection.id } } }),
    );
    expectProblem(
      await f.o.POST(APPROVE, { params: { path: { ...f.at(f.owner), sectionId: f.partnerSection.id } } }),
      403,
      "forbidden",
    );
    expectData(
      await f.p.POST(APPROVE, { params: { path: { ...f.at(f.partner), sectionId: f.partnerSection.id } } }),
    );
    const ready = await f.o.POST(READY, { params: { path: f.at(f.owner) } });
    expect(expectData(ready).status).toBe("ready");
    const etag = ready.response.headers.get("etag") as string;
    const past = await f.o.POST(SCHEDULE, {
      params: { path: f.at(f.owner), header: { "if-match": etag } },
      body: { scheduledAt: "2020-01-01T09:00:00+01:00" },
    });
    expect(expectProblem(past, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.scheduledAt",
      rule: "future",
    });
    const next = new Date(Date.now() + 7 * 86_400_000);
    const scheduled = await f.o.POST(SCHEDULE, {
      params: { path: f.at(f.owner), header: { "if-match": etag } },
      body: { scheduledAt: next.toISOString() },
    });
    expect(expectData(scheduled)).toMatchObject({ status: "scheduled", scheduledAt: next.toISOString() });
  });

  it("previews the issue as JSON: Swedish HTML with every section, plain text, links to the explaining page", async () => {
    const f = await joint();
    const preview = expectData(await f.p.GET(PREVIEW, { params: { path: f.at(f.partner) } }));
    expect(preview.html).toMatch(/<html[^>]* lang="sv"/);
    expect(preview.html).toContain("Ägarens nyheter");
    expect(preview.html).toContain("<em>bjuder in</em>");
    expect(preview.text).toContain("PARTNERNS NYHETER");
    const link = /href="(http:\/\/localhost:3000\/nyhetsbrev\/forhandsvisning)#avregistrera"/.exec(
      preview.html,
    );
    expect(link?.[1]).toBe(`${PUBLIC_URL}/nyhetsbrev/forhandsvisning`);
    const page = await env.app.request("/nyhetsbrev/forhandsvisning");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('id="avregistrera"');
  });
});
