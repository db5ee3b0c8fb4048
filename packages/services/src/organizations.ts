import { organizationMemberParties, organizations, setScope, type Tx, transaction } from "@nns/db";
import {
  AppError,
  type FinsamRule,
  finsamMembershipProblems,
  formatOrganizationNumber,
  type Page,
  vatNumberFor,
} from "@nns/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { requireNnsAdmin, requireOperations, requirePermission } from "./access.js";
import { audit, writeAudit } from "./audit.js";
import { type Deps, isNnsAdmin, type OrgContext, type ServiceContext } from "./context.js";
import {
  type MemberPartyInput,
  type MemberPartyView,
  type OrganizationInput,
  replaceMemberParties,
  translateUniqueViolation,
  validateOrganizationInput,
} from "./organization-input.js";
import { keyset, type PageRequest } from "./pagination.js";
import { seedTrainingDefaults } from "./trainings/settings.js";

export interface OrganizationView {
  id: string;
  kind: "nns" | "forbund";
  name: string;
  slug: string;
  organizationNumber: string;
  vatNumber: string;
  countyCode: string | null;
  email: string | null;
  website: string | null;
  memberParties: MemberPartyView[];
  /**
   * The Finsam rules (lag 2003:1210) the förbund's län and huvudmän break, for förbund registered before
   * they were checked on write; empty when it complies, and for NNS.
   */
  finsamIssues: FinsamRule[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

type OrganizationRow = typeof organizations.$inferSelect;

async function loadViews(tx: Tx, rows: OrganizationRow[]): Promise<OrganizationView[]> {
  if (rows.length === 0) return [];
  const parties = await tx
    .select()
    .from(organizationMemberParties)
    .where(
      inArray(
        organizationMemberParties.organizationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organizationMemberParties.kind), asc(organizationMemberParties.name));
  return rows.map((row) => {
    const memberParties = parties
      .filter((p) => p.organizationId === row.id)
      .map((p) => ({
        kind: p.kind,
        name: p.name,
        countyCode: p.countyCode,
        municipalityCode: p.municipalityCode,
      }));
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      slug: row.slug,
      organizationNumber: formatOrganizationNumber(row.organizationNumber),
      vatNumber: vatNumberFor(row.organizationNumber),
      countyCode: row.countyCode,
      email: row.email,
      website: row.website,
      memberParties,
      finsamIssues:
        row.kind === "forbund"
          ? [
              ...new Set(
                finsamMembershipProblems(row.countyCode, memberParties.map(partyInput)).map((p) => p.rule),
              ),
            ]
          : [],
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** A stored huvudman as it would be entered. */
function partyInput(party: MemberPartyView): MemberPartyInput {
  switch (party.kind) {
    case "region":
      return { kind: "region", countyCode: party.countyCode ?? "" };
    case "kommun":
      return { kind: "kommun", municipalityCode: party.municipalityCode ?? "" };
    default:
      return { kind: party.kind };
  }
}

async function loadView(tx: Tx, id: string): Promise<OrganizationView> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new AppError("not_found", "The organization does not exist.");
  const [view] = await loadViews(tx, [row]);
  return view as OrganizationView;
}

/** Organizations the actor works in; NNS admins coordinate all of them and see every one. */
export interface ForbundListing {
  id: string;
  name: string;
  slug: string;
  countyCode: string | null;
}

/**
 * The public directory of samordningsförbund: who they are is public information, and a förbund needs it
 * to invite another as co-owner, or a third party to filter the catalogue by förbund.
 */
export async function forbundDirectory(deps: Deps): Promise<ForbundListing[]> {
  const rows = await transaction(deps.db, {}, (tx) =>
    tx
      .select({
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        countyCode: organizations.countyCode,
      })
      .from(organizations)
      .where(and(eq(organizations.kind, "forbund"), isNull(organizations.deletedAt))),
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export async function listOrganizations(
  ctx: ServiceContext,
  page: PageRequest,
): Promise<Page<OrganizationView>> {
  const { actor } = ctx;
  const keys = keyset(page, organizations.name, organizations.id, "asc");
  return transaction(ctx.deps.db, {}, async (tx) => {
    const conditions = [isNull(organizations.deletedAt)];
    if (actor.type === "api_key") conditions.push(eq(organizations.id, actor.organizationId));
    if (actor.type === "user" && !isNnsAdmin(actor)) {
      const ids = actor.memberships.map((m) => m.organizationId);
      if (ids.length === 0) return { data: [], nextCursor: null };
      conditions.push(inArray(organizations.id, ids));
    }
    if (keys.after) conditions.push(keys.after);
    const rows = await tx
      .select()
      .from(organizations)
      .where(and(...conditions))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const views = await loadViews(tx, rows);
    return keys.page(views, (v) => [v.name, v.id]);
  });
}

export async function getOrganization(ctx: OrgContext): Promise<OrganizationView> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    loadView(tx, ctx.organization.id),
  );
}

/** NNS admins register a new förbund; the entry goes into the new organization's audit log. */
export async function createOrganization(
  ctx: ServiceContext,
  input: OrganizationInput,
): Promise<OrganizationView> {
  if (ctx.actor.type !== "system") requireNnsAdmin(ctx, "organizations:create");
  const slug = input.slug ?? slugify(input.name);
  if (!slug) {
    throw new AppError("validation_failed", "No slug can be made from the name; give one.", {
      errors: [
        {
          field: "body.slug",
          rule: "required",
          message: "Ange en kortadress (slug): namnet innehåller inga bokstäver eller siffror.",
        },
      ],
    });
  }
  try {
    return await transaction(ctx.deps.db, {}, async (tx) => {
      const { orgNumber } = await validateOrganizationInput(tx, input, { finsam: true });
      const [row] = await tx
        .insert(organizations)
        .values({
          kind: "forbund",
          name: input.name,
          slug,
          organizationNumber: orgNumber,
          countyCode: input.countyCode,
          email: input.email ?? null,
          website: input.website ?? null,
        })
        .returning();
      if (!row) throw new Error("organization insert returned nothing");
      // The new förbund's huvudmän are written in its own scope, as row-level security requires.
      await setScope(tx, { organizationId: row.id });
      await replaceMemberParties(tx, row.id, input.memberParties);
      const view = await loadView(tx, row.id);
      await writeAudit(tx, ctx, row.id, {
        action: "organization.created",
        entityType: "organization",
        entityId: row.id,
        after: view,
      });
      return view;
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
}

/** The NNS organization itself is created once, by the CLI or the demo seed. */
export async function createNnsOrganization(
  ctx: ServiceContext,
  input: Omit<OrganizationInput, "memberParties">,
): Promise<OrganizationView> {
  requireOperations(ctx, "Only operations may create the NNS organization.");
  return transaction(ctx.deps.db, {}, async (tx) => {
    const { orgNumber } = await validateOrganizationInput(
      tx,
      { ...input, memberParties: [] },
      { finsam: false },
    );
    const [row] = await tx
      .insert(organizations)
      .values({
        kind: "nns",
        name: input.name,
        slug: input.slug ?? slugify(input.name),
        organizationNumber: orgNumber,
        countyCode: input.countyCode,
      })
      .returning();
    if (!row) throw new Error("organization insert returned nothing");
    const view = await loadView(tx, row.id);
    await setScope(tx, { organizationId: row.id });
    await seedTrainingDefaults(tx, row.id);
    await writeAudit(tx, ctx, row.id, {
      action: "organization.created",
      entityType: "organization",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

export type OrganizationPatch = Partial<OrganizationInput>;

export async function updateOrganization(
  ctx: OrgContext,
  patch: OrganizationPatch,
  expectedVersion: number | null,
): Promise<OrganizationView> {
  requirePermission(ctx, "org:write");
  try {
    return await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
      const [current] = await tx
        .select()
        .from(organizations)
        .where(eq(organizations.id, ctx.organization.id))
        .for("update");
      if (!current) throw new AppError("not_found", "The organization does not exist.");
      if (expectedVersion !== null && current.version !== expectedVersion) {
        throw new AppError(
          "precondition_failed",
          "The organization has changed since you read it; reload and try again.",
        );
      }
      const before = await loadView(tx, current.id);
      const merged: OrganizationInput = {
        name: patch.name ?? current.name,
        slug: patch.slug ?? current.slug,
        organizationNumber: patch.organizationNumber ?? current.organizationNumber,
        countyCode: patch.countyCode === undefined ? current.countyCode : patch.countyCode,
        email: patch.email === undefined ? current.email : patch.email,
        website: patch.website === undefined ? current.website : patch.website,
        memberParties: patch.memberParties ?? before.memberParties.map(partyInput),
      };
      if (current.kind === "nns" && patch.memberParties && patch.memberParties.length > 0) {
        throw new AppError("validation_failed", "NNS has no huvudmän.", {
          errors: [
            {
              field: "body.memberParties",
              rule: "not_allowed",
              message: "Nationella nätverket har inga huvudmän.",
            },
          ],
        });
      }
      // Huvudmän and län are checked together when either is written; other details of a förbund
      // registered before the rule stay editable.
      const finsam =
        current.kind === "forbund" &&
        (patch.memberParties !== undefined || merged.countyCode !== current.countyCode);
      const { orgNumber } = await validateOrganizationInput(tx, merged, { finsam });
      const partyKey = (p: { kind: string; countyCode?: string | null; municipalityCode?: string | null }) =>
        `${p.kind}:${p.countyCode ?? ""}:${p.municipalityCode ?? ""}`;
      const unchanged =
        merged.name === current.name &&
        merged.slug === current.slug &&
        orgNumber === current.organizationNumber &&
        merged.countyCode === current.countyCode &&
        (merged.email ?? null) === current.email &&
        (merged.website ?? null) === current.website &&
        (!patch.memberParties ||
          JSON.stringify(patch.memberParties.map(partyKey).sort()) ===
            JSON.stringify(before.memberParties.map(partyKey).sort()));
      // Saving what is already there is not a change: no new version, no audit entry.
      if (unchanged) return before;
      await tx
        .update(organizations)
        .set({
          name: merged.name,
          slug: merged.slug as string,
          organizationNumber: orgNumber,
          countyCode: merged.countyCode,
          email: merged.email ?? null,
          website: merged.website ?? null,
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(organizations.id, current.id));
      if (patch.memberParties) await replaceMemberParties(tx, current.id, patch.memberParties);
      const after = await loadView(tx, current.id);
      await audit(tx, ctx, {
        action: "organization.updated",
        entityType: "organization",
        entityId: current.id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
}
