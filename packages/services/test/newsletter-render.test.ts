import { describe, expect, it } from "vitest";
import {
  type IssueForRendering,
  MANAGE_URL_SLOT,
  personalize,
  renderIssue,
  UNSUBSCRIBE_URL_SLOT,
} from "../src/index.js";

const INPUT: IssueForRendering = {
  publication: { name: "Finsam Väst", logoUrl: "https://halland.test.se/logo.png", logoAlt: "Finsam Väst" },
  publishers: [
    { name: "Samordningsförbundet i Halland", contact: "Box 123, 301 05 Halmstad" },
    { name: "Samordningsförbundet Göteborg Nordost", contact: "" },
  ],
  issue: { number: 4, subject: "Våren 2027", preheader: "Nya IPS-platser och utbildningsdagar" },
  sections: [
    {
      heading: "Nya IPS-platser",
      bodyMarkdown:
        "Tio platser, se [programmet](https://halland.test.se/ips).\n\n# Anmälan\n\n<script>alert(1)</script>",
      imageUrl: "https://halland.test.se/bild.jpg",
      imageAlt: "Två deltagare vid ett bord",
      links: [{ label: "Läs mer", url: "https://halland.test.se/mer" }],
      authorName: "Samordningsförbundet i Halland",
    },
    {
      heading: "Utbildningsdagar",
      bodyMarkdown: "Den 12–13 mars.",
      imageUrl: null,
      imageAlt: null,
      links: [],
      authorName: "Samordningsförbundet Göteborg Nordost",
    },
  ],
  archiveUrl: "https://nns.test.se/nyhetsbrev/finsam-vast/4",
};

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("the rendered issue", () => {
  it("says its language twice (webmail drops the html element) and has one h1 and an h2 per section", async () => {
    const { html } = await renderIssue(INPUT);
    expect(html).toMatch(/<html[^>]* lang="sv"/);
    expect(html).toMatch(/<div[^>]*role="article"[^>]*aria-label="Våren 2027"[^>]*lang="sv"/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<h2[ >]/g)).toHaveLength(2);
    // A heading written in a section's Markdown stays below the section's own.
    expect(html).toContain("<h3>Anmälan</h3>");
    expect(html).not.toContain("<script>");
  });

  it("gives every image a text alternative and every text colour 4.5:1 on the white card", async () => {
    const { html } = await renderIssue(INPUT);
    const images = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(images).toHaveLength(2);
    for (const img of images) expect(img).toMatch(/ alt="[^"]+"/);
    const colours = new Set(
      [...html.matchAll(/[^-]color:(#[0-9a-f]{6})/gi)].map((m) => m[1]?.toLowerCase() as string),
    );
    expect(colours.size).toBeGreaterThan(1);
    for (const colour of colours) expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("underlines every link, those in the sections' Markdown too, and keeps a light scheme in dark mode", async () => {
    const { html } = await renderIssue(INPUT);
    const styled = [...html.matchAll(/<a [^>]*style="([^"]*)"/g)].map((m) => m[1] as string);
    expect(styled.length).toBeGreaterThanOrEqual(4);
    for (const style of styled) expect(style).toMatch(/text-decoration:underline/);
    expect(html).toMatch(/<style>[^<]*a\{[^}]*text-decoration:underline/);
    expect(html).toContain('<meta name="color-scheme" content="light"/>');
  });

  it("reads as plain text without images: names, headings, links and the footer, no markup", async () => {
    const { text } = await renderIssue(INPUT);
    expect(text).toContain("Finsam Väst, nummer 4");
    expect(text).toContain("NYA IPS-PLATSER");
    expect(text).toContain("programmet https://halland.test.se/ips");
    expect(text).toContain("Från Samordningsförbundet Göteborg Nordost");
    expect(text).toContain("Samordningsförbundet i Halland: Box 123, 301 05 Halmstad");
    expect(text).toContain(INPUT.archiveUrl);
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).not.toContain(INPUT.issue.preheader);
  });

  it("puts each recipient's own links in both versions, leaving no slot behind", async () => {
    const rendered = await renderIssue(INPUT);
    const mine = personalize(rendered, {
      unsubscribeUrl: "https://nns.test.se/nyhetsbrev/avregistrera/abc",
      manageUrl: "https://nns.test.se/nyhetsbrev/mina-uppgifter/def",
    });
    for (const version of [mine.html, mine.text]) {
      expect(version).toContain("https://nns.test.se/nyhetsbrev/avregistrera/abc");
      expect(version).toContain("https://nns.test.se/nyhetsbrev/mina-uppgifter/def");
      expect(version).not.toContain(UNSUBSCRIBE_URL_SLOT);
      expect(version).not.toContain(MANAGE_URL_SLOT);
    }
  });
});
