import { z } from "@hono/zod-openapi";
import { ROLES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { Email, jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";
import { INVITATION_PREVIEW, ME_API_KEY, ME_USER, SESSION, SIGNED_IN, USER } from "./auth.examples.js";

const tags = ["Auth"];

export const UserSchema = z
  .object({ id: z.uuid(), email: z.email(), name: z.string(), locale: z.enum(["sv", "en"]) })
  .openapi("User", { example: USER });

export const MembershipSchema = z
  .object({
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      slug: z.string(),
      kind: z.enum(["nns", "forbund"]),
    }),
    role: z.enum(ROLES),
    permissions: z.array(z.string()),
  })
  .openapi("Membership", { example: SIGNED_IN.memberships[0] });

export const SignedInSchema = z
  .object({ user: UserSchema, memberships: z.array(MembershipSchema) })
  .openapi("SignedIn", { example: SIGNED_IN });

const MeUserSchema = z
  .object({
    kind: z.literal("user"),
    user: UserSchema,
    memberships: z.array(MembershipSchema),
    nnsAdmin: z.boolean(),
  })
  .openapi("MeUser", { example: ME_USER });

const MeApiKeySchema = z
  .object({
    kind: z.literal("api_key"),
    apiKey: z.object({
      id: z.uuid(),
      name: z.string(),
      organizationId: z.uuid(),
      scopes: z.array(z.string()),
    }),
  })
  .openapi("MeApiKey", { example: ME_API_KEY });

// Named variants and an explicit mapping: generators make one clean type per kind of caller.
export const MeSchema = z.discriminatedUnion("kind", [MeUserSchema, MeApiKeySchema]).openapi("Me", {
  discriminator: {
    propertyName: "kind",
    mapping: { user: "#/components/schemas/MeUser", api_key: "#/components/schemas/MeApiKey" },
  },
  examples: [ME_USER, ME_API_KEY],
});

const LoginEmail = Email.openapi({ example: "admin.halland@demo.nns.se" });
const Password = z.string().min(1).max(1024);
const Token = z.string().min(20).max(200);

export const login = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/login",
    tags,
    operationId: "login",
    summary: "Sign in with email and password",
    description:
      "For people in a browser; integrations use an API key instead. Sets the session cookie " +
      "`__Host-nns_session` and the device cookie `__Host-nns_device`, and answers who signed in with their " +
      "memberships. A wrong email, a wrong password and a disabled account all answer the same 401. " +
      "Throttled per account and client address (429 with `Retry-After`). After many failures for an " +
      "account, or from an address, across all clients, only clients without proof of an earlier sign-in " +
      "are held back (429): a browser with the `__Host-nns_device` cookie this endpoint sets, or an " +
      "address the account signed in from recently, still gets in. A password reset also sets the cookie.",
    request: {
      body: jsonBody(z.object({ email: LoginEmail, password: Password }), {
        email: "anna.lindqvist@halland.samordning.se",
        password: "korrekt häst batteri häftklammer",
      }),
    },
    responses: {
      200: jsonResponse(SignedInSchema, "Signed in"),
      ...problems(400, 429),
      401: {
        ...problems(401)[401],
        description:
          "`invalid_credentials`: the email or password is wrong (the answer does not say which); `api_key_invalid`: an invalid API key was sent",
      },
    },
  },
);

export const logout = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "post",
    path: "/auth/logout",
    tags,
    operationId: "logout",
    summary: "Sign out",
    description:
      "Ends the session of the calling browser and clears its session cookie. Other sessions of the same " +
      "person stay signed in (see `signOutOtherSessions`). Only for a signed-in person, not an API key.",
    responses: { 204: { description: "Signed out" }, ...problems(401, 403) },
  },
);

export const me = defineRoute(
  { kind: "actor" },
  {
    method: "get",
    path: "/auth/me",
    tags,
    operationId: "getMe",
    summary: "Who is calling",
    description:
      "The first call to make with a new API key: tells whether the credentials work and what they are. " +
      "A signed-in person gets `kind: user` with their memberships (each with the role and resulting " +
      "permissions) and whether they are an NNS admin; an API key gets `kind: api_key` with its " +
      "organization and scopes. Branch on `kind`.",
    responses: { 200: jsonResponse(MeSchema, "The caller"), ...problems(401) },
  },
);

export const requestPasswordReset = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/password-reset",
    tags,
    operationId: "requestPasswordReset",
    summary: "Ask for a password reset link",
    description:
      "Emails a single-use link, valid for 30 minutes, to the account with this address. Always answers " +
      "202, whether or not the address has an account (or the account is disabled), so it cannot be used to " +
      "find out who has one. At most one email per account per minute; a new link makes earlier ones stop " +
      "working.",
    request: {
      body: jsonBody(z.object({ email: LoginEmail }), { email: "anna.lindqvist@halland.samordning.se" }),
    },
    responses: { 202: { description: "If the account exists, an email is on its way" }, ...problems(400) },
  },
);

