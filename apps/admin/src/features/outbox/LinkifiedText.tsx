import type { ReactNode } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"'`]+)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** The URL if it is a well-formed http(s) address, otherwise null (never javascript:, data: and the like). */
export function safeHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Plain text with its http(s) addresses as links. React escapes every piece, so the text cannot inject
 * markup; punctuation that ends a sentence stays outside the link.
 */
export function LinkifiedText({ text }: { text: string }) {
  const nodes: ReactNode[] = [];
  text.split(URL_PATTERN).forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) nodes.push(part);
      return;
    }
    const trailing = TRAILING_PUNCTUATION.exec(part)?.[0] ?? "";
    const candidate = trailing ? part.slice(0, -trailing.length) : part;
    const href = safeHttpUrl(candidate);
    if (href) {
      nodes.push(
        <a key={index} href={href}>
          {candidate}
        </a>,
      );
      if (trailing) nodes.push(trailing);
    } else {
      nodes.push(part);
    }
  });
  return <>{nodes}</>;
}
