/**
 * The permission matrix: what each role may do inside its organization, what an NNS admin may do in every
 * organization, and which permissions an API key may be given as scopes. Services check these; the
 * route registry declares them; docs/permissions.md describes them. Change all three together.
 */
export const PERMISSIONS = [
  "org:read",
  "org:write",
  "organizations:create",
  "members:read",
  "members:manage",
  "api_keys:read",
  "api_keys:manage",
  "audit:read",
  "outbox:read",
  "webhooks:manage",
  "trainings:read",
  "trainings:book",
  "trainings:register",
  "trainings:manage",
  "trainers:manage",
  "sessions:attend",
  "interventions:read",
  "interventions:write",
  "catalog:editorial",
  "invoices:read",
  "invoicing:manage",
  "billing:manage",
  "newsletters:read",
  "newsletters:write",
  "subscribers:manage",
  "instruments:manage",
  "progression:record",
  "progression:manage",
  "progression:aggregates",
  "statistics:import",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["nns_admin", "org_admin", "editor", "viewer", "trainer", "coach"] as const;
export type Role = (typeof ROLES)[number];

/** Roles only the NNS organization can hold. */
export const NNS_ONLY_ROLES: readonly Role[] = ["nns_admin", "trainer"];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // NNS admins hold every permission, so a new permission reaches them without a second list.
  nns_admin: PERMISSIONS,
  org_admin: [
    "org:read",
    "members:read",
    "members:manage",
    "api_keys:read",
    "api_keys:manage",
    "audit:read",
    "outbox:read",
    "webhooks:manage",
    "trainings:read",
    "trainings:book",
    "trainings:register",
    "trainings:manage",
    "sessions:attend",
    "interventions:read",
    "interventions:write",
    "invoices:read",
    "invoicing:manage",
    "newsletters:read",
    "newsletters:write",
    "subscribers:manage",
    "instruments:manage",
    "progression:manage",
    "progression:aggregates",
  ],
  // The förbund's katalogadministratör is an editor: writes and submits entries, publishes nothing.
  editor: [
    "org:read",
    "members:read",
    "trainings:read",
    "trainings:register",
    "trainings:manage",
    "sessions:attend",
    "interventions:read",
    "interventions:write",
    "newsletters:read",
    "newsletters:write",
    "progression:aggregates",
  ],
  viewer: [
    "org:read",
    "members:read",
    "trainings:read",
    "interventions:read",
    "newsletters:read",
    "progression:aggregates",
  ],
  // A certified utbildare: sees the sessions assigned to them and takes attendance, nothing else.
  trainer: ["org:read", "sessions:attend"],
  // A förbund's handledare: registers and measures the participants assigned to them, sees no one else's.
  coach: ["org:read", "interventions:read", "progression:record", "progression:aggregates"],
};

/**
 * What an NNS admin may do in a förbund it is not a member of: national coordination (editing the
 * organization, bringing in its first administrators, reading its audit trail, the catalogue's central
 * editing and publishing), but never acting as the förbund through its API keys.
 */
const NNS_ADMIN_CROSS_ORG: readonly Permission[] = [
  "org:read",
  "org:write",
  "members:read",
  "members:manage",
  "audit:read",
  "outbox:read",
  "trainings:read",
  "interventions:read",
  "interventions:write",
  "catalog:editorial",
  "invoices:read",
];

/**
 * Permissions that may be granted to an API key, in the order the admin and the docs list them. A key acts
 * for its organization's systems, never for a person: keys never mint keys (`api_keys:*`), edit the
 * organization (`org:write`), create organizations, read the outbox (it holds people's emails), publish in
 * the catalogue (`catalog:editorial`), run trainings (`trainings:manage`, which moves people's sessions
 * and sends them email), take attendance (`sessions:attend`, a trainer's own task) or change invoicing
 * (`invoicing:manage`, `billing:manage`). Routes needing a permission outside this list do not offer
 * API-key security in the contract.
 */
export const API_KEY_SCOPES = [
  "org:read",
  "members:read",
  "members:manage",
  "audit:read",
  "trainings:read",
  "trainings:book",
  "trainings:register",
  "interventions:read",
  "interventions:write",
  "invoices:read",
  "newsletters:read",
  "progression:aggregates",
] as const satisfies readonly Permission[];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(permission: string): permission is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(permission);
}

