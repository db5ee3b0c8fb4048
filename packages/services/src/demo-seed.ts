import { organizations, transaction, users } from "@nns/db";
import { luhnCheckDigit, type Role } from "@nns/domain";
import { count, eq } from "drizzle-orm";
import { seedDemoCatalog } from "./catalog/demo-catalog.js";
import { type Deps, systemContext } from "./context.js";
import { seedDemoEvents } from "./demo-events.js";
import { seedDemoNewsletters } from "./demo-newsletters.js";
import { DEMO_COACHES, seedDemoProgression } from "./demo-progression.js";
import { seedDemoTrainings } from "./demo-trainings.js";
import { grantRole } from "./operations.js";
import type { MemberPartyInput } from "./organization-input.js";
import { createNnsOrganization, createOrganization } from "./organizations.js";
import { seedDemoStatistics } from "./statistics/demo-statistics.js";

/** Every demo account uses this password; it is printed at start-up in embedded mode only. */
export const DEMO_PASSWORD = "Samordning-demo-2026";
const DEMO_TRAINER_EMAIL = "utbildare@demo.nns.se";

function demoOrganizationNumber(serial: number): string {
  const nine = `222000${String(serial).padStart(3, "0")}`;
  return `${nine}${luhnCheckDigit(nine)}`;
}

const kommuner = (...codes: string[]): MemberPartyInput[] =>
  codes.map((municipalityCode) => ({ kind: "kommun", municipalityCode }));
const agencies = (countyCode: string): MemberPartyInput[] => [
  { kind: "fk" },
  { kind: "af" },
  { kind: "region", countyCode },
];

/** Real samordningsförbund with their län and member kommuner; organisation numbers are made up. */
export const DEMO_FORBUND = [
  {
    slug: "halland",
    name: "Samordningsförbundet Halland",
    countyCode: "13",
    parties: [...agencies("13"), ...kommuner("1315", "1380", "1381", "1382", "1383", "1384")],
  },
  {
    slug: "sundsvall",
    name: "Samordningsförbundet Sundsvall",
    countyCode: "22",
    parties: [...agencies("22"), ...kommuner("2281")],
  },
  {
    slug: "centrala-ostergotland",
    name: "Samordningsförbundet Centrala Östergötland",
    countyCode: "05",
    parties: [...agencies("05"), ...kommuner("0513", "0560", "0561", "0580", "0581", "0582", "0583")],
  },
  {
    slug: "hoglandet",
    name: "Samordningsförbundet Höglandet",
    countyCode: "06",
    parties: [...agencies("06"), ...kommuner("0604", "0682", "0684", "0685", "0686", "0687")],
  },
  {
    slug: "norra-vastmanland",
    name: "Samordningsförbundet Norra Västmanland",
    countyCode: "19",
    parties: [...agencies("19"), ...kommuner("1904", "1962", "1982")],
  },
  {
    slug: "umearegionen",
    name: "Samordningsförbundet Umeåregionen",
    countyCode: "24",
    parties: [...agencies("24"), ...kommuner("2401", "2403", "2404", "2409", "2460", "2480")],
  },
] as const;

export const DEMO_USERS: { email: string; name: string; grants: { slug: string; role: Role }[] }[] = [
  { email: "nns.admin@demo.nns.se", name: "Nora Nilsson", grants: [{ slug: "nns", role: "nns_admin" }] },
  { email: "nns.lasare@demo.nns.se", name: "Nils Nyberg", grants: [{ slug: "nns", role: "viewer" }] },
  { email: DEMO_TRAINER_EMAIL, name: "Tove Tränare", grants: [{ slug: "nns", role: "trainer" }] },
  {
    email: "admin.halland@demo.nns.se",
    name: "Hanna Holm",
    grants: [{ slug: "halland", role: "org_admin" }],
  },
  {
    email: "redaktor.halland@demo.nns.se",
    name: "Henrik Hedlund",
    grants: [{ slug: "halland", role: "editor" }],
  },
  {
    email: "lasare.halland@demo.nns.se",
    name: "Hilda Hallberg",
    grants: [{ slug: "halland", role: "viewer" }],
  },
  {
    email: DEMO_COACHES.halland,
    name: "Elin Ekström",
    grants: [{ slug: "halland", role: "coach" }],
  },
  {
    email: "admin.ostergotland@demo.nns.se",
    name: "Oskar Öberg",
    grants: [{ slug: "centrala-ostergotland", role: "org_admin" }],
  },
  {
    email: DEMO_COACHES.ostergotland,
    name: "Omar Olsson",
    grants: [{ slug: "centrala-ostergotland", role: "coach" }],
  },
  {
    email: "processledare@demo.nns.se",
    name: "Sara Sundin",
    grants: [
      { slug: "sundsvall", role: "org_admin" },
      { slug: "umearegionen", role: "editor" },
    ],
  },
  {
    email: "admin.hoglandet@demo.nns.se",
    name: "Hugo Hjalmarsson",
    grants: [{ slug: "hoglandet", role: "org_admin" }],
  },
  {
    email: "admin.vastmanland@demo.nns.se",
    name: "Vera Vik",
    grants: [{ slug: "norra-vastmanland", role: "org_admin" }],
  },
  {
    email: "admin.umea@demo.nns.se",
    name: "Ulf Urban",
    grants: [{ slug: "umearegionen", role: "org_admin" }],
  },
];

export async function hasAnyOrganization(deps: Deps): Promise<boolean> {
  const [row] = await transaction(deps.db, {}, (tx) => tx.select({ n: count() }).from(organizations));
  return Number(row?.n ?? 0) > 0;
}

/** True when the demo accounts exist, so start-up may print how to sign in with them. */
export async function hasDemoAccounts(deps: Deps): Promise<boolean> {
  const admin = DEMO_USERS[0]?.email ?? "";
  const [row] = await transaction(deps.db, {}, (tx) =>
    tx.select({ id: users.id }).from(users).where(eq(users.email, admin)),
  );
  return Boolean(row);
}

export async function seedDemoData(deps: Deps): Promise<void> {
  const ctx = systemContext(deps, "demo-seed");
  const nns = await createNnsOrganization(ctx, {
    name: "Nationella nätverket för samordningsförbund",
    slug: "nns",
    organizationNumber: demoOrganizationNumber(1),
    countyCode: null,
  });
  let serial = 100;
  // NNS owns the catalogue's national projects, so the demo looks it up by slug like a förbund.
  const idBySlug = new Map<string, string>([["nns", nns.id]]);
  for (const forbund of DEMO_FORBUND) {
    serial += 1;
    const created = await createOrganization(ctx, {
      name: forbund.name,
      slug: forbund.slug,
      organizationNumber: demoOrganizationNumber(serial),
      countyCode: forbund.countyCode,
      memberParties: [...forbund.parties],
    });
    idBySlug.set(forbund.slug, created.id);
  }
  for (const user of DEMO_USERS) {
    for (const grant of user.grants) {
      await grantRole(ctx, {
        organizationSlug: grant.slug,
        email: user.email,
        name: user.name,
        password: DEMO_PASSWORD,
        role: grant.role,
      });
    }
  }
  await seedDemoTrainings(deps, DEMO_TRAINER_EMAIL);
  await seedDemoEvents(deps);
  await seedDemoCatalog(ctx, (slug) => idBySlug.get(slug) as string);
  await seedDemoNewsletters(deps, (slug) => idBySlug.get(slug) as string);
  await seedDemoProgression(deps, nns.id, (slug) => idBySlug.get(slug) as string);
  await seedDemoStatistics(deps.db);
}
