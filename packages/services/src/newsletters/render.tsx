/** @jsxRuntime automatic @jsxImportSource react */
// The pragma keeps the JSX transform with the file (see mail/layout.tsx).
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { render } from "@react-email/render";
import { renderMarkdown } from "../markdown.js";

export interface IssueForRendering {
  publication: { name: string; logoUrl: string | null; logoAlt: string | null };
  /** Every publisher, the owner first, for the footer. */
  publishers: { name: string; contact: string }[];
  issue: { number: number; subject: string; preheader: string };
  sections: {
    heading: string;
    bodyMarkdown: string;
    imageUrl: string | null;
    imageAlt: string | null;
    links: { label: string; url: string }[];
    authorName: string;
  }[];
  /** The issue in the public archive (`/nyhetsbrev/{slug}/{number}`). */
  archiveUrl: string;
}

/**
 * Stand-ins for the per-recipient links. An issue is rendered once (React rendering per recipient would
 * cap a send of 50 000 far below 1 000 a second); `personalize` puts each recipient's signed links in.
 * They are plain URL characters, so neither HTML escaping nor the text conversion changes them.
 */
export const UNSUBSCRIBE_URL_SLOT = "https://recipient.invalid/unsubscribe";
export const MANAGE_URL_SLOT = "https://recipient.invalid/manage";

// Colours chosen for at least 4.5:1 contrast on the white card, which is also kept in dark mode (the
// colour-scheme meta tags and rule tell clients not to invert a layout that sets its own light colours).
const TEXT = "#1a1a1a";
const MUTED = "#4a4a4a";
const LINK = "#1d4f91";
// Links are underlined as well as coloured, so colour is not the only thing that tells them apart; the
// rule reaches the links inside the sections' Markdown, which carry no style of their own.
const HEAD_STYLE = `:root{color-scheme:light;supported-color-schemes:light}
a{color:${LINK};text-decoration:underline}`;
const LINK_STYLE = { color: LINK, textDecoration: "underline" };

function IssueEmail({ input }: { input: IssueForRendering }) {
  const { publication, issue, sections, publishers } = input;
  return (
    <Html lang="sv" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{issue.subject}</title>
        <style>{HEAD_STYLE}</style>
      </Head>
      {issue.preheader ? <Preview>{issue.preheader}</Preview> : null}
      <Body style={{ backgroundColor: "#f3f4f6", color: TEXT, fontFamily: "Arial, Helvetica, sans-serif" }}>
        {/* Webmail drops the html element and its lang: the message says again what it is and its language. */}
        {/* biome-ignore lint/a11y/useSemanticElements: mail clients keep a div with a role; not all know <article> */}
        <div
          role="article"
          aria-roledescription="e-postmeddelande"
          aria-label={issue.subject}
          lang="sv"
          dir="ltr"
        >
          <Container style={{ backgroundColor: "#ffffff", color: TEXT, maxWidth: "600px", padding: "24px" }}>
            <Text style={{ fontSize: "14px", color: MUTED, margin: "0 0 8px" }}>
              <Link href={input.archiveUrl} style={LINK_STYLE}>
                Läs nyhetsbrevet i webbläsaren
              </Link>
            </Text>
            {publication.logoUrl ? (
              <Img
                src={publication.logoUrl}
                alt={publication.logoAlt ?? publication.name}
                width="200"
                style={{ maxWidth: "200px", height: "auto", margin: "8px 0" }}
              />
            ) : null}
            <Text style={{ fontSize: "16px", fontWeight: "bold", color: MUTED, margin: "8px 0 0" }}>
              {publication.name}, nummer {issue.number}
            </Text>
            <Heading
              as="h1"
              style={{ fontSize: "26px", lineHeight: "32px", color: TEXT, margin: "8px 0 16px" }}
            >
              {issue.subject}
            </Heading>
            {sections.map((section, index) => (
              // The sections' order is fixed for a rendering; two may share author and heading.
              <Section key={index} style={{ margin: "0 0 24px" }}>
                <Heading
                  as="h2"
                  style={{ fontSize: "21px", lineHeight: "28px", color: TEXT, margin: "16px 0 4px" }}
                >
                  {section.heading}
                </Heading>
                <Text style={{ fontSize: "14px", color: MUTED, margin: "0 0 8px" }}>
                  {`Från ${section.authorName}`}
                </Text>
                {section.imageUrl ? (
                  <Img
                    src={section.imageUrl}
                    alt={section.imageAlt ?? ""}
                    width="552"
                    style={{ maxWidth: "100%", height: "auto", margin: "8px 0" }}
                  />
                ) : null}
                <div
                  style={{ fontSize: "16px", lineHeight: "24px", color: TEXT }}
                  // Sanitised to an allowlist by renderMarkdown.
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(section.bodyMarkdown) }}
                />
                {section.links.map((link, index) => (
                  <Text key={index} style={{ fontSize: "16px", margin: "4px 0" }}>
                    <Link href={link.url} style={LINK_STYLE}>
                      {link.label}
                    </Link>
                  </Text>
                ))}
              </Section>
            ))}
            <Hr style={{ borderColor: "#d1d5db", margin: "24px 0" }} />
            <Text style={{ fontSize: "14px", color: MUTED, margin: "0 0 8px" }}>
              {publication.name} ges ut av:
            </Text>
            {publishers.map((publisher) => (
              <Text key={publisher.name} style={{ fontSize: "14px", color: MUTED, margin: "0 0 4px" }}>
                {publisher.contact ? `${publisher.name}: ${publisher.contact}` : publisher.name}
              </Text>
            ))}
            <Text style={{ fontSize: "14px", color: MUTED, margin: "16px 0 0" }}>
              Du får det här brevet för att du prenumererar på {publication.name}.{" "}
              <Link href={UNSUBSCRIBE_URL_SLOT} style={LINK_STYLE}>
                Avregistrera dig
              </Link>{" "}
              eller{" "}
              <Link href={MANAGE_URL_SLOT} style={LINK_STYLE}>
                se och radera dina uppgifter
              </Link>
              .
            </Text>
          </Container>
        </div>
      </Body>
    </Html>
  );
}

export interface RenderedIssue {
  html: string;
  text: string;
}

/** The issue as HTML and plain text, with the recipient's links left as slots (see `personalize`). */
export async function renderIssue(input: IssueForRendering): Promise<RenderedIssue> {
  const element = <IssueEmail input={input} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** One recipient's copy: the rendered issue with their own unsubscribe and data links. */
export function personalize(
  rendered: RenderedIssue,
  links: { unsubscribeUrl: string; manageUrl: string },
): RenderedIssue {
  const fill = (value: string) =>
    value.replaceAll(UNSUBSCRIBE_URL_SLOT, links.unsubscribeUrl).replaceAll(MANAGE_URL_SLOT, links.manageUrl);
  return { html: fill(rendered.html), text: fill(rendered.text) };
}
