import { randomBytes } from "node:crypto";
import { transaction } from "@nns/db";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { luhnCheckDigit, type Role } from "@nns/domain";
import { afterAll, beforeAll } from "vitest";
import {
  type Actor,
  createNnsOrganization,
  createOrganization,
  type Deps,
  enterOrganization,
  grantRole,
  loadMemberships,
  type MemberPartyInput,
  type OrganizationView,
  type OrgContext,
  systemContext,
} from "../src/index.js";
import { finsamMemberParties } from "../src/testing.js";
import { testDeps } from "./deps.js";

/**
 * Fixtures for service-level tests: a database per test file, and per test a förbund of its own with a
 * person in every role, so no test depends on what another one left behind.
 */

export interface ServiceTestEnv {
  deps: Deps;
  t: TestDatabase;
}

/**
 * A fresh migrated database for the calling test file, opened before its tests and destroyed after them.
 * The returned object is filled in by `beforeAll`; read its fields inside tests and hooks only.
 */
export function useServiceDatabase(): ServiceTestEnv {
  const env = {} as ServiceTestEnv;
  beforeAll(async () => {
    env.t = await createTestDatabase();
    env.deps = testDeps(env.t.db);
  });
  afterAll(async () => {
    env.deps?.mailer.close();
    await env.t?.destroy();
  });
  return env;
}

export interface Person {
  userId: string;
  email: string;
  name: string;
}

/** Unique within the process; each test file has a database of its own, so that is unique enough. */
let sequence = 0;
const RUN = randomBytes(3).toString("hex");

function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** A valid organisationsnummer (third digit ≥ 2, Luhn check digit) that no other fixture hands out. */
export function uniqueOrganizationNumber(): string {
  const nine = `229${String(nextNumber()).padStart(6, "0")}`;
  return `${nine}${luhnCheckDigit(nine)}`;
}

/**
 * The acting person as authentication would build them, memberships read from the database, so a
 * context reflects roles granted or changed since.
 */
export async function userActor(deps: Deps, person: Person): Promise<Extract<Actor, { type: "user" }>> {
  const memberships = await transaction(deps.db, { userId: person.userId }, (tx) =>
    loadMemberships(tx, person.userId),
  );
  return {
    type: "user",
    userId: person.userId,
    email: person.email,
    name: person.name,
    sessionId: null,
    memberships,
  };
}

/**
 * The person's context in an organization, as a request would have it. Each context carries a request id
 * of its own, so an audit entry can be traced to the call that wrote it.
 */
export async function contextFor(deps: Deps, person: Person, organizationId: string): Promise<OrgContext> {
  return enterOrganization(
    { deps, actor: await userActor(deps, person), requestId: `req-${randomBytes(6).toString("hex")}` },
    organizationId,
  );
}

/** Creates a person (no password: these tests never sign in) with a role in the organization. */
export async function addPerson(
  deps: Deps,
  organization: { slug: string },
  role: Role,
  label: string = role,
): Promise<Person> {
  const n = nextNumber();
  const email = `${label.replace(/_/g, "-")}.${n}.${RUN}@test.se`;
  const name = `${label} ${n}`;
  const { userId } = await grantRole(systemContext(deps, "test-fixture"), {
    organizationSlug: organization.slug,
    email,
    name,
    password: null,
    role,
  });
  return { userId, email, name };
}

export interface FreshTenant {
  organization: OrganizationView;
  people: Record<"admin" | "editor" | "viewer", Person>;
  /** An org_admin of the förbund. */
  admin: OrgContext;
  editor: OrgContext;
  viewer: OrgContext;
  /** Operations (the CLI) working in the förbund. */
  system: OrgContext;
}

/**
 * A new förbund with a unique name, slug and organisationsnummer, and an org_admin, an editor and a viewer.
 * The member parties default to a valid Finsam set (lag 2003:1210): FK, AF, the län's region and a kommun
 * in it — Halmstad's huvudmän (county 13, kommun 1380) unless the test picks another län.
 */
export async function freshTenant(
  deps: Deps,
  options: { countyCode?: string; memberParties?: MemberPartyInput[] } = {},
): Promise<FreshTenant> {
  const n = nextNumber();
  const organization = await createOrganization(systemContext(deps, "test-fixture"), {
    name: `Samordningsförbundet Test ${n} ${RUN}`,
    slug: `test-${n}-${RUN}`,
    organizationNumber: uniqueOrganizationNumber(),
    countyCode: options.countyCode ?? "13",
    // Valid under Finsam in whichever län the test chose; Halmstad in Halland by default.
    memberParties:
      options.memberParties ??
      finsamMemberParties(options.countyCode ?? "13", options.countyCode ? undefined : ["1380"]),
  });
  const people = {
    admin: await addPerson(deps, organization, "org_admin", "admin"),
    editor: await addPerson(deps, organization, "editor"),
    viewer: await addPerson(deps, organization, "viewer"),
  };
  return {
    organization,
    people,
    admin: await contextFor(deps, people.admin, organization.id),
    editor: await contextFor(deps, people.editor, organization.id),
    viewer: await contextFor(deps, people.viewer, organization.id),
    system: await enterOrganization(systemContext(deps, "test-operations"), organization.id),
  };
}

export interface NnsTenant {
  organization: OrganizationView;
  /** A new NNS admin, created for this call. */
  person: Person;
  /** The NNS admin in the NNS organization. */
  admin: OrgContext;
  /** The same NNS admin coordinating a förbund it is not a member of ("nns_admin_elsewhere"). */
  coordinating: (organizationId: string) => Promise<OrgContext>;
}

const nnsByDatabase = new WeakMap<Deps["db"], Promise<OrganizationView>>();

/**
 * The NNS organization (there is one per database, created on first use, with its price list and
 * template) and a new NNS admin in it.
 */
export async function nnsTenant(deps: Deps): Promise<NnsTenant> {
  let created = nnsByDatabase.get(deps.db);
  if (!created) {
    created = createNnsOrganization(systemContext(deps, "test-fixture"), {
      name: "Nationella nätverket för samordningsförbund",
      slug: `nns-${RUN}`,
      organizationNumber: uniqueOrganizationNumber(),
      countyCode: null,
    });
    nnsByDatabase.set(deps.db, created);
  }
  const organization = await created;
  const person = await addPerson(deps, organization, "nns_admin", "nns-admin");
  return {
    organization,
    person,
    admin: await contextFor(deps, person, organization.id),
    coordinating: (organizationId) => contextFor(deps, person, organizationId),
  };
}
