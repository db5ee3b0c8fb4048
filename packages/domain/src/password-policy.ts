import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
/** ASVS asks that at least 64 characters are allowed; the cap only bounds hashing work. */
export const PASSWORD_MAX_LENGTH = 256;

/** Swedish passwords that appear in breach lists but not in the English-centred shipped list. */
const SWEDISH_COMMON = [
  "lösenord",
  "losenord",
  "lösenord1",
  "losenord1",
  "lösenord123",
  "losenord123",
  "hemligt123",
  "sommar2024",
  "sommar2025",
  "sommar2026",
  "vinter2025",
  "vinter2026",
  "sverige123",
  "välkommen",
  "valkommen",
  "välkommen1",
  "valkommen1",
  "välkommen123",
  "valkommen123",
  "qwerty123",
];

let commonSet: Set<string> | undefined;
function commonPasswords(): Set<string> {
  commonSet ??= new Set(
    [...dictionary["passwords-common"], ...SWEDISH_COMMON].filter((p) => p.length >= PASSWORD_MIN_LENGTH),
  );
  return commonSet;
}

export type PasswordRule = "too_short" | "too_long" | "common_password" | "contains_email";

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

/**
 * OWASP ASVS 5.0 (V6.2): length at least 8 (15 recommended), no composition rules, reject passwords
 * from a list of common ones and ones built from the account's own identity. Length is counted in
 * Unicode code points so that å, ä and ö count once.
 */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      rule: "too_short",
      message: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken (vi rekommenderar ${PASSWORD_RECOMMENDED_LENGTH}).`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { rule: "too_long", message: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.` };
  }
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered)) {
    return {
      rule: "common_password",
      message: "Lösenordet är för vanligt och finns i listor över läckta lösenord.",
    };
  }
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return {
      rule: "contains_email",
      message: "Lösenordet får inte innehålla din e-postadress (delen före @).",
    };
  }
  return null;
}
