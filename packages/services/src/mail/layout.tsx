/** @jsxRuntime automatic @jsxImportSource react */
// The pragma keeps the JSX transform with the file: tsx (dev server, CLI, benches run from apps/api) applies a
// tsconfig only to the files it includes, and would otherwise compile this file's JSX to a bare React.createElement.
import { Body, Button, Container, Head, Hr, Html, Link, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { ReactNode } from "react";

/**
 * Colours with at least 4.5:1 contrast against the white card they sit on (text 17:1, muted 8.9:1,
 * links and the button 8.1:1). The card stays white in dark mode: the colour-scheme meta tags tell
 * clients that the layout sets its own light colours, so they leave it alone rather than invert it.
 */
export const EMAIL_COLORS = {
  text: "#1a1a1a",
  muted: "#4a4a4a",
  link: "#1d4f91",
  page: "#f3f4f6",
  card: "#ffffff",
  rule: "#d1d5db",
} as const;

/** The frame every email of the platform shares: Swedish, light colour scheme, one centred card. */
export function EmailShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Html lang="sv" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{title}</title>
      </Head>
      <Body
        style={{
          backgroundColor: EMAIL_COLORS.page,
          color: EMAIL_COLORS.text,
          fontFamily: "Arial, Helvetica, sans-serif",
        }}
      >
        <Container style={{ backgroundColor: EMAIL_COLORS.card, maxWidth: "600px", padding: "24px" }}>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

export interface EmailAction {
  label: string;
  url: string;
}

export interface NoticeContent {
  /** The subject, also the document's title for screen readers. */
  title: string;
  /** The greeting first ("Hej!"); a line break inside a paragraph is kept. */
  paragraphs: string[];
  action: EmailAction | null;
  footer: string;
}

function Lines({ value }: { value: string }) {
  const lines = value.split(/\r?\n/);
  return lines.map((line, i) => (
    // The lines of one paragraph never move, so their position is their identity.
    <span key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </span>
  ));
}

const PARAGRAPH = { fontSize: "16px", lineHeight: "24px", color: EMAIL_COLORS.text, margin: "0 0 16px" };
const SMALL = { fontSize: "14px", lineHeight: "20px", color: EMAIL_COLORS.muted, margin: "0 0 16px" };

/**
 * A notification: paragraphs, an optional button with its address written out for clients that show
 * no button, and a footer.
 */
export function NoticeEmail({ content }: { content: NoticeContent }) {
  const { action } = content;
  return (
    <EmailShell title={content.title}>
      {content.paragraphs.map((paragraph, i) => (
        // Two paragraphs may read the same and never move, so the position keys them.
        <Text key={i} style={PARAGRAPH}>
          <Lines value={paragraph} />
        </Text>
      ))}
      {action ? (
        <>
          <Button
            href={action.url}
            style={{
              backgroundColor: EMAIL_COLORS.link,
              color: EMAIL_COLORS.card,
              fontSize: "16px",
              fontWeight: "bold",
              padding: "12px 20px",
              borderRadius: "6px",
              textDecoration: "none",
              margin: "8px 0 16px",
            }}
          >
            {action.label}
          </Button>
          <Text style={SMALL}>
            Om knappen inte fungerar, klistra in den här adressen i webbläsaren:
            <br />
            <Link href={action.url} style={{ color: EMAIL_COLORS.link, textDecoration: "underline" }}>
              {action.url}
            </Link>
          </Text>
        </>
      ) : null}
      <Hr style={{ borderColor: EMAIL_COLORS.rule, margin: "24px 0 16px" }} />
      <Text style={{ ...SMALL, margin: "0" }}>{content.footer}</Text>
    </EmailShell>
  );
}

/**
 * The notification as HTML and as plain text. The text is written from the same content rather than
 * converted from the HTML: the content is plain strings already, and reading the rendered document
 * back (html-to-text) cost nearly as much as rendering it, twice on every registration. It says what
 * the HTML says, in the same order, with the button's address in place of the button.
 */
export async function renderNotice(content: NoticeContent): Promise<{ html: string; text: string }> {
  const html = await render(<NoticeEmail content={content} />);
  const blocks = [...content.paragraphs, ...(content.action ? [content.action.url] : []), content.footer];
  return { html, text: `${blocks.join("\n\n")}\n` };
}
