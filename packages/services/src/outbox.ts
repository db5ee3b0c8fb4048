import { emails, transaction } from "@nns/db";
import type { Page } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "./access.js";
import type { OrgContext } from "./context.js";
import { keyset, type PageRequest } from "./pagination.js";

export interface EmailView {
  id: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  template: string;
  transport: "outbox" | "smtp";
  status: "queued" | "sent" | "failed";
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastAttemptAt: Date | null;
}

/**
 * The emails an organization's actions have sent. In the NNS organization an NNS admin sees every email,
 * including password resets, which belong to no organization.
 */
export async function listOutbox(ctx: OrgContext, page: PageRequest): Promise<Page<EmailView>> {
  requirePermission(ctx, "outbox:read");
  const keys = keyset(page, emails.createdAt, emails.id, "desc");
  const everything = ctx.organization.kind === "nns" && ctx.access === "nns_admin";
  const scope = {
    organizationId: ctx.organization.id,
    ...(everything && { settings: { "app.outbox_all": "on" } }),
  };
  return transaction(ctx.deps.db, scope, async (tx) => {
    const rows = await tx
      .select()
      .from(emails)
      .where(and(everything ? undefined : eq(emails.organizationId, ctx.organization.id), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const views = rows.map((e) => ({
      id: e.id,
      to: e.toAddress,
      subject: e.subject,
      text: e.textBody,
      html: e.htmlBody,
      template: e.template,
      transport: e.transport,
      status: e.status,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      attempts: e.attempts,
      lastAttemptAt: e.lastAttemptAt,
    }));
    return keys.page(views, (e) => [e.createdAt, e.id]);
  });
}
