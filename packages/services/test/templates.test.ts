import { describe, expect, it } from "vitest";
import { invoiceIssuedEmail } from "../src/mail/billing-templates.js";
import { interventionPublishedEmail, interventionReturnedEmail } from "../src/mail/catalog-templates.js";
import { EMAIL_COLORS } from "../src/mail/layout.js";
import type { OutgoingEmail } from "../src/mail/mailer.js";
import { invitationEmail, passwordResetEmail } from "../src/mail/templates.js";
import {
  promotedEmail,
  registrationEmail,
  requestScheduledEmail,
  type SessionLine,
  surveyEmail,
  trainingCancelledEmail,
} from "../src/mail/training-templates.js";
import { webhookDisabledEmail } from "../src/mail/webhook-templates.js";
import { slugify } from "../src/organizations.js";
import { sessionsCalendar } from "../src/trainings/calendar.js";
import { seedInvoice } from "./billing-documents.js";

/** What a person may type as a name, title or comment, and must read back as typed. */
const HOSTILE = 'Anna <script>alert("x")</script> & Bo';
/** An action address with characters HTML must escape inside an attribute. */
const URL = "https://nns.test/o/1/sida?steg=2&vy=full#token=abc";
const ORG = "00000000-0000-4000-8000-000000000001";

const SESSION: SessionLine = {
  title: `Dag 1 ${HOSTILE}`,
  startsAt: new Date("2027-03-10T08:00:00Z"),
  endsAt: new Date("2027-03-10T15:00:00Z"),
  mode: "on_site",
  location: "Folkets hus, Umeå",
  videoLink: null,
};
const ICS = sessionsCalendar({
  trainingTitle: "BIP-utbildning",
  organizerName: "Förbundet Norr",
  sessions: [{ id: "00000000-0000-4000-8000-0000000000aa", ...SESSION }],
  host: "nns.test",
});

interface Case {
  email: Promise<OutgoingEmail>;
  /** Swedish text the email must say, in both parts. */
  says: string;
  action?: { label: string; url: string };
}

const CASES: Record<string, Case> = {
  invitation: {
    email: invitationEmail({
      to: "a@test.se",
      organizationName: HOSTILE,
      inviterName: HOSTILE,
      roleLabel: "läsare",
      url: URL,
      expiresInDays: 7,
      organizationId: ORG,
    }),
    says: "Länken gäller i 7 dagar och kan bara användas en gång.",
    action: { label: "Acceptera inbjudan", url: URL },
  },
  "password reset": {
    email: passwordResetEmail({ to: "a@test.se", url: URL, expiresInMinutes: 30 }),
    says: "Länken gäller i 30 minuter",
    action: { label: "Välj nytt lösenord", url: URL },
  },
  "training request scheduled": {
    email: requestScheduledEmail({
      to: "a@test.se",
      trainingTitle: HOSTILE,
      organizationName: HOSTILE,
      sharedWith: [HOSTILE, "Förbundet Syd"],
      organizationId: ORG,
    }),
    says: "och kostnaden delas mellan förbunden",
  },
  "training registration": {
    email: registrationEmail({
      to: "a@test.se",
      participantName: HOSTILE,
      trainingTitle: HOSTILE,
      organizerName: HOSTILE,
      confirmed: [SESSION],
      waitlisted: [],
      ics: ICS,
      organizationId: ORG,
    }),
    says: "10 mars 2027 kl. 09:00–16:00, Folkets hus, Umeå",
  },
  "training waiting list promotion": {
    email: promotedEmail({
      to: "a@test.se",
      participantName: HOSTILE,
      trainingTitle: HOSTILE,
      session: SESSION,
      ics: ICS,
      organizationId: ORG,
    }),
    says: "En plats har blivit ledig och du har flyttats från väntelistan",
  },
  "training cancelled": {
    email: trainingCancelledEmail({
      to: "a@test.se",
      trainingTitle: HOSTILE,
      reason: HOSTILE,
      organizationId: ORG,
    }),
    says: "är inställd",
  },
  "training survey": {
    email: surveyEmail({
      to: "a@test.se",
      participantName: HOSTILE,
      trainingTitle: HOSTILE,
      url: URL,
      organizationId: ORG,
    }),
    says: "enkäten har fyra frågor",
    action: { label: "Svara på enkäten", url: URL },
  },
  "intervention returned": {
    email: interventionReturnedEmail({
      to: "a@test.se",
      title: HOSTILE,
      comment: HOSTILE,
      url: URL,
      organizationId: ORG,
    }),
    says: "skickat tillbaka den till er med kommentarer",
    action: { label: "Öppna insatsen", url: URL },
  },
  "intervention published": {
    email: interventionPublishedEmail({ to: "a@test.se", title: HOSTILE, url: URL, organizationId: ORG }),
    says: "är nu publicerad i den nationella insatskatalogen",
    action: { label: "Visa i insatskatalogen", url: URL },
  },
  "invoice issued": {
    email: invoiceIssuedEmail({
      to: "a@test.se",
      document: { ...seedInvoice(), note: HOSTILE, buyerReference: HOSTILE },
      organizationId: ORG,
      pdf: Buffer.from("%PDF-1.3"),
      ubl: "<Invoice/>",
      downloadUrl: URL,
    }),
    says: "Fakturan finns bifogad som PDF och som e-faktura",
    action: { label: "Visa fakturan på NNS-plattformen", url: URL },
  },
  "webhook disabled": {
    email: webhookDisabledEmail({
      to: "a@test.se",
      organizationName: HOSTILE,
      endpointUrl: "https://mottagare.test/hook",
      failingSince: new Date("2027-03-10T08:00:00Z"),
      lastError: HOSTILE,
      url: URL,
      organizationId: ORG,
    }),
    says: "har stängt av webhook-mottagaren https://mottagare.test/hook",
    action: { label: "Öppna webhook-inställningarna", url: URL },
  },
};

