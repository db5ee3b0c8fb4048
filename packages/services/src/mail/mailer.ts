import { type Database, type EmailAttachment, emails, type Tx, transaction } from "@nns/db";
import { eq, inArray } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  organizationId: string | null;
  attachments?: EmailAttachment[];
}

/**
 * A transactional outbox. Services queue emails inside their own transaction, so an email exists
 * exactly when the change that caused it does; `deliver` sends them after commit. Without SMTP_URL the
 * stored row is the delivery (the embedded outbox). With SMTP the bodies are cleared once sent, since
 * they carry single-use tokens.
 */
export class Mailer {
  readonly transport: "outbox" | "smtp";
  readonly #smtp: Transporter | null;

  constructor(
    private readonly db: Database,
    private readonly options: { smtpUrl: string | null; from: string },
  ) {
    this.transport = options.smtpUrl ? "smtp" : "outbox";
    this.#smtp = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  async queue(tx: Tx, email: OutgoingEmail): Promise<string> {
    const delivered = this.transport === "outbox";
    const [row] = await tx
      .insert(emails)
      .values({
        organizationId: email.organizationId,
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        template: email.template,
        attachments: email.attachments ?? null,
        transport: this.transport,
        status: delivered ? "sent" : "queued",
        sentAt: delivered ? new Date() : null,
      })
      .returning({ id: emails.id });
    if (!row) throw new Error("email insert returned nothing");
    return row.id;
  }

  /** Sends queued emails; failures are recorded on the row, never thrown at the request that caused them. */
  async deliver(ids: readonly string[]): Promise<void> {
    if (!this.#smtp || ids.length === 0) return;
    const queued = await transaction(this.db, {}, (tx) =>
      tx
        .select()
        .from(emails)
        .where(inArray(emails.id, [...ids])),
    );
    for (const email of queued) {
      if (email.status !== "queued") continue;
      try {
        await this.#smtp.sendMail({
          from: this.options.from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody ?? "",
          html: email.htmlBody ?? undefined,
          attachments: (email.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
        await transaction(this.db, {}, (tx) =>
          tx
            .update(emails)
            .set({
              status: "sent",
              sentAt: new Date(),
              textBody: null,
              htmlBody: null,
              attachments: null,
              error: null,
            })
            .where(eq(emails.id, email.id)),
        );
      } catch (error) {
        await transaction(this.db, {}, (tx) =>
          tx
            .update(emails)
            // The bodies carry single-use links: a failed row keeps only the reason.
            .set({
              status: "failed",
              error: error instanceof Error ? error.message : String(error),
              textBody: null,
              htmlBody: null,
              attachments: null,
            })
            .where(eq(emails.id, email.id)),
        );
      }
    }
  }

  /** Retries what a previous process queued but did not get to send. */
  async deliverPending(): Promise<void> {
    if (!this.#smtp) return;
    const pending = await transaction(this.db, {}, (tx) =>
      tx.select({ id: emails.id }).from(emails).where(eq(emails.status, "queued")),
    );
    await this.deliver(pending.map((row) => row.id));
  }

  close(): void {
    this.#smtp?.close();
  }
}
