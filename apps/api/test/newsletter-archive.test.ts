import { signupConsentText } from "@nns/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { createApp } from "../src/app.js";
import { Client, expectData, expectProblem, PUBLIC_URL } from "./client.js";
import { setupTestApp, type TestEnv } from "./helpers.js";
import { insertPublication } from "./newsletter-fixtures.js";

let env: TestEnv;
let publicationId: string;
const SLUG = "halland-tillsammans";

beforeAll(async () => {
  env = await setupTestApp();
  const [alfa, beta] = [env.orgA.id, env.orgB.id];
  publicationId = (
    await insertPublication(env, {
      ownerId: alfa,
      slug: SLUG,
      name: "Halland tillsammans",
      description: "Förbunden i Halland berättar om sina insatser, en gång per termin.",
      ownerContact: "Box 123, 301 05 Halmstad · 035-12 34 56",
      coPublishers: [{ organizationId: beta, contact: "beta@samordning.test.se" }],
      issues: [
        {
          number: 1,
          subject: "Vårens nyheter",
          status: "sent",
          sentAt: "2026-03-10T08:00:00Z",
          sections: [{ heading: "Välkommen", bodyMarkdown: "Det första numret." }],
        },
        {
          number: 2,
          subject: "Höstens nyheter",
          preheader: "Resursteam och nätverksträff",
          status: "sent",
          sentAt: "2026-10-14T07:30:00Z",
          sections: [
            {
              heading: "Nytt resursteam",
              bodyMarkdown:
                "Ett **resursteam** för unga vuxna.\n\n<script>alert(1)</script>[klick](javascript:alert(2))",
              image: { url: "https://bilder.test.se/team.jpg", alt: "Resursteamet vid ett bord" },
              links: [{ label: "Om resursteamet", url: "https://alfa.test.se/resursteam" }],
            },
            {
              heading: "Nätverksträff i Varberg",
              bodyMarkdown: "Välkomna den 3 december.",
              authorOrganizationId: beta,
            },
          ],
        },
        {
          number: 3,
          subject: "Hemligt utkast",
          status: "draft",
          sections: [{ heading: "Utkastavsnitt", bodyMarkdown: "Ej klart." }],
        },
        { number: 4, subject: "Schemalagt nummer", status: "scheduled", sections: [] },
        { number: 5, subject: "Avbrutet nummer", status: "cancelled", sections: [] },
      ],
    })
  ).id;
  await insertPublication(env, {
    ownerId: beta,
    slug: "nedlagt-brev",
    name: "Nedlagt brev",
    archived: true,
    issues: [
      { number: 1, subject: "Sista numret", status: "sent", sentAt: "2026-05-01T08:00:00Z", sections: [] },
    ],
  });
  await insertPublication(env, {
    ownerId: beta,
    slug: "nytt-brev",
    name: "Nytt brev",
    issues: [{ number: 1, subject: "Första utkastet", status: "draft", sections: [] }],
  });
});
afterAll(async () => env?.close());

/** The pages are HTML outside the API contract. */
const get = (path: string) => new Client(env).raw("GET", path);
const text = async (path: string) => {
  const res = await get(path);
  return { status: res.status, headers: res.headers, body: String(res.body) };
};

describe("row-level security of the public archive", () => {
  it("shows sections of sent issues only, and only with the public setting on", async () => {
    const headings = (setting: string | null) =>
      env.t.db.appTransaction(async (query) => {
        if (setting) await query("select set_config('app.newsletter_public', $1, true)", [setting]);
        return (await query("select heading from newsletter_sections order by heading")).map(
          (r) => r.heading,
        );
      });
    expect(await headings("on")).toEqual(["Nytt resursteam", "Nätverksträff i Varberg", "Välkommen"]);
    expect(await headings(null)).toEqual([]);
    expect(await headings("off")).toEqual([]);
  });
});

