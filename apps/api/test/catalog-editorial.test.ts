import { createApiKey } from "@nns/services";
import { sampleContent } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import {
  act,
  createIntervention,
  INTERVENTION,
  INTERVENTIONS,
  inOrg,
  intervention,
  putContent,
} from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn, withKey } from "./client.js";
import { freshTenant, lastEmailTo, useTestApp } from "./helpers.js";

const env = useTestApp();

const PUBLIC_ENTRY = "/catalog/interventions/{interventionId}";
const publicEntry = (interventionId: string) => ({ params: { path: { interventionId } } });
const SETTINGS = "/orgs/{orgId}/catalog-settings";
const selfPublishing = (client: Client, orgId: string, allowed: boolean) =>
  client.PUT(SETTINGS, { ...inOrg(orgId), body: { selfPublishing: allowed } });
const nnsAdmin = () => signIn(env, env.users.nnsAdmin.email);

describe("the workflow, per role", () => {
  it("editor submits, NNS publishes; the published version stays public while a new draft is edited", async () => {
    const t = await freshTenant(env);
    const [editor, admin, nns] = [await t.signIn("editor"), await t.signIn("admin"), await nnsAdmin()];
    const created = await createIntervention(editor, t.org.id, { title: "Arbetsträning för unga" });
    expect(expectData(await act(editor, t.org.id, created.id, "submit")).state).toBe("submitted");
    // The förbund cannot publish without a grant from NNS, even its administrator.
    expectProblem(await act(admin, t.org.id, created.id, "publish"), 403, "forbidden");
    expectProblem(await putContent(editor, t.org.id, created.id, sampleContent()), 409, "conflict");

    const published = expectData(await act(nns, t.org.id, created.id, "publish"));
    expect(published).toMatchObject({ state: "published", publishedRevision: 1 });
    expect(expectData(await editor.GET(PUBLIC_ENTRY, publicEntry(created.id))).document.title).toBe(
      "Arbetsträning för unga",
    );

    const draft = await putContent(
      editor,
      t.org.id,
      created.id,
      sampleContent({ title: "Arbetsträning för unga vuxna" }),
    );
    expect(expectData(draft)).toMatchObject({ state: "draft", revision: 2, publishedRevision: 1 });
    const pub = expectData(await new Client(env).GET(PUBLIC_ENTRY, publicEntry(created.id)));
    expect(pub.document.title).toBe("Arbetsträning för unga");

    const versions = expectData(
      await editor.GET(
        "/orgs/{orgId}/interventions/{interventionId}/versions",
        intervention(t.org.id, created.id),
      ),
    );
    expect(versions.data[0]?.publishedByLabel).toBe(env.users.nnsAdmin.email);
    expect(versions.data[1]?.publishedAt).toBeNull();
  });

  it("previews the working copy as its public page, framable only by the admin, and only for those who may read it", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const [editor, viewer, otherAdmin] = [
      await t.signIn("editor"),
      await t.signIn("viewer"),
      await other.signIn("admin"),
    ];
    const created = await createIntervention(editor, t.org.id, { title: "Förhandsvisad insats" });
    expectData(
      await putContent(
        editor,
        t.org.id,
        created.id,
        sampleContent({
          title: "Förhandsvisad insats",
          description: "**Fet** text<script>alert(1)</script>",
        }),
      ),
    );
    const PREVIEW = "/orgs/{orgId}/interventions/{interventionId}/preview";
    const preview = await viewer.GET(PREVIEW, { ...intervention(t.org.id, created.id), parseAs: "text" });
    const page = expectData(preview);
    expect(preview.response.headers.get("content-type")).toContain("text/html");
    expect(preview.response.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(page).toContain("Förhandsgranskning av version 2 – inte publicerad");
    expect(page).toContain("<h1>Förhandsvisad insats</h1>");
    expect(page).toContain("<strong>Fet</strong>");
    expect(page).not.toContain("<script>");
    // The public page of the same entry does not exist until it is published.
    expect((await new Client(env).raw("GET", `/katalog/${created.id}`)).status).toBe(404);
    expect((await new Client(env).raw("GET", "/katalog")).headers.get("content-security-policy")).toContain(
      "frame-ancestors 'none'",
    );
    expectProblem(await otherAdmin.GET(PREVIEW, intervention(t.org.id, created.id)), 404, "not_found");
    expectProblem(await otherAdmin.GET(PREVIEW, intervention(other.org.id, created.id)), 404, "not_found");
  });

  it("tells NNS's reviewer the owner, who submitted the entry and what they wrote; only to the editors", async () => {
    const t = await freshTenant(env);
    const [editor, admin, nns] = [await t.signIn("editor"), await t.signIn("admin"), await nnsAdmin()];
    const created = await createIntervention(editor, t.org.id, { title: "Granskad insats" });
    expectData(await act(editor, t.org.id, created.id, "submit", { comment: "Resultaten för 2011 är med." }));
    const SUBMISSION = "/orgs/{orgId}/interventions/{interventionId}/submission";
    const submission = expectData(await nns.GET(SUBMISSION, intervention(t.org.id, created.id)));
    expect(submission).toMatchObject({
      organizationName: t.org.name,
      submittedBy: `editor ${t.org.slug}`,
      comment: "Resultaten för 2011 är med.",
    });
    expect(submission.submittedAt).not.toBeNull();
    // A later submission without a comment replaces the earlier one's.
    expectData(await act(editor, t.org.id, created.id, "withdraw"));
    expectData(await act(admin, t.org.id, created.id, "submit"));
    expect(expectData(await nns.GET(SUBMISSION, intervention(t.org.id, created.id)))).toMatchObject({
      submittedBy: `admin ${t.org.slug}`,
      comment: null,
    });
    expectProblem(await admin.GET(SUBMISSION, intervention(t.org.id, created.id)), 403, "forbidden");
  });

  it("returns with a required comment, and the förbund resubmits after editing", async () => {
    const t = await freshTenant(env);
    const [editor, nns] = [await t.signIn("editor"), await nnsAdmin()];
    const created = await createIntervention(editor, t.org.id, { title: "Resursteam" });
    expectData(await act(editor, t.org.id, created.id, "submit"));
    expect(
      expectProblem(await act(nns, t.org.id, created.id, "return"), 400, "validation_failed").errors?.[0],
    ).toMatchObject({ field: "body.comment", rule: "invalid_type" });
    expect(
      expectProblem(
        await act(nns, t.org.id, created.id, "return", { comment: "  " }),
        400,
        "validation_failed",
      ).errors?.[0],
    ).toMatchObject({ field: "body.comment", rule: "too_small" });
    const returned = await act(nns, t.org.id, created.id, "return", { comment: "Beskriv målgruppen." });
    expect(expectData(returned)).toMatchObject({ state: "returned", reviewComment: "Beskriv målgruppen." });
    // The author hears of it, with the comment and a link to the entry in the admin.
    const returnMail = await lastEmailTo(env, t.editor.email);
    expect(returnMail.subject).toBe("Insatsen har skickats tillbaka: Resursteam");
    expect(returnMail.text).toContain("Beskriv målgruppen.");
    expect(returnMail.text).toContain(`/o/${t.org.id}/interventions/${created.id}`);
    const edited = await putContent(editor, t.org.id, created.id, sampleContent());
    expect(expectData(edited).state).toBe("returned");
    expect(expectData(await act(editor, t.org.id, created.id, "submit")).state).toBe("submitted");
    expect(expectData(await act(editor, t.org.id, created.id, "withdraw")).state).toBe("draft");
    expectData(await act(editor, t.org.id, created.id, "submit"));
    expectData(await act(nns, t.org.id, created.id, "publish"));
    const published = await lastEmailTo(env, t.editor.email);
    expect(published.subject).toBe("Insatsen är publicerad: Resursteam för samordnad rehabilitering");
    expect(published.text).toContain(`/katalog/${created.id}`);
  });

  it("never lets an API key or a co-owner publish", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const nns = await nnsAdmin();
    const { secret } = await createApiKey(t.ctx, {
      name: "portal",
      scopes: ["interventions:read", "interventions:write"],
      expiresAt: null,
    });
    const key = withKey(env, secret);
    const created = expectData(
      await key.POST(INTERVENTIONS, { ...inOrg(t.org.id), body: { content: sampleContent() } }),
      201,
    );
    expect(expectData(await act(key, t.org.id, created.id, "submit")).state).toBe("submitted");
    expectProblem(await act(key, t.org.id, created.id, "publish"), 403, "forbidden");

    // Even a co-owner allowed to publish its own entries may not publish another förbund's.
    expectData(await selfPublishing(nns, other.org.id, true));
    const otherAdmin = await other.signIn("admin");
    expectData(
      await (await t.signIn("admin")).POST("/orgs/{orgId}/interventions/{interventionId}/co-owners", {
        ...intervention(t.org.id, created.id),
        body: { organizationId: other.org.id },
      }),
      201,
    );
    expectData(
      await otherAdmin.POST(
        "/orgs/{orgId}/interventions/{interventionId}/co-ownership/accept",
        intervention(other.org.id, created.id),
      ),
    );
    expectProblem(await act(otherAdmin, other.org.id, created.id, "publish"), 403, "forbidden");
  });

  it("lets a förbund's administrators publish directly once NNS grants self-publishing, but not its editors", async () => {
    const t = await freshTenant(env);
    const [admin, editor, nns] = [await t.signIn("admin"), await t.signIn("editor"), await nnsAdmin()];
    expectProblem(await selfPublishing(admin, t.org.id, true), 403, "forbidden");
    expect(expectData(await selfPublishing(nns, t.org.id, true))).toEqual({ selfPublishing: true });
    const created = await createIntervention(editor, t.org.id);
    expectProblem(await act(editor, t.org.id, created.id, "publish"), 403, "forbidden");
    expect(expectData(await act(admin, t.org.id, created.id, "publish")).state).toBe("published");
    // Nobody is told of their own decision: an admin publishing what they wrote gets no email.
    const mails = async () =>
      Number(
        (
          await env.t.db.ownerSql("select count(*)::int as n from emails where to_address = $1", [
            t.admin.email,
          ])
        )[0]?.n,
      );
    const before = await mails();
    const own = await createIntervention(admin, t.org.id, { title: "Eget beslut" });
    expect(expectData(await act(admin, t.org.id, own.id, "publish")).state).toBe("published");
    expect(await mails()).toBe(before);
    expectData(await selfPublishing(nns, t.org.id, false));
    const another = await createIntervention(editor, t.org.id);
    expectProblem(await act(admin, t.org.id, another.id, "publish"), 403, "forbidden");
  });

  it("archives: gone from the public catalogue, kept as a record, never edited again", async () => {
    const t = await freshTenant(env);
    const [admin, editor, nns] = [await t.signIn("admin"), await t.signIn("editor"), await nnsAdmin()];
    const created = await createIntervention(editor, t.org.id);
    expectData(await act(editor, t.org.id, created.id, "submit"));
    expectData(await act(nns, t.org.id, created.id, "publish"));
    expect(expectData(await act(admin, t.org.id, created.id, "archive")).state).toBe("archived");
    expectProblem(await admin.GET(PUBLIC_ENTRY, publicEntry(created.id)), 404, "not_found");
    expect(expectData(await admin.GET(INTERVENTION, intervention(t.org.id, created.id))).state).toBe(
      "archived",
    );
    expectProblem(await putContent(admin, t.org.id, created.id, sampleContent()), 409, "conflict");
  });

  it("shows NNS every förbund's submissions in the editorial queue, and nothing else", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const [editor, otherAdmin, nns] = [
      await t.signIn("editor"),
      await other.signIn("admin"),
      await nnsAdmin(),
    ];
    const a = await createIntervention(editor, t.org.id, { title: "Kö-test Alfa" });
    expectData(await act(editor, t.org.id, a.id, "submit"));
    const b = await createIntervention(otherAdmin, other.org.id, { municipalityCodes: ["2281"] });
    expectData(await act(otherAdmin, other.org.id, b.id, "submit"));
    const draft = await createIntervention(editor, t.org.id, { title: "Bara utkast" });

    const queue = expectData(await nns.GET("/nns/catalog/queue", { params: { query: { limit: 200 } } }));
    const ids = queue.data.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(draft.id);
    expect(queue.data.every((i) => i.state === "submitted")).toBe(true);
    expect(queue.data.find((i) => i.id === b.id)?.organizationName).toBe(other.org.name);
  });
});

