import { randomBytes } from "node:crypto";
import type { Database } from "@nns/db";

/**
 * A newsletter publication of the organization with one issue in the given status, written straight
 * into the database for the suites that need one to exist (the publications service has its own tests).
 */
export async function newsletterIssueRows(
  db: Database,
  organizationId: string,
  status: "ready" | "sending" | "paused" = "ready",
): Promise<{ publicationId: string; issueId: string }> {
  const slug = `brev-${randomBytes(5).toString("hex")}`;
  const [publication] = await db.ownerSql(
    `insert into newsletter_publications (organization_id, slug, name, sender_name, sender_email)
     values ($1, $2, 'Samverkansbladet', 'Samordningsförbundet', 'info@forbund.example.se') returning id`,
    [organizationId, slug],
  );
  const publicationId = publication?.id as string;
  await db.ownerSql(
    "insert into newsletter_publishers (organization_id, publication_id, publisher_organization_id) values ($1, $2, $1)",
    [organizationId, publicationId],
  );
  const [issue] = await db.ownerSql(
    `insert into newsletter_issues (organization_id, publication_id, number, subject, status, rendered_html, rendered_text)
     values ($1, $2, 1, 'Nytt från förbunden', $3, $4, $5) returning id`,
    [
      organizationId,
      publicationId,
      status,
      status === "ready" ? null : "<p>Nytt</p>",
      status === "ready" ? null : "Nytt",
    ],
  );
  return { publicationId, issueId: issue?.id as string };
}