describe("the archive's pages", () => {
  it("lists publications with a sent issue, not archived ones nor ones with nothing sent", async () => {
    const { status, body } = await text("/nyhetsbrev");
    expect(status).toBe(200);
    expect(body).toContain('<html lang="sv">');
    expect(body).not.toMatch(/<script/i);
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toContain(`<a href="/nyhetsbrev/${SLUG}">Halland tillsammans</a>`);
    expect(body).toContain("Ges ut av Samordningsförbundet Alfa, Samordningsförbundet Beta.");
    expect(body).toContain("Senaste utskick 14 oktober 2026: Höstens nyheter.");
    expect(body).not.toContain("Nedlagt brev");
    expect(body).not.toContain("Nytt brev");
  });

  it("shows a publication with its sign-up form, its sent issues newest first and its publishers", async () => {
    const { status, body } = await text(`/nyhetsbrev/${SLUG}`);
    expect(status).toBe(200);
    expect(body).toContain("<h1>Halland tillsammans</h1>");
    expect(body).toContain(`<form method="post" action="/nyhetsbrev/${SLUG}/prenumerera">`);
    expect(body).toMatch(
      /<label for="email">E-postadress<\/label>\s*<input type="email" id="email" name="email" required/,
    );
    expect(body).toMatch(
      /<label for="name">Namn \(frivilligt\)<\/label>\s*<input type="text" id="name" name="name"/,
    );
    expect(body).toContain(
      `<input type="checkbox" id="consent" name="consent" required> <span>${signupConsentText("Halland tillsammans")}</span>`,
    );
    const issues = [...body.matchAll(/<a href="\/nyhetsbrev\/halland-tillsammans\/(\d+)">/g)].map(
      (m) => m[1],
    );
    expect(issues).toEqual(["2", "1"]);
    expect(body).not.toMatch(/Hemligt utkast|Schemalagt nummer|Avbrutet nummer/);
    expect(body).toContain(
      "<li><strong>Samordningsförbundet Alfa</strong>: Box 123, 301 05 Halmstad · 035-12 34 56</li>",
    );
    expect(body).toContain("<li><strong>Samordningsförbundet Beta</strong>: beta@samordning.test.se</li>");
    expect(body).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Halland tillsammans – alla utskick" href="/nyhetsbrev/${SLUG}/atom.xml">`,
    );
  });

  it("shows a publication's page before its first issue, so people can sign up", async () => {
    const { status, body } = await text("/nyhetsbrev/nytt-brev");
    expect(status).toBe(200);
    expect(body).toContain("Inget utskick har skickats ännu.");
    expect(body).not.toContain("Första utkastet");
    expect(body).toContain('action="/nyhetsbrev/nytt-brev/prenumerera"');
  });

  it("shows a sent issue as a web page: sections, sanitised Markdown, image with alt text, links, publishers", async () => {
    const { status, headers, body } = await text(`/nyhetsbrev/${SLUG}/2`);
    expect(status).toBe(200);
    expect(body).toContain("<h1>Höstens nyheter</h1>");
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toContain("nummer 2, skickat 14 oktober 2026");
    expect(body).toContain('<h2 id="avsnitt-1">Nytt resursteam</h2>');
    expect(body).toContain('<p class="meta">Från Samordningsförbundet Beta</p>');
    expect(body).toContain("<strong>resursteam</strong>");
    expect(body).not.toMatch(/<script|href="javascript|<iframe/i);
    expect(body).toContain('<img src="https://bilder.test.se/team.jpg" alt="Resursteamet vid ett bord">');
    expect(body).toContain('<a href="https://alfa.test.se/resursteam">Om resursteamet</a>');
    expect(body).toContain("<h2>Halland tillsammans ges ut av</h2>");
    expect(body).toContain(
      `<a href="/nyhetsbrev/${SLUG}#prenumerera">Prenumerera på Halland tillsammans</a>`,
    );
    // Publishers' images are on their own https hosts; scripts and connections stay this site's own.
    expect(headers.get("content-security-policy")).toMatch(/img-src 'self' data: https:;/);
    expect(headers.get("content-security-policy")).toMatch(/script-src 'self' ?;.*connect-src 'self';/);
  });

  it("answers 404 in Swedish for drafts, unsent and cancelled issues, archived and unknown publications", async () => {
    for (const path of [
      `/nyhetsbrev/${SLUG}/3`,
      `/nyhetsbrev/${SLUG}/4`,
      `/nyhetsbrev/${SLUG}/5`,
      `/nyhetsbrev/${SLUG}/99`,
      "/nyhetsbrev/nedlagt-brev",
      "/nyhetsbrev/nedlagt-brev/1",
      "/nyhetsbrev/nedlagt-brev/atom.xml",
      "/nyhetsbrev/okant-brev",
      "/nyhetsbrev/okant-brev/1",
    ]) {
      const { status, body } = await text(path);
      expect(status, path).toBe(404);
      expect(body, path).toContain('<html lang="sv">');
      expect(body, path).toMatch(/<h1>(Utskicket finns inte i arkivet|Nyhetsbrevet finns inte)<\/h1>/);
      expect(body, path).not.toMatch(/Hemligt utkast|Sista numret/);
    }
  });

  it("tells a cursor it did not hand out apart with 400", async () => {
    expect((await get(`/nyhetsbrev/${SLUG}?cursor=inte-en-markor`)).status).toBe(400);
  });
});

