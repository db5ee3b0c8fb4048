// An organization's details as entered: their validation, its huvudmän, and the uniqueness errors they meet.
import { counties, municipalities, organizationMemberParties, type Tx } from "@nns/db";
import { REGION_NAMES } from "@nns/db/reference";
import {
  AppError,
  type FieldError,
  finsamMembershipProblems,
  isValidOrganizationNumber,
  normalizeOrganizationNumber,
} from "@nns/domain";
import { eq, inArray } from "drizzle-orm";

export type MemberPartyInput =
  | { kind: "fk" }
  | { kind: "af" }
  | { kind: "region"; countyCode: string }
  | { kind: "kommun"; municipalityCode: string };

export interface MemberPartyView {
  kind: "fk" | "af" | "region" | "kommun";
  name: string;
  countyCode: string | null;
  municipalityCode: string | null;
}

export interface OrganizationInput {
  name: string;
  slug?: string | undefined;
  organizationNumber: string;
  countyCode: string | null;
  email?: string | null | undefined;
  website?: string | null | undefined;
  memberParties: MemberPartyInput[];
}

/**
 * Checks a förbund's details as entered. `finsam` also checks its län and huvudmän against lag (2003:1210)
 * (finsam-members.ts): on writes that set them, so förbund registered before the rule can still change
 * other details (the organizations list flags them instead).
 */
export async function validateOrganizationInput(
  tx: Tx,
  input: OrganizationInput,
  options: { finsam: boolean },
  fieldPrefix = "body",
): Promise<{ orgNumber: string }> {
  const errors: FieldError[] = [];
  const orgNumber = normalizeOrganizationNumber(input.organizationNumber);
  if (!orgNumber || !isValidOrganizationNumber(orgNumber)) {
    errors.push({
      field: `${fieldPrefix}.organizationNumber`,
      rule: "organization_number",
      message: "Organisationsnumret ska ha tio siffror med en korrekt kontrollsiffra (Luhn).",
    });
  }
  const countyCodes = new Set(
    [
      ...(input.countyCode ? [input.countyCode] : []),
      ...input.memberParties.flatMap((p) => (p.kind === "region" ? [p.countyCode] : [])),
    ].filter(Boolean),
  );
  const knownCounties = countyCodes.size
    ? new Set(
        (
          await tx
            .select({ code: counties.code })
            .from(counties)
            .where(inArray(counties.code, [...countyCodes]))
        ).map((r) => r.code),
      )
    : new Set<string>();
  if (input.countyCode && !knownCounties.has(input.countyCode)) {
    errors.push({ field: `${fieldPrefix}.countyCode`, rule: "county_code", message: "Okänd länskod (SCB)." });
  }
  const kommunCodes = input.memberParties.flatMap((p) => (p.kind === "kommun" ? [p.municipalityCode] : []));
  const knownKommuner = kommunCodes.length
    ? new Set(
        (
          await tx
            .select({ code: municipalities.code })
            .from(municipalities)
            .where(inArray(municipalities.code, kommunCodes))
        ).map((r) => r.code),
      )
    : new Set<string>();
  const seen = new Set<string>();
  input.memberParties.forEach((party, index) => {
    const field = `${fieldPrefix}.memberParties.${index}`;
    const identity =
      party.kind === "kommun"
        ? `kommun:${party.municipalityCode}`
        : party.kind === "region"
          ? `region:${party.countyCode}`
          : party.kind;
    if (seen.has(identity))
      errors.push({ field, rule: "duplicate", message: "Samma huvudman finns redan i listan." });
    seen.add(identity);
    if (party.kind === "kommun" && !knownKommuner.has(party.municipalityCode)) {
      errors.push({
        field: `${field}.municipalityCode`,
        rule: "municipality_code",
        message: "Okänd kommunkod (SCB).",
      });
    }
    if (party.kind === "region" && !knownCounties.has(party.countyCode)) {
      errors.push({ field: `${field}.countyCode`, rule: "county_code", message: "Okänd länskod (SCB)." });
    }
  });
  if (options.finsam) {
    for (const problem of finsamMembershipProblems(input.countyCode, input.memberParties)) {
      errors.push({ ...problem, field: `${fieldPrefix}.${problem.field}` });
    }
  }
  if (errors.length > 0) throw new AppError("validation_failed", errors[0]?.message, { errors });
  return { orgNumber: orgNumber as string };
}

export async function replaceMemberParties(
  tx: Tx,
  organizationId: string,
  parties: MemberPartyInput[],
): Promise<void> {
  await tx
    .delete(organizationMemberParties)
    .where(eq(organizationMemberParties.organizationId, organizationId));
  if (parties.length === 0) return;
  const kommunCodes = parties.flatMap((p) => (p.kind === "kommun" ? [p.municipalityCode] : []));
  const kommunNames = kommunCodes.length
    ? new Map(
        (await tx.select().from(municipalities).where(inArray(municipalities.code, kommunCodes))).map((m) => [
          m.code,
          m.name,
        ]),
      )
    : new Map<string, string>();
  await tx.insert(organizationMemberParties).values(
    parties.map((party) => {
      switch (party.kind) {
        case "fk":
          return { organizationId, kind: party.kind, name: "Försäkringskassan" };
        case "af":
          return { organizationId, kind: party.kind, name: "Arbetsförmedlingen" };
        case "region":
          return {
            organizationId,
            kind: party.kind,
            countyCode: party.countyCode,
            name: REGION_NAMES[party.countyCode] ?? `Region ${party.countyCode}`,
          };
        case "kommun":
          return {
            organizationId,
            kind: party.kind,
            municipalityCode: party.municipalityCode,
            name: kommunNames.get(party.municipalityCode) ?? party.municipalityCode,
          };
      }
      return party satisfies never;
    }),
  );
}

export function translateUniqueViolation(error: unknown): never {
  const text = String((error as { cause?: unknown })?.cause ?? error);
  if (text.includes("organizations_slug_key")) {
    throw new AppError("already_exists", "The slug is taken.", {
      errors: [
        {
          field: "body.slug",
          rule: "unique",
          message: "Det finns redan en organisation med den kortadressen.",
        },
      ],
    });
  }
  if (text.includes("organizations_organization_number_key")) {
    throw new AppError("already_exists", "The organization number is registered.", {
      errors: [
        {
          field: "body.organizationNumber",
          rule: "unique",
          message: "Organisationsnumret finns redan registrerat.",
        },
      ],
    });
  }
  throw error;
}
