import { describe, expect, it } from "vitest";
import { parseInboundMail } from "../src/newsletters/delivery-status.js";

/** A multipart/report as a receiving server writes it: the human part, the report, the original. */
function report(type: string, reportPart: string[], original: { type: string; lines: string[] }): string {
  return [
    "From: MAILER-DAEMON@mx.example.net",
    "To: avregistrera@nns.localhost",
    "Subject: Report",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=${type}; boundary="GRANS"`,
    "",
    "--GRANS",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "See the attached report.",
    "--GRANS",
    ...reportPart,
    "--GRANS",
    `Content-Type: ${original.type}`,
    "",
    ...original.lines,
    "--GRANS--",
    "",
  ].join("\r\n");
}

const ORIGINAL = [
  "Message-ID: <5b1f0a52-8f0e-4c1e-9d1a-3f9e6c7b2a10@nns.localhost>",
  "List-Unsubscribe: <https://nns.localhost/nyhetsbrev/avregistrera/Ym9keQ.c2ln>,",
  " <mailto:avregistrera@nns.localhost?subject=unsubscribe%20Ym9keQ.c2ln>",
  "Subject: Nyhetsbrev",
  "",
];

function dsn(status: string, action: string) {
  return report(
    "delivery-status",
    [
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      "Original-Recipient: rfc822; Anna.Lind@example.se",
      "Final-Recipient: rfc822; anna@mail.example.se",
      `Action: ${action}`,
      `Status: ${status}`,
      "Diagnostic-Code: smtp; 550 5.1.1 <anna@example.se>:",
      "  user unknown",
      "",
    ],
    { type: "text/rfc822-headers", lines: ORIGINAL },
  );
}

describe("reading the bounce mailbox", () => {
  it("reads a hard bounce: the status, the original recipient, its Message-ID and our signed link", async () => {
    expect(await parseInboundMail(dsn("5.1.1", "failed"))).toEqual({
      type: "bounce",
      kind: "hard",
      status: "5.1.1",
      recipient: "anna.lind@example.se",
      diagnostic: "smtp; 550 5.1.1 <anna@example.se>: user unknown",
      messageId: "<5b1f0a52-8f0e-4c1e-9d1a-3f9e6c7b2a10@nns.localhost>",
      unsubscribeToken: "Ym9keQ.c2ln",
    });
  });

  it("takes 4.x.x as soft and a success report as nothing to record", async () => {
    expect(await parseInboundMail(dsn("4.2.2", "delayed"))).toMatchObject({ type: "bounce", kind: "soft" });
    expect(await parseInboundMail(dsn("2.0.0", "delivered"))).toEqual({ type: "other" });
  });

  it("reads a complaint (RFC 5965) with the whole original attached", async () => {
    const arf = report(
      "feedback-report",
      [
        "Content-Type: message/feedback-report",
        "",
        "Feedback-Type: abuse",
        "Original-Rcpt-To: <anna@example.se>",
        "",
      ],
      { type: "message/rfc822", lines: [...ORIGINAL, "Hej!"] },
    );
    expect(await parseInboundMail(arf)).toMatchObject({
      type: "bounce",
      kind: "complaint",
      recipient: "anna@example.se",
      messageId: "<5b1f0a52-8f0e-4c1e-9d1a-3f9e6c7b2a10@nns.localhost>",
      unsubscribeToken: "Ym9keQ.c2ln",
    });
  });

  it("recognises a List-Unsubscribe mailto and ignores anything else", async () => {
    const mailto = "From: anna@example.se\r\nSubject: Unsubscribe Ym9keQ.c2ln\r\n\r\n";
    expect(await parseInboundMail(mailto)).toEqual({ type: "unsubscribe", token: "Ym9keQ.c2ln" });
    const reply = "From: anna@example.se\r\nSubject: Re: unsubscribe me please\r\n\r\nTack!\r\n";
    expect(await parseInboundMail(reply)).toEqual({ type: "other" });
  });
});