describe("the Atom feed", () => {
  const ATOM = "http://www.w3.org/2005/Atom";
  /** The parts of the DOM that xmlbuilder2's parser gives back which the assertions read. */
  interface XmlElement {
    namespaceURI: string | null;
    localName: string;
    textContent: string | null;
    childNodes: ArrayLike<XmlElement & { nodeType: number }>;
    getAttribute(name: string): string | null;
  }
  const parse = (xml: string) => create(xml).root().node as unknown as XmlElement;
  const children = (element: XmlElement, name: string) =>
    Array.from(element.childNodes).filter(
      (n) => n.nodeType === 1 && n.namespaceURI === ATOM && n.localName === name,
    );
  const textOf = (element: XmlElement, name: string) => children(element, name).map((c) => c.textContent);
  const attributes = (element: XmlElement, names: string[]) =>
    Object.fromEntries(names.map((n) => [n, element.getAttribute(n)]));

  it("is Atom 1.0 with the sent issues newest first, their sections as HTML content", async () => {
    const res = await text(`/nyhetsbrev/${SLUG}/atom.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parse(res.body);
    expect([feed.namespaceURI, feed.localName]).toEqual([ATOM, "feed"]);
    expect(textOf(feed, "id")).toEqual([`urn:uuid:${publicationId}`]);
    expect(textOf(feed, "title")).toEqual(["Halland tillsammans"]);
    expect(textOf(feed, "updated")).toEqual(["2026-10-14T07:30:00.000Z"]);
    expect(children(feed, "link").map((l) => attributes(l, ["rel", "type", "href"]))).toContainEqual({
      rel: "self",
      type: "application/atom+xml",
      href: `${PUBLIC_URL}/nyhetsbrev/${SLUG}/atom.xml`,
    });
    expect(children(feed, "author").flatMap((a) => textOf(a, "name"))).toEqual([
      "Samordningsförbundet Alfa",
      "Samordningsförbundet Beta",
    ]);
    const entries = children(feed, "entry");
    expect(entries.flatMap((e) => textOf(e, "title"))).toEqual(["Höstens nyheter", "Vårens nyheter"]);
    const latest = entries[0] as XmlElement;
    expect(textOf(latest, "id")[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(textOf(latest, "updated")).toEqual(["2026-10-14T07:30:00.000Z"]);
    expect(textOf(latest, "summary")).toEqual(["Resursteam och nätverksträff"]);
    expect(children(latest, "link").map((l) => attributes(l, ["rel", "type", "href"]))).toEqual([
      { rel: "alternate", type: "text/html", href: `${PUBLIC_URL}/nyhetsbrev/${SLUG}/2` },
    ]);
    const content = children(latest, "content")[0] as XmlElement;
    expect(content.getAttribute("type")).toBe("html");
    expect(content.textContent).toContain('<h2 id="avsnitt-1">Nytt resursteam</h2>');
    expect(content.textContent).toContain(
      '<img src="https://bilder.test.se/team.jpg" alt="Resursteamet vid ett bord">',
    );
    expect(res.body).not.toMatch(/Hemligt utkast|Schemalagt nummer/);
  });
});

describe("the archive's JSON for third parties", () => {
  const api = () => new Client(env);

  it("answers a publication with its publishers, the owner first, and its latest sent issue", async () => {
    const res = await api().GET("/newsletters/{slug}", { params: { path: { slug: SLUG } } });
    const body = expectData(res);
    expect(res.response.headers.get("cache-control")).toBeNull();
    expect(res.response.headers.get("ratelimit-remaining")).toBeTruthy();
    expect(body).toMatchObject({
      id: publicationId,
      slug: SLUG,
      name: "Halland tillsammans",
      sentIssues: 2,
      latestIssue: {
        number: 2,
        subject: "Höstens nyheter",
        sentAt: "2026-10-14T07:30:00.000Z",
        publicUrl: `${PUBLIC_URL}/nyhetsbrev/${SLUG}/2`,
      },
      publicUrl: `${PUBLIC_URL}/nyhetsbrev/${SLUG}`,
    });
    expect(body.publishers).toEqual([
      {
        organizationId: env.orgA.id,
        name: "Samordningsförbundet Alfa",
        role: "owner",
        contact: "Box 123, 301 05 Halmstad · 035-12 34 56",
      },
      {
        organizationId: env.orgB.id,
        name: "Samordningsförbundet Beta",
        role: "co_publisher",
        contact: "beta@samordning.test.se",
      },
    ]);
  });

  it("pages through sent issues newest first and never lists an unsent one", async () => {
    const first = expectData(
      await api().GET("/newsletters/{slug}/issues", {
        params: { path: { slug: SLUG }, query: { limit: 1 } },
      }),
    );
    expect(first.data.map((i) => i.number)).toEqual([2]);
    expect(first.nextCursor).toBeTruthy();
    const second = expectData(
      await api().GET("/newsletters/{slug}/issues", {
        params: { path: { slug: SLUG }, query: { limit: 1, cursor: first.nextCursor as string } },
      }),
    );
    expect(second.data.map((i) => i.number)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    const none = expectData(
      await api().GET("/newsletters/{slug}/issues", { params: { path: { slug: "nytt-brev" } } }),
    );
    expect(none).toEqual({ data: [], nextCursor: null });
    expectProblem(
      await api().GET("/newsletters/{slug}/issues", {
        params: { path: { slug: SLUG }, query: { cursor: "x" } },
      }),
      400,
      "validation_failed",
    );
  });

  it("answers a sent issue with its sections and what was mailed", async () => {
    const issue = expectData(
      await api().GET("/newsletters/{slug}/issues/{number}", { params: { path: { slug: SLUG, number: 2 } } }),
    );
    expect(issue).toMatchObject({
      number: 2,
      subject: "Höstens nyheter",
      preheader: "Resursteam och nätverksträff",
      publication: { slug: SLUG, name: "Halland tillsammans" },
    });
    expect(issue.sections).toEqual([
      {
        position: 1,
        heading: "Nytt resursteam",
        bodyMarkdown:
          "Ett **resursteam** för unga vuxna.\n\n<script>alert(1)</script>[klick](javascript:alert(2))",
        image: { url: "https://bilder.test.se/team.jpg", alt: "Resursteamet vid ett bord" },
        links: [{ label: "Om resursteamet", url: "https://alfa.test.se/resursteam" }],
        author: { organizationId: env.orgA.id, name: "Samordningsförbundet Alfa" },
      },
      {
        position: 2,
        heading: "Nätverksträff i Varberg",
        bodyMarkdown: "Välkomna den 3 december.",
        image: null,
        links: [],
        author: { organizationId: env.orgB.id, name: "Samordningsförbundet Beta" },
      },
    ]);
    expect(issue.html).toContain("<h1>Höstens nyheter</h1>");
    expect(issue.text).toContain("https://recipient.invalid/unsubscribe");
  });

  it("answers 404 for unsent issues and archived or unknown publications", async () => {
    for (const [slug, number] of [
      [SLUG, 3],
      [SLUG, 4],
      [SLUG, 5],
      ["nedlagt-brev", 1],
      ["okant-brev", 1],
    ] as const)
      expectProblem(
        await api().GET("/newsletters/{slug}/issues/{number}", { params: { path: { slug, number } } }),
        404,
        "not_found",
      );
    for (const slug of ["nedlagt-brev", "okant-brev"]) {
      expectProblem(await api().GET("/newsletters/{slug}", { params: { path: { slug } } }), 404, "not_found");
      expectProblem(
        await api().GET("/newsletters/{slug}/issues", { params: { path: { slug } } }),
        404,
        "not_found",
      );
    }
  });
});

describe("rate limits of the archive", () => {
  it("counts the pages and the JSON against the catalogue's per-address limit", async () => {
    const app = createApp(env.deps, {
      cookieSecure: true,
      trustProxy: true,
      publicUrl: PUBLIC_URL,
      logger: pino({ level: "silent" }),
      catalogRateLimit: { anonymousPerMinute: 3, identifiedPerMinute: 6 },
    });
    const call = (path: string, ip = "198.51.100.20") =>
      app.request(`${PUBLIC_URL}${path}`, { headers: { "x-forwarded-for": ip } });
    expect((await call(`/nyhetsbrev/${SLUG}`)).status).toBe(200);
    expect((await call(`/nyhetsbrev/${SLUG}/2`)).status).toBe(200);
    expect((await call(`/v1/newsletters/${SLUG}`)).status).toBe(200);
    const limited = await call(`/nyhetsbrev/${SLUG}/atom.xml`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("/nyhetsbrev", "198.51.100.21")).status).toBe(200);
  });
});