/**
 * What each permission allows, in English for integrators: docs/permissions.md and docs/api.md print
 * these (scripts/permission-docs.ts writes the tables), the admin shows its own Swedish wording.
 */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "org:read": "read the organization and what the caller may do in it",
  "org:write": "edit the organization and its huvudmän",
  "organizations:create": "register a förbund",
  "members:read": "list and read members and invitations",
  "members:manage":
    "invite people, change roles, remove members, revoke invitations (keys: editors and viewers only)",
  "api_keys:read": "list API keys",
  "api_keys:manage": "create and revoke API keys",
  "audit:read": "read the audit log",
  "outbox:read": "read emails sent on the organization's behalf",
  "webhooks:manage": "register webhook endpoints, read their delivery log, resend deliveries",
  "trainings:read": "read trainings, training requests, seats, own participants, costs and follow-up",
  "trainings:book": "send and withdraw training requests (intresseanmälningar), add and remove print costs",
  "trainings:register": "register and cancel the organization's participants",
  "trainings:manage":
    "run trainings the organization owns (NNS: BIP/SKAPA; a förbund: its own events), decline requests",
  "trainers:manage": "trainer registry, price list and step template (NNS)",
  "sessions:attend": "roster and attendance of sessions one may take",
  "interventions:read": "read own and co-owned interventions, their versions, results and co-owners",
  "interventions:write":
    "create, edit, import, submit, withdraw and archive interventions, report results, manage co-owners (never publish)",
  "catalog:editorial": "publish and return interventions, grant self-publishing",
  "invoices:read":
    "list the organization's invoices and credit notes, download their PDF and e-invoice (UBL)",
  "invoicing:manage":
    "edit the organization's invoicing details: address, referens, Peppol id, invoice email",
  "billing:manage":
    "NNS: seller settings, draft and issue invoices, credit notes, register payments, exports",
  "newsletters:read": "read own and co-published newsletters, their issues, sections and sending figures",
  "newsletters:write":
    "create publications, invite co-publishers, write and approve own sections, schedule, send, pause and cancel issues",
  "subscribers:manage":
    "list, import, export and erase the subscribers of own and co-published newsletters (personal data)",
  "instruments:manage":
    "create, import, edit and publish progression instruments and their item mappings (NNS: national ones)",
  "progression:record":
    "register participants assigned to oneself, record their measurements, hand out self-rating links",
  "progression:manage":
    "all of the organization's participants: assign coaches, export, erase, retention, choose an insats's instruments, read the access log",
  "progression:aggregates":
    "read progression aggregates (suppressed below the minimum group size; NNS: national), never one person",
  "statistics:import":
    "NNS: upload SCB's helårsekvivalenter files and follow their imports (the figures themselves are public)",
};

export function permissionsForRole(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

/**
 * Roles an actor may hand out when inviting or changing members, and so also the roles of the members it
 * may change or remove. API keys never create administrators: a leaked key must not mint people who can
 * mint keys.
 */
export function assignableRoles(
  role: Role | "nns_admin_elsewhere" | "api_key",
  targetOrgKind: "nns" | "forbund",
): Role[] {
  const base: Role[] = ["org_admin", "editor", "viewer"];
  if (role === "api_key") return ["editor", "viewer"];
  if (targetOrgKind === "nns" && role === "nns_admin") return ["nns_admin", ...base, "trainer"];
  if (targetOrgKind === "nns" && role === "org_admin") return [...base, "trainer"];
  // A handledare is made by the förbund itself: NNS coordinators bring in administrators, nobody who
  // works with participants.
  if (role === "nns_admin" || role === "nns_admin_elsewhere") return base;
  if (role === "org_admin") return [...base, "coach"];
  return [];
}

/**
 * What a person may do in an organization: their role's permissions there, plus national coordination
 * when they are an NNS admin and the organization is a förbund. Null role: not a member.
 */
export function effectivePermissions(
  role: Role | null,
  isNnsAdmin: boolean,
  organizationKind: "nns" | "forbund",
): ReadonlySet<Permission> {
  const permissions = new Set(role ? ROLE_PERMISSIONS[role] : []);
  if (isNnsAdmin && organizationKind === "forbund") for (const p of NNS_ADMIN_CROSS_ORG) permissions.add(p);
  return permissions;
}
