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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["nns_admin", "org_admin", "editor", "viewer", "trainer"] as const;
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
  ],
  viewer: ["org:read", "members:read", "trainings:read", "interventions:read"],
  // A certified utbildare: sees the sessions assigned to them and takes attendance, nothing else.
  trainer: ["org:read", "sessions:attend"],
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
];

/** Permissions that may be granted to an API key. Keys never mint keys or create organizations. */
export const API_KEY_SCOPES = [
  "org:read",
  "members:read",
  "members:manage",
  "audit:read",
  "trainings:read",
  "trainings:register",
  "interventions:read",
  "interventions:write",
] as const satisfies readonly Permission[];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

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
  if (role === "nns_admin" || role === "nns_admin_elsewhere" || role === "org_admin") return base;
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
