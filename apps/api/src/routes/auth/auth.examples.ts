import { example, HALLAND, IDS, PEOPLE } from "../../lib/examples.js";

export const USER = example({
  id: PEOPLE.anna.id,
  email: PEOPLE.anna.email,
  name: PEOPLE.anna.name,
  locale: "sv",
});

export const MEMBERSHIP = example({
  organization: { id: HALLAND.id, name: HALLAND.name, slug: HALLAND.slug, kind: "forbund" },
  role: "org_admin",
  permissions: [
    "org:read",
    "members:read",
    "members:manage",
    "api_keys:read",
    "api_keys:manage",
    "trainings:read",
  ],
});

export const SIGNED_IN = example({ user: USER, memberships: [MEMBERSHIP] });

export const ME_USER = example({ kind: "user", user: USER, memberships: [MEMBERSHIP], nnsAdmin: false });

export const ME_API_KEY = example({
  kind: "api_key",
  apiKey: {
    id: IDS.apiKey,
    name: "Ärendesystem Halmstads kommun",
    organizationId: HALLAND.id,
    scopes: ["trainings:read", "trainings:register"],
  },
});

export const INVITATION_PREVIEW = example({
  organizationName: HALLAND.name,
  email: "erik.svensson@halmstad.se",
  role: "editor",
  existingAccount: false,
  expiresAt: "2026-12-03T13:47:12.000Z",
});

export const SESSION = example({
  id: "k3v7qzm2hx4ra6wdn5tbyc2e",
  createdAt: "2026-11-20T07:58:31.000Z",
  lastActiveAt: "2026-11-26T08:14:05.000Z",
  ipAddress: "194.17.82.41",
  userAgent:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  current: true,
});
