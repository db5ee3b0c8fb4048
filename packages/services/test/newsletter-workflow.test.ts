import { describe, expect, it } from "vitest";
import {
  addSection,
  approveSection,
  createIssue,
  getIssue,
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
import { auditEntries, expectAudited, expectRefused } from "./audit.js";
import { approveAll, sharedIssue } from "./newsletter-fixtures.js";
import { useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TABLES = ["newsletter_issues", "newsletter_sections"];
const HOUR = 3_600_000;

describe("order, approvals and the way to sending", () => {
  it("the owner orders the sections; every section must be named once", async () => {
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
      const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