export const confirmPasswordReset = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/password-reset/confirm",
    tags,
    operationId: "confirmPasswordReset",
    summary: "Set a new password with the emailed token",
    description:
      "Takes the token from the reset link's fragment and the new password (at least 8 characters, not a " +
      "common or breached password, not containing the email address). Ends every session of the account, " +
      "sets the device cookie so this browser counts as known to the login throttle, and writes " +
      "`user.password_reset` to the audit log. A used, expired or unknown token answers 410.",
    request: {
      body: jsonBody(z.object({ token: Token, password: Password }), {
        token: "r72knh34retrnhvji55jjxjpkgwdygfwolzt4o3rumtbf42j",
        password: "sommarstuga vid havet i Tylösand",
      }),
    },
    responses: { 204: { description: "Password changed" }, ...problems(400, 410) },
  },
);

export const InvitationPreviewSchema = z
  .object({
    organizationName: z.string(),
    email: z.email(),
    role: z.enum(ROLES),
    existingAccount: z.boolean(),
    expiresAt: Timestamp,
  })
  .openapi("InvitationPreview", { example: INVITATION_PREVIEW });

export const lookupInvitation = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/invitations/lookup",
    tags,
    operationId: "lookupInvitation",
    summary: "Show what an invitation is for",
    description:
      "Anyone holding an invitation token may call this: it answers the organization, the role and the " +
      "invited address, and whether that address already has an account (then accepting asks for its " +
      "existing password rather than a new one). The token travels in the body, never in the URL. A used, " +
      "revoked or expired invitation answers 410.",
    request: {
      body: jsonBody(z.object({ token: Token }), {
        token: "gwyrwx7w6s2jc4qwwgwmvmhx6iblf7fhcth5izaa7r3swvgh",
      }),
    },
    responses: { 200: jsonResponse(InvitationPreviewSchema, "The invitation"), ...problems(400, 410) },
  },
);

export const acceptInvitation = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/invitations/accept",
    tags,
    operationId: "acceptInvitation",
    summary: "Accept an invitation",
    description:
      "A person new to the platform gives a name and chooses a password (the same rules as a reset); a " +
      "person who already has an account confirms with its current password, and `name` is ignored. The " +
      "membership is created with the invited role, the person is signed in (session and device cookies) " +
      "and `invitation.accepted` is audited. A used, revoked or expired invitation answers 410.",
    request: {
      body: jsonBody(z.object({ token: Token, name: nonBlank(1).max(200).optional(), password: Password }), {
        token: "gwyrwx7w6s2jc4qwwgwmvmhx6iblf7fhcth5izaa7r3swvgh",
        name: "Erik Svensson",
        password: "fyra ord om Nissan i maj",
      }),
    },
    responses: { 200: jsonResponse(SignedInSchema, "Joined and signed in"), ...problems(400, 403, 410) },
  },
);

export const changePassword = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "post",
    path: "/auth/password",
    tags,
    operationId: "changePassword",
    summary: "Change my password",
    description:
      "For a signed-in person (not an API key). The current password must be right (otherwise 400 on " +
      "`body.currentPassword`) and the new one follows the password rules: at least 8 characters, not " +
      "common or breached, not containing the email address. Every other session of the person ends; this " +
      "one stays. Audited as `user.password_changed`.",
    request: {
      body: jsonBody(z.object({ currentPassword: Password, newPassword: Password }), {
        currentPassword: "korrekt häst batteri häftklammer",
        newPassword: "blåbärsris och lingon i Hylte",
      }),
    },
    responses: { 204: { description: "Password changed" }, ...problems(400, 401, 403) },
  },
);

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: Timestamp,
    lastActiveAt: Timestamp,
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi("Session", { example: SESSION });

export const listSessions = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "get",
    path: "/auth/sessions",
    tags,
    operationId: "listSessions",
    summary: "List my active sessions",
    description:
      "The signed-in person's sessions on every device, most recently active first, with the address and " +
      "browser each was last used from; `current` marks the calling one. Only for a signed-in person, not " +
      "an API key.",
    responses: {
      200: jsonResponse(z.object({ data: z.array(SessionSchema) }), "Sessions", {
        data: [
          SESSION,
          {
            id: "p2w4e6ntc3ya7kvbxzqmhd5s",
            createdAt: "2026-11-11T16:22:48.000Z",
            lastActiveAt: "2026-11-24T19:03:27.000Z",
            ipAddress: "90.227.14.203",
            userAgent:
              "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
            current: false,
          },
        ],
      }),
      ...problems(401, 403),
    },
  },
);

export const signOutOthers = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "delete",
    path: "/auth/sessions",
    tags,
    operationId: "signOutOtherSessions",
    summary: "Sign out my other sessions",
    description:
      "Ends every session of the signed-in person except the calling one, for example after a lost phone. " +
      "Audited as `user.other_sessions_ended`. Only for a signed-in person, not an API key.",
    responses: { 204: { description: "Other sessions ended" }, ...problems(401, 403) },
  },
);
