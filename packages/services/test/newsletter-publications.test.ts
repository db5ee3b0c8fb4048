import { describe, expect, it } from "vitest";
import {
  acceptPublishing,
  addSection,
  approveSection,
  archivePublication,
  createIssue,
  createPublication,
  getIssue,
  getPublication,
  invitePublisher,
  listPublications,
  listPublishers,
  listPublishingInvitations,
  markIssueReady,
  type PublicationInput,
  removePublisher,
  setPublisherContact,
  updatePublication,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TABLES = ["newsletter_publications", "newsletter_publishers", "resource_shares"];

let serial = 0;
const input = (overrides: Partial<PublicationInput> = {}): PublicationInput => ({
  slug: `brevet-${++serial}`,
  name: "Finsam Väst",
  description: "Nyheter en gång per termin.",
  senderName: "Finsam Väst",
  senderEmail: "nyhetsbrev@halland.test.se",
  ...overrides,
});

/** An owner with a publication, a co-publisher that has accepted, and a third förbund outside it. */
async function sharedPublication() {
  const owner = await freshTenant(env.deps);
  const partner = await freshTenant(env.deps);
  const third = await freshTenant(env.deps);
  const publication = await createPublication(owner.editor, input());
  await invitePublisher(owner.editor, publication.id, partner.organization.id);
  await acceptPublishing(partner.editor, publication.id);
  return { owner, partner, third, publication };
}

const fieldsOf = async (call: Promise<unknown>) =>
  call.then(
    () => [],
    (e: { errors?: { field: string; rule: string }[] }) =>
      (e.errors ?? []).map((x) => `${x.field}:${x.rule}`),
  );

describe("creating and editing a publication", () => {
  it("makes the owner its first publisher, audited with the values in the same transaction", async () => {
    const owner = await freshTenant(env.deps);
    const created = await createPublication(owner.editor, input({ slug: "finsam-vast" }));
    expect(created).toMatchObject({
      slug: "finsam-vast",
      isOwner: true,
      version: 1,
      owner: { id: owner.organization.id, name: owner.organization.name },
      publicUrl: "http://localhost:3000/nyhetsbrev/finsam-vast",
      publishers: [
        { organizationId: owner.organization.id, role: "owner", contact: "", acceptedAt: expect.any(Date) },
      ],
    });
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "newsletter.publication_created",
      entityType: "newsletter_publication",
      entityId: created.id,
      actor: owner.editor,
      after: { slug: "finsam-vast", senderEmail: "nyhetsbrev@halland.test.se" },
      sameTransactionAs: { table: "newsletter_publications", where: { id: created.id } },
    });
  });

  it("refuses bad slugs, addresses and a logo without https or alt text, naming each field and rule", async () => {
    const owner = await freshTenant(env.deps);
    expect(
      await fieldsOf(
        createPublication(
          owner.editor,
          input({
            slug: "Finsam--Väst",
            senderEmail: "inte-en-adress",
            replyTo: "svar@",
            logoUrl: "http://halland.test.se/logo.png",
          }),
        ),
      ),
    ).toEqual([
      "body.slug:slug_format",
      "body.senderEmail:invalid_format:email",
      "body.replyTo:invalid_format:email",
      "body.logoUrl:https_required",
      "body.logoAlt:alt_required",
    ]);
    for (const slug of ["ab", "-brev", "brev-", "brev--ett", "a".repeat(61)])
      expect(await fieldsOf(createPublication(owner.editor, input({ slug }))), slug).toEqual([
        "body.slug:slug_format",
      ]);
    expect(await fieldsOf(createPublication(owner.editor, input({ slug: "avregistrera" })))).toEqual([
      "body.slug:slug_reserved",
    ]);
    await expectRefused(env.deps, () => createPublication(owner.viewer, input()), "forbidden", TABLES);
  });

  it("answers 409 slug_taken for a slug another förbund already uses, which it cannot see", async () => {
    const first = await freshTenant(env.deps);
    const second = await freshTenant(env.deps);
    await createPublication(first.editor, input({ slug: "gemensamt-brev" }));
    const error = await expectRefused(
      env.deps,
      () => createPublication(second.editor, input({ slug: "gemensamt-brev" })),
      "already_exists",
      TABLES,
    );
    expect(error.errors).toEqual([expect.objectContaining({ field: "body.slug", rule: "slug_taken" })]);
  });

  it("lets the owner change settings with the current version; a stale one is 412 and changes nothing", async () => {
    const { owner, partner, publication } = await sharedPublication();
    const changed = await updatePublication(
      owner.editor,
      publication.id,
      { name: "Finsam i väst", replyTo: "svar@test.se" },
      1,
    );
    expect(changed).toMatchObject({
      name: "Finsam i väst",
      replyTo: "svar@test.se",
      version: 2,
      slug: publication.slug,
    });
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "newsletter.publication_edited",
      entityType: "newsletter_publication",
      entityId: publication.id,
      before: { name: "Finsam Väst", replyTo: null },
      after: { name: "Finsam i väst", replyTo: "svar@test.se" },
    });
    await expectRefused(
      env.deps,
      () => updatePublication(owner.editor, publication.id, { name: "Gammal" }, 1),
      "precondition_failed",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => updatePublication(partner.editor, publication.id, { name: "Kapad" }, null),
      "forbidden",
      TABLES,
    );
    const archived = await archivePublication(owner.editor, publication.id, 2);
    expect(archived.archivedAt).not.toBeNull();
    await expectRefused(
      env.deps,
      () => updatePublication(owner.editor, publication.id, { name: "Efteråt" }, null),
      "conflict",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => createIssue(owner.editor, publication.id, { subject: "Efteråt" }),
      "conflict",
    );
  });
});

