import { rowsOf as returned, transaction } from "@nns/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  addSection,
  approveSection,
  createIssue,
  deleteSection,
  getIssue,
  listIssues,
  markIssueReady,
  orderSections,
  previewIssue,
  updateIssue,
  updateSection,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { sharedIssue } from "./newsletter-fixtures.js";
import { useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TABLES = ["newsletter_issues", "newsletter_sections"];
const _HOUR = 3_600_000;

describe("issues", () => {
  it("numbers issues per publication from 1, two made at once never sharing a number", async () => {
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
    const s = await sharedIssue(env.deps);
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
