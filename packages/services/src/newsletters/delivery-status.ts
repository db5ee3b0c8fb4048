import { simpleParser } from "mailparser";

/**
 * Reading what comes back to the bounce and unsubscribe mailbox: delivery-status notifications (RFC 3464),
 * complaint reports (RFC 5965, `report-type=feedback-report`) and the mails a `List-Unsubscribe` mailto
 * makes (`subject: unsubscribe <token>`). Pure: no database here.
 */

export type BounceKind = "hard" | "soft" | "complaint";

/** Where a report points back to: the original's Message-ID, the recipient and our signed link. */
export interface OriginalMessage {
  messageId: string | null;
  recipient: string | null;
  /** The token of the original's List-Unsubscribe URL, which names the owner and the subscriber. */
  unsubscribeToken: string | null;
}

export type InboundMail =
  | ({ type: "bounce"; kind: BounceKind; status: string | null; diagnostic: string | null } & OriginalMessage)
  | { type: "unsubscribe"; token: string }
  | { type: "other" };

/** Header fields of one block (`Name: value`, continuation lines unfolded), names lower-cased. */
function fields(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** `rfc822; anna@example.se` → `anna@example.se`. */
function address(typed: string | undefined): string | null {
  if (!typed) return null;
  const value = typed.includes(";") ? typed.slice(typed.indexOf(";") + 1) : typed;
  return value.trim().replace(/^<|>$/g, "").toLowerCase() || null;
}

/** The token of our one-click URL `/nyhetsbrev/avregistrera/{token}` in a List-Unsubscribe value. */
export function tokenInListUnsubscribe(value: string | undefined | null): string | null {
  return /\/nyhetsbrev\/avregistrera\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(value ?? "")?.[1] ?? null;
}

function original(headerBlock: string): Omit<OriginalMessage, "recipient"> {
  const head = fields(headerBlock.split(/\r?\n\r?\n/, 1)[0] ?? "");
  return {
    messageId: head.get("message-id") ?? null,
    unsubscribeToken: tokenInListUnsubscribe(head.get("list-unsubscribe")),
  };
}

/** A DSN's per-recipient block that failed or was delayed: hard for 5.x.x, soft for 4.x.x. */
function statusReport(content: string) {
  const [, ...recipients] = content.split(/\r?\n\s*\r?\n/).map(fields);
  for (const block of recipients) {
    const status = block.get("status") ?? "";
    const kind = status.startsWith("5.") ? "hard" : status.startsWith("4.") ? "soft" : null;
    if (!kind) continue;
    return {
      kind,
      status,
      recipient: address(block.get("original-recipient") ?? block.get("final-recipient")),
      diagnostic: block.get("diagnostic-code") ?? null,
    } as const;
  }
  return null;
}

export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true });
  const unsubscribe = /^\s*unsubscribe\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(mail.subject ?? "");
  if (unsubscribe?.[1]) return { type: "unsubscribe", token: unsubscribe[1] };
  const contentType = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> };
  if (contentType?.value !== "multipart/report") return { type: "other" };
  const part = (type: string) => mail.attachments.find((a) => a.contentType === type)?.content.toString();
  const returned = part("text/rfc822-headers") ?? part("message/rfc822") ?? "";
  const reportType = contentType.params?.["report-type"];
  if (reportType === "feedback-report") {
    const feedback = fields(part("message/feedback-report") ?? "");
    return {
      type: "bounce",
      kind: "complaint",
      status: null,
      diagnostic: feedback.get("feedback-type") ?? "abuse",
      recipient: address(feedback.get("original-rcpt-to")),
      ...original(returned),
    };
  }
  const report =
    reportType === "delivery-status" ? statusReport(part("message/delivery-status") ?? "") : null;
  if (!report) return { type: "other" };
  return { type: "bounce", ...report, ...original(returned) };
}