describe("co-publishing", () => {
  it("invite, accept and leave, each audited in the acting förbund, the footer line following", async () => {
    const owner = await freshTenant(env.deps);
    const partner = await freshTenant(env.deps);
    const publication = await createPublication(owner.editor, input());
    const invited = await invitePublisher(owner.editor, publication.id, partner.organization.id);
    expect(invited).toMatchObject({
      organizationId: partner.organization.id,
      role: "co_publisher",
      acceptedAt: null,
    });
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "newsletter.publisher_invited",
      entityType: "newsletter_publication",
      entityId: publication.id,
      after: { organizationId: partner.organization.id },
    });
    // Invited is not yet a publisher: the publication stays out of reach, its name shows in the invitation.
    await expectRefused(env.deps, () => getPublication(partner.editor, publication.id), "not_found");
    expect(await listPublishingInvitations(partner.viewer)).toEqual([
      expect.objectContaining({
        publicationId: publication.id,
        publicationName: "Finsam Väst",
        ownerOrganizationId: owner.organization.id,
      }),
    ]);
    const accepted = await acceptPublishing(partner.editor, publication.id);
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
    await expectAudited(env.deps, {
      organizationId: partner.organization.id,
      action: "newsletter.publishing_accepted",
      entityType: "newsletter_publication",
      entityId: publication.id,
      actor: partner.editor,
      sameTransactionAs: {
        table: "newsletter_publishers",
        where: { publication_id: publication.id, publisher_organization_id: partner.organization.id },
      },
    });
    expect(await listPublishingInvitations(partner.viewer)).toEqual([]);
    const seen = await getPublication(partner.viewer, publication.id);
    expect(seen).toMatchObject({ isOwner: false, owner: { id: owner.organization.id } });
    expect(seen.publishers.map((p) => [p.organizationId, p.role])).toEqual([
      [owner.organization.id, "owner"],
      [partner.organization.id, "co_publisher"],
    ]);
    expect((await listPublications(partner.viewer)).map((p) => p.id)).toEqual([publication.id]);

    const line = await setPublisherContact(partner.editor, publication.id, "  Storgatan 1, Angered  ");
    expect(line).toMatchObject({ organizationId: partner.organization.id, contact: "Storgatan 1, Angered" });
    expect(
      (await listPublishers(owner.viewer, publication.id)).find((p) => p.role === "co_publisher")?.contact,
    ).toBe("Storgatan 1, Angered");

    await removePublisher(partner.editor, publication.id, partner.organization.id);
    await expectAudited(env.deps, {
      organizationId: partner.organization.id,
      action: "newsletter.publishing_left",
      entityType: "newsletter_publication",
      entityId: publication.id,
    });
    await expectRefused(env.deps, () => getPublication(partner.viewer, publication.id), "not_found");
    expect(
      await rowsOf(env.deps, {
        table: "newsletter_publishers",
        where: { publication_id: publication.id, publisher_organization_id: partner.organization.id },
      }),
    ).toHaveLength(0);
    const [share] = await rowsOf(env.deps, {
      table: "resource_shares",
      where: { resource_id: publication.id, organization_id: partner.organization.id },
    });
    expect(share?.revoked_at).not.toBeNull();
  });

  it("lets only the owner invite and remove; the owner cannot leave; NNS and itself are no co-publishers", async () => {
    const { owner, partner, third, publication } = await sharedPublication();
    await expectRefused(
      env.deps,
      () => invitePublisher(partner.editor, publication.id, third.organization.id),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => removePublisher(partner.editor, publication.id, owner.organization.id),
      "conflict",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => removePublisher(owner.editor, publication.id, owner.organization.id),
      "conflict",
      TABLES,
    );
    const nns = await nnsTenant(env.deps);
    for (const target of [owner.organization.id, nns.organization.id]) {
      const error = await expectRefused(
        env.deps,
        () => invitePublisher(owner.editor, publication.id, target),
        "validation_failed",
        TABLES,
      );
      expect(error.errors?.[0]).toMatchObject({ field: "body.organizationId", rule: "other_forbund" });
    }
    const again = await expectRefused(
      env.deps,
      () => invitePublisher(owner.editor, publication.id, partner.organization.id),
      "already_exists",
      TABLES,
    );
    expect(again.errors?.[0]?.rule).toBe("already_publisher");
    await expectRefused(env.deps, () => acceptPublishing(third.editor, publication.id), "not_found", TABLES);
  });

  it("a third förbund sees nothing of it: not found, not listed, no footer line to write", async () => {
    const { third, publication } = await sharedPublication();
    await expectRefused(env.deps, () => getPublication(third.admin, publication.id), "not_found");
    await expectRefused(env.deps, () => listPublishers(third.admin, publication.id), "not_found");
    await expectRefused(
      env.deps,
      () => setPublisherContact(third.admin, publication.id, "Inkräktare"),
      "not_found",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => removePublisher(third.admin, publication.id, third.organization.id),
      "not_found",
      TABLES,
    );
    expect(await listPublications(third.admin)).toEqual([]);
  });

  it("removing a co-publisher takes its sections out of unsent issues and sends a ready issue back to draft", async () => {
    const { owner, partner, publication } = await sharedPublication();
    const issue = await createIssue(owner.editor, publication.id, { subject: "Våren" });
    const mine = (await addSection(owner.editor, publication.id, issue.id, { heading: "Ägarens" }))
      .sections[0];
    const theirs = (await addSection(partner.editor, publication.id, issue.id, { heading: "Partnerns" }))
      .sections[1];
    await approveSection(owner.editor, publication.id, issue.id, mine?.id as string, null);
    await approveSection(partner.editor, publication.id, issue.id, theirs?.id as string, null);
    expect((await markIssueReady(owner.editor, publication.id, issue.id, null)).status).toBe("ready");
    await removePublisher(owner.editor, publication.id, partner.organization.id);
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "newsletter.publisher_removed",
      entityType: "newsletter_publication",
      entityId: publication.id,
      before: { organizationId: partner.organization.id },
    });
    const after = await getIssue(owner.viewer, publication.id, issue.id);
    expect(after.status).toBe("draft");
    expect(after.sections.map((s) => s.heading)).toEqual(["Ägarens"]);
  });
});