/** Text as React writes it into HTML. */
function escaped(value: string): string {
  const entities: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#x27;",
  };
  return value.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
const escapedUrl = escaped(URL);

describe.each(Object.entries(CASES))("the %s email", (_name, c) => {
  it("is Swedish, light-schemed and titled by its subject", async () => {
    const email = await c.email;
    expect(email.html).toMatch(/<html[^>]* lang="sv"/);
    expect(email.html).toContain('<meta name="color-scheme" content="light"/>');
    expect(email.html).toContain(`<title>${escaped(email.subject)}</title>`);
    // The text part mirrors the HTML: what it says, with no markup of its own.
    for (const part of [email.html, email.text.replaceAll("\u00a0", " ")]) expect(part).toContain(c.says);
    expect(email.text).not.toMatch(/<(p|a|table|td|br)\b/);
    // The greeting opens the text part: the HTML's head (title, meta) is not read into it.
    expect(email.text).toMatch(/^Hej[ !]/);
  });

  it("escapes what people typed in the HTML and keeps it as typed in the text", async () => {
    const email = await c.email;
    expect(email.html).not.toContain("<script>");
    if (c === CASES["password reset"]) return;
    expect(email.html).toContain("Anna &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Bo");
    expect(email.text).toContain(HOSTILE);
  });

  it("links its action by button and by written-out address, and the text part by address", async () => {
    const email = await c.email;
    if (!c.action) {
      expect(email.html).not.toContain("Om knappen inte fungerar");
      return;
    }
    const links = [...email.html.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)];
    expect(links.map((l) => l[1])).toEqual([escapedUrl, escapedUrl]);
    expect(links[0]?.[2]).toContain(c.action.label);
    expect(links[1]?.[2]).toBe(escapedUrl);
    expect(email.html).toContain("Om knappen inte fungerar, klistra in den här adressen i webbläsaren:");
    expect(email.text).toContain(`\n\n${URL}\n\n`);
    // Buttons do not exist in plain text, so neither does the advice about one.
    expect(email.text).not.toContain("Om knappen inte fungerar");
    expect(email.text).not.toContain(c.action.label);
  });
});

describe("training emails", () => {
  it("attach the calendar invitation for the seats the person has, and none for a waiting list alone", async () => {
    for (const email of [
      await CASES["training registration"]?.email,
      await CASES["training waiting list promotion"]?.email,
    ]) {
      expect(email?.attachments).toEqual([
        {
          filename: "inbjudan.ics",
          contentType: "text/calendar; charset=utf-8; method=PUBLISH",
          content: ICS,
        },
      ]);
      expect(email?.text).toContain("kalenderinbjudan");
    }
    expect(ICS).toContain("BEGIN:VEVENT");
    const waiting = await registrationEmail({
      to: "a@test.se",
      participantName: "Eva",
      trainingTitle: "BIP-utbildning",
      organizerName: "Förbundet Norr",
      confirmed: [],
      waitlisted: [SESSION],
      ics: null,
      organizationId: ORG,
    });
    expect(waiting.attachments).toBeUndefined();
    expect(waiting.text).toContain("Du står på väntelistan till: Dag 1");
    expect(waiting.text).not.toContain("kalenderinbjudan");
  });
});

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("notification layout", () => {
  it("writes every text colour at 4.5:1 or more against what it sits on", async () => {
    const { text, muted, link, card } = EMAIL_COLORS;
    // Paragraphs, the written-out address and footer on the card; the button's label on the button.
    for (const [fg, bg] of [
      [text, card],
      [muted, card],
      [link, card],
      [card, link],
    ] as const)
      expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    const html = (await CASES.invitation?.email)?.html ?? "";
    const used = new Set([...html.matchAll(/(?<![-\w])color:(#[0-9a-f]{6})/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([card, link, muted, text].sort());
  });

  it("keeps the line breaks of a written comment in both parts", async () => {
    const email = await interventionReturnedEmail({
      to: "a@test.se",
      title: "Resursteam",
      comment: "Beskriv målgruppen.\nLägg till en källa.",
      url: URL,
      organizationId: ORG,
    });
    expect(email.html).toContain("Beskriv målgruppen.</span><span><br/>Lägg till en källa.");
    expect(email.text).toContain("Beskriv målgruppen.\nLägg till en källa.");
  });

  it("belongs a password reset to no organization", async () => {
    expect((await CASES["password reset"]?.email)?.organizationId).toBeNull();
  });
});

describe("slugify", () => {
  it("turns Swedish names into ASCII slugs", () => {
    expect(slugify("Samordningsförbundet Umeåregionen")).toBe("samordningsforbundet-umearegionen");
    expect(slugify("  Norra Västmanland — FINSAM ")).toBe("norra-vastmanland-finsam");
  });
});
