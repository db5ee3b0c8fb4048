// The dashboard's newsletter card: sends under way and the latest sent, with their delivery figures.
import type { IssueStatus } from "@nns/domain";
import type { OrgContext } from "../context.js";
import { listIssues } from "../newsletters/issues.js";
import { sendingProgress } from "../newsletters/progress.js";
import { listPublications } from "../newsletters/publications.js";

const UNDER_WAY: readonly IssueStatus[] = ["scheduled", "sending", "paused"];

export interface NewsletterSend {
  publicationId: string;
  publicationName: string;
  issueId: string;
  number: number;
  subject: string;
  status: IssueStatus;
  at: Date | null;
  sent: number;
  total: number;
  failed: number;
}

/** Per publication the organization owns or co-publishes: each issue under way, and the latest sent one. */
export async function newsletterCard(ctx: OrgContext): Promise<NewsletterSend[]> {
  const sends: NewsletterSend[] = [];
  for (const publication of await listPublications(ctx)) {
    if (publication.archivedAt) continue;
    const issues = await listIssues(ctx, publication.id);
    const shown = [
      ...issues.filter((i) => UNDER_WAY.includes(i.status)),
      // Issues come newest first.
      ...issues.filter((i) => i.status === "sent").slice(0, 1),
    ];
    for (const issue of shown) {
      const progress = await sendingProgress(ctx, publication.id, issue.id);
      sends.push({
        publicationId: publication.id,
        publicationName: publication.name,
        issueId: issue.id,
        number: issue.number,
        subject: issue.subject,
        status: issue.status,
        at: issue.sentAt ?? issue.sendStartedAt ?? issue.scheduledAt,
        sent: progress.sent,
        total: progress.total,
        failed: progress.failed,
      });
    }
  }
  return sends;
}
