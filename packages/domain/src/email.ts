import { z } from "zod";

/**
 * An email address as people have them: RFC 5322's dot-atom local part (letters, digits and
 * ``!#$%&'*+/=?^_`{|}~-``, dot-separated, so `a=b@example.se` and `first.last+tag@sub.example.se` are
 * addresses) at a DNS host name with an alphabetic top-level label. Quoted local parts, IP-literal hosts and
 * non-ASCII addresses are refused: no mail system the förbund use hands those out, and the outbox could not
 * deliver them. One definition for the API contract, the server's validation and the services.
 */
export const EMAIL_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** RFC 5321's limit on a forward path, and so on any address mail can be sent to. */
export const EMAIL_MAX_LENGTH = 254;

export const EmailAddress = z.email({ pattern: EMAIL_PATTERN }).max(EMAIL_MAX_LENGTH);