describe("the target-group vocabulary", () => {
  it("is maintained by NNS: added groups can be used, retired ones no longer offered", async () => {
    const t = await freshTenant(env);
    const [admin, nns] = [await t.signIn("admin"), await nnsAdmin()];
    const GROUP = "/nns/catalog/target-groups/{code}";
    const parents = { params: { path: { code: "parents" } } };
    // Without `retired`, which defaults to false: the contract marks it required, so this request goes raw.
    const added = await nns.raw("PUT", "/v1/nns/catalog/target-groups/parents", {
      body: { labelSv: "Föräldrar i utanförskap" },
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      code: "parents",
      labelSv: "Föräldrar i utanförskap",
      retired: false,
    });
    await createIntervention(admin, t.org.id, { targetGroups: ["parents"] });
    expectData(
      await nns.PUT(GROUP, { ...parents, body: { labelSv: "Föräldrar i utanförskap", retired: true } }),
    );
    const vocab = expectData(await admin.GET("/catalog/vocabularies"));
    expect(vocab.targetGroups.map((g) => g.code)).not.toContain("parents");
    expectProblem(
      await admin.POST(INTERVENTIONS, {
        ...inOrg(t.org.id),
        body: { content: sampleContent({ targetGroups: ["parents"] }) },
      }),
      400,
      "validation_failed",
    );
    expectProblem(
      await admin.PUT(GROUP, { ...parents, body: { labelSv: "Hackat", retired: false } }),
      403,
      "forbidden",
    );
  });
});
