import { rowsOf as returned, transaction } from "@nns/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptPublishing,
  addSection,
  approveSection,
  createIssue,
  createPublication,
  deleteSection,
  getIssue,
  invitePublisher,
  listIssues,
  markIssueReady,
  orderSections,
  PREVIEW_LINK_PATH,
  previewIssue,
  returnIssueToDraft,
  scheduleIssue,
  setPublisherContact,
  UNSUBSCRIBE_URL_SLOT,
  updateIssue,
  updateSection,
} from "../src/index.js";
import { auditEntries, expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TABLES = ["newsletter_issues", "newsletter_sections"];
const HOUR = 3_600_000;

let serial = 0;

/** An owner and an accepted co-publisher with an issue, and a third förbund outside it. */
async function sharedIssue() {
  const owner = await freshTenant(env.deps);
  const partner = await freshTenant(env.deps);
  const third = await freshTenant(env.deps);
  const publication = await createPublication(owner.editor, {
    slug: `utskick-${++serial}`,
    name: "Finsam Väst",
    senderName: "Finsam Väst",
    senderEmail: "nyhetsbrev@test.se",
  });
  await invitePublisher(owner.editor, publication.id, partner.organization.id);
  await acceptPublishing(partner.editor, publication.id);
  const issue = await createIssue(owner.editor, publication.id, {
    subject: "Våren 2027",
    preheader: "Nytt i väst",
  });
  const p = publication.id;
  const withOwners = await addSection(owner.editor, p, issue.id, {
    heading: "Nya IPS-platser",
    bodyMarkdown: "Tio **nya** platser.",
    image: { url: "https://halland.test.se/bild.jpg", alt: "Två deltagare vid ett bord" },
    links: [{ label: "Läs mer", url: "https://halland.test.se/ips" }],
  });
  const withBoth = await addSection(partner.editor, p, issue.id, { heading: "Utbildningsdagar i Angered" });
  const [ownerSection, partnerSection] = withBoth.sections;
  if (!ownerSection || !partnerSection || withOwners.sections.length !== 1) throw new Error("fixture");
  return { owner, partner, third, p, issueId: issue.id, ownerSection, partnerSection };
}

async function approveAll(s: Awaited<ReturnType<typeof sharedIssue>>) {
  await approveSection(s.owner.editor, s.p, s.issueId, s.ownerSection.id, null);
  await approveSection(s.partner.editor, s.p, s.issueId, s.partnerSection.id, null);
}

describe("issues", () => {
  it("numbers issues per publication from 1, two made at once never sharing a number", async () => {
    const s = await sharedIssue();
    const made = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createIssue(s.owner.editor, s.p, { subject: `Nummer ${i}` })),
    );
    expect(made.map((i) => i.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    expect((await listIssues(s.partner.viewer, s.p)).map((i) => i.number)).toEqual([6, 5, 4, 3, 2, 1]);
    await expectAudited(env.deps, {
      organizationId: s.owner.organization.id,
      action: "newsletter.issue_created",
      entityType: "newsletter_issue",
      entityId: s.issueId,
      after: { number: 1, subject: "Våren 2027" },
      sameTransactionAs: { table: "newsletter_issues", where: { id: s.issueId } },
    });
    await expectRefused(
      env.deps,
      () => createIssue(s.partner.editor, s.p, { subject: "Partnerns" }),
      "forbidden",
      TABLES,
    );
  });

  it("shows each förbund which sections are its own, and who has approved", async () => {
    const s = await sharedIssue();
    const seen = await getIssue(s.partner.viewer, s.p, s.issueId);
    expect(seen.sections.map((x) => [x.heading, x.mine, x.position])).toEqual([
      ["Nya IPS-platser", false, 0],
      ["Utbildningsdagar i Angered", true, 1],
    ]);
    expect(seen.sections[0]?.image).toEqual({
      url: "https://halland.test.se/bild.jpg",
      alt: "Två deltagare vid ett bord",
    });
    expect(seen.canEdit).toBe(false);
    expect((await getIssue(s.partner.editor, s.p, s.issueId)).canEdit).toBe(true);
    await approveSection(s.partner.editor, s.p, s.issueId, s.partnerSection.id, null);
    const approvals = (await getIssue(s.owner.viewer, s.p, s.issueId)).approvals;
    expect(approvals).toEqual(
      expect.arrayContaining([
        {
          organizationId: s.owner.organization.id,
          organizationName: s.owner.organization.name,
          approved: false,
        },
        {
          organizationId: s.partner.organization.id,
          organizationName: s.partner.organization.name,
          approved: true,
        },
      ]),
    );
    await expectAudited(env.deps, {
      organizationId: s.partner.organization.id,
      action: "newsletter.section_approved",
      entityType: "newsletter_section",
      entityId: s.partnerSection.id,
      actor: s.partner.editor,
    });
  });

  it("refuses images without alt text or https and links without https, naming the field", async () => {
    const s = await sharedIssue();
    const error = await expectRefused(
      env.deps,
      () =>
        addSection(s.partner.editor, s.p, s.issueId, {
          heading: "Bild",
          image: { url: "http://angered.test.se/bild.jpg", alt: " " },
          links: [{ label: "Länk", url: "javascript:alert(1)" }],
        }),
      "validation_failed",
      TABLES,
    );
    expect(error.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual([
      "body.image.url:https_required",
      "body.image.alt:alt_required",
      "body.links.0.url:https_required",
    ]);
  });
});

describe("isolation", () => {
  it("a co-publisher cannot change, delete or approve the owner's section, even by its id", async () => {
    const s = await sharedIssue();
    const id = s.ownerSection.id;
    await expectRefused(
      env.deps,
      () => updateSection(s.partner.editor, s.p, s.issueId, id, { heading: "Kapad" }, null),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => deleteSection(s.partner.editor, s.p, s.issueId, id),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => approveSection(s.partner.editor, s.p, s.issueId, id, null),
      "forbidden",
      TABLES,
    );
    // Nor the owner a co-publisher's: each förbund answers for its own text.
    await expectRefused(
      env.deps,
      () =>
        updateSection(
          s.owner.editor,
          s.p,
          s.issueId,
          s.partnerSection.id,
          { heading: "Ändrad av ägaren" },
          null,
        ),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => orderSections(s.partner.editor, s.p, s.issueId, [s.partnerSection.id, id], null),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => markIssueReady(s.partner.editor, s.p, s.issueId, null),
      "forbidden",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateIssue(s.partner.editor, s.p, s.issueId, { subject: "Kapad" }, null),
      "forbidden",
      TABLES,
    );
  });

  it("row-level security holds without the service: the co-publisher's own scope changes nothing of the owner's", async () => {
    const s = await sharedIssue();
    const changed = await transaction(
      env.deps.db,
      { organizationId: s.partner.organization.id },
      async (tx) => [
        ...returned(
          await tx.execute(
            sql`update newsletter_sections set heading = 'Kapad' where id = ${s.ownerSection.id} returning id`,
          ),
        ),
        ...returned(
          await tx.execute(
            sql`update newsletter_issues set subject = 'Kapad' where id = ${s.issueId} returning id`,
          ),
        ),
      ],
    );
    expect(changed).toHaveLength(0);
    const [section] = await rowsOf(env.deps, {
      table: "newsletter_sections",
      where: { id: s.ownerSection.id },
    });
    expect(section?.heading).toBe("Nya IPS-platser");
  });

  it("a third förbund sees nothing: every read and write of the issue is not found", async () => {
    const s = await sharedIssue();
    const t = s.third.admin;
    await expectRefused(env.deps, () => listIssues(t, s.p), "not_found");
    await expectRefused(env.deps, () => getIssue(t, s.p, s.issueId), "not_found");
    await expectRefused(env.deps, () => previewIssue(t, s.p, s.issueId), "not_found");
    await expectRefused(
      env.deps,
      () => addSection(t, s.p, s.issueId, { heading: "Inkräktare" }),
      "not_found",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateSection(t, s.p, s.issueId, s.ownerSection.id, { heading: "X" }, null),
      "not_found",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => approveSection(t, s.p, s.issueId, s.partnerSection.id, null),
      "not_found",
      TABLES,
    );
  });
});

describe("order, approvals and the way to sending", () => {
  it("the owner orders the sections; every section must be named once", async () => {
    const s = await sharedIssue();
    const reordered = await orderSections(
      s.owner.editor,
      s.p,
      s.issueId,
      [s.partnerSection.id, s.ownerSection.id],
      null,
    );
    expect(reordered.sections.map((x) => x.id)).toEqual([s.partnerSection.id, s.ownerSection.id]);
    await expectAudited(env.deps, {
      organizationId: s.owner.organization.id,
      action: "newsletter.sections_ordered",
      entityType: "newsletter_issue",
      entityId: s.issueId,
      after: { sectionIds: [s.partnerSection.id, s.ownerSection.id] },
    });
    for (const ids of [
      [s.ownerSection.id],
      [s.ownerSection.id, s.ownerSection.id],
      [s.ownerSection.id, s.partnerSection.id, s.issueId],
    ]) {
      const error = await expectRefused(
        env.deps,
        () => orderSections(s.owner.editor, s.p, s.issueId, ids, null),
        "validation_failed",
        TABLES,
      );
      expect(error.errors?.[0]).toMatchObject({ field: "body.sectionIds", rule: "every_section_once" });
    }
    await expectRefused(
      env.deps,
      () =>
        orderSections(
          s.owner.editor,
          s.p,
          s.issueId,
          [s.ownerSection.id, s.partnerSection.id],
          reordered.version - 1,
        ),
      "precondition_failed",
      TABLES,
    );
  });

  it("is ready only with sections, all approved by their authors", async () => {
    const s = await sharedIssue();
    const empty = await createIssue(s.owner.editor, s.p, { subject: "Tomt" });
    await expectRefused(
      env.deps,
      () => markIssueReady(s.owner.editor, s.p, empty.id, null),
      "conflict",
      TABLES,
    );
    await approveSection(s.owner.editor, s.p, s.issueId, s.ownerSection.id, null);
    const waiting = await expectRefused(
      env.deps,
      () => markIssueReady(s.owner.editor, s.p, s.issueId, null),
      "conflict",
      TABLES,
    );
    expect(waiting.message).toContain(s.partner.organization.name);
    expect(waiting.message).not.toContain(s.owner.organization.name);
    await approveSection(s.partner.editor, s.p, s.issueId, s.partnerSection.id, null);
    const ready = await markIssueReady(s.owner.editor, s.p, s.issueId, null);
    expect(ready.status).toBe("ready");
    await expectAudited(env.deps, {
      organizationId: s.owner.organization.id,
      action: "newsletter.issue_marked_ready",
      entityType: "newsletter_issue",
      entityId: s.issueId,
      before: { status: "draft" },
      after: { status: "ready" },
    });
  });

  it("a co-publisher's edit of a ready issue clears its approval and returns the issue to draft, on the owner's record", async () => {
    const s = await sharedIssue();
    await approveAll(s);
    await markIssueReady(s.owner.editor, s.p, s.issueId, null);
    const section = (await getIssue(s.partner.editor, s.p, s.issueId)).sections[1];
    await expectRefused(
      env.deps,
      () =>
        updateSection(
          s.partner.editor,
          s.p,
          s.issueId,
          s.partnerSection.id,
          { heading: "Gammal" },
          (section?.version ?? 0) - 1,
        ),
      "precondition_failed",
      TABLES,
    );
    const edited = await updateSection(
      s.partner.editor,
      s.p,
      s.issueId,
      s.partnerSection.id,
      { heading: "Tre utbildningsdagar" },
      section?.version ?? null,
    );
    expect(edited.status).toBe("draft");
    expect(edited.sections[1]).toMatchObject({
      heading: "Tre utbildningsdagar",
      approvedAt: null,
      mine: true,
    });
    expect(edited.sections[0]?.approvedAt).not.toBeNull();
    await expectAudited(env.deps, {
      organizationId: s.owner.organization.id,
      action: "newsletter.issue_reopened",
      entityType: "newsletter_issue",
      entityId: s.issueId,
      actor: s.partner.editor,
      before: { status: "ready" },
      after: { status: "draft", reason: "section_edited", byOrganizationId: s.partner.organization.id },
    });
    await expectAudited(env.deps, {
      organizationId: s.partner.organization.id,
      action: "newsletter.section_edited",
      entityType: "newsletter_section",
      entityId: s.partnerSection.id,
      before: { heading: "Utbildningsdagar i Angered" },
      after: { heading: "Tre utbildningsdagar" },
    });
  });

  it("schedules a ready issue in the future only; editing unschedules it; the owner can return it to draft", async () => {
    const s = await sharedIssue();
    const soon = new Date(Date.now() + 24 * HOUR);
    await expectRefused(
      env.deps,
      () => scheduleIssue(s.owner.editor, s.p, s.issueId, soon, null),
      "conflict",
      TABLES,
    );
    await approveAll(s);
    await markIssueReady(s.owner.editor, s.p, s.issueId, null);
    const past = await expectRefused(
      env.deps,
      () => scheduleIssue(s.owner.editor, s.p, s.issueId, new Date(Date.now() - 60_000), null),
      "validation_failed",
      TABLES,
    );
    expect(past.errors?.[0]).toMatchObject({ field: "body.scheduledAt", rule: "future" });
    const scheduled = await scheduleIssue(s.owner.editor, s.p, s.issueId, soon, null);
    expect(scheduled).toMatchObject({ status: "scheduled", scheduledAt: soon });
    const later = new Date(soon.getTime() + HOUR);
    expect(
      (await scheduleIssue(s.owner.editor, s.p, s.issueId, later, scheduled.version)).scheduledAt,
    ).toEqual(later);
    const edited = await updateIssue(s.owner.editor, s.p, s.issueId, { subject: "Våren 2027, rättad" }, null);
    expect(edited).toMatchObject({ status: "draft", scheduledAt: null, subject: "Våren 2027, rättad" });
    await markIssueReady(s.owner.editor, s.p, s.issueId, null);
    await scheduleIssue(s.owner.editor, s.p, s.issueId, soon, null);
    expect((await returnIssueToDraft(s.owner.editor, s.p, s.issueId, null)).status).toBe("draft");
    await expectRefused(
      env.deps,
      () => returnIssueToDraft(s.owner.editor, s.p, s.issueId, null),
      "conflict",
      TABLES,
    );
    const actions = (
      await auditEntries(env.deps, { organizationId: s.owner.organization.id, entityId: s.issueId })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "newsletter.issue_scheduled",
        "newsletter.issue_reopened",
        "newsletter.issue_edited",
        "newsletter.issue_returned_to_draft",
      ]),
    );
  });

  it("never ends ready with an unapproved section when an edit and marking ready race", async () => {
    for (let round = 0; round < 4; round++) {
      const s = await sharedIssue();
      await approveAll(s);
      const [edit] = await Promise.allSettled([
        updateSection(
          s.partner.editor,
          s.p,
          s.issueId,
          s.partnerSection.id,
          { heading: `Runda ${round}` },
          null,
        ),
        markIssueReady(s.owner.editor, s.p, s.issueId, null),
      ]);
      expect(edit.status).toBe("fulfilled");
      const after = await getIssue(s.owner.viewer, s.p, s.issueId);
      // Whichever went first, the edited section is unapproved and the issue a draft: marked ready first, the
      // edit reopens it; edited first, marking ready is refused. Never ready with a section nobody approved.
      expect([after.status, after.sections[1]?.approvedAt ?? null]).toEqual(["draft", null]);
    }
  });

  it("an issue that is being sent can no longer change", async () => {
    const s = await sharedIssue();
    await env.deps.db.ownerSql("update newsletter_issues set status = 'sending' where id = $1", [s.issueId]);
    await expectRefused(
      env.deps,
      () => updateSection(s.partner.editor, s.p, s.issueId, s.partnerSection.id, { heading: "Sent" }, null),
      "conflict",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => addSection(s.owner.editor, s.p, s.issueId, { heading: "Sent" }),
      "conflict",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateIssue(s.owner.editor, s.p, s.issueId, { subject: "Sent" }, null),
      "conflict",
      TABLES,
    );
    expect((await getIssue(s.owner.editor, s.p, s.issueId)).canEdit).toBe(false);
  });
});

describe("preview", () => {
  it("renders the issue as it will be sent: Swedish, every section in order, the links explained", async () => {
    const s = await sharedIssue();
    await setPublisherContact(s.partner.editor, s.p, "Angered Centrum 3, 424 65 Angered");
    const { html, text } = await previewIssue(s.partner.viewer, s.p, s.issueId);
    expect(html).toMatch(/<html[^>]* lang="sv"/);
    expect(html.indexOf("Nya IPS-platser")).toBeGreaterThan(-1);
    expect(html.indexOf("Nya IPS-platser")).toBeLessThan(html.indexOf("Utbildningsdagar i Angered"));
    expect(html).toContain('alt="Två deltagare vid ett bord"');
    expect(html).toContain("<strong>nya</strong>");
    expect(html).toContain(`Från ${s.partner.organization.name}`);
    expect(html).toContain("http://localhost:3000/nyhetsbrev/");
    expect(html).toContain(`http://localhost:3000${PREVIEW_LINK_PATH}#avregistrera`);
    expect(html).not.toContain(UNSUBSCRIBE_URL_SLOT);
    expect(text).toContain("Utbildningsdagar i Angered".toUpperCase());
    expect(text).toContain("Angered Centrum 3");
    expect(text).not.toContain("<");
  });
});
