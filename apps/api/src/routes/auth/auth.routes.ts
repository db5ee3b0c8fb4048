import { z } from "@hono/zod-openapi";
import { ROLES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { Email, jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";

const tags = ["Auth"];

export const UserSchema = z
  .object({ id: z.uuid(), email: z.email(), name: z.string(), locale: z.enum(["sv", "en"]) })
  .openapi("User");

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
  .openapi("Membership");

export const SignedInSchema = z
  .object({ user: UserSchema, memberships: z.array(MembershipSchema) })
  .openapi("SignedIn");

export const MeSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("user"),
      user: UserSchema,
      memberships: z.array(MembershipSchema),
      nnsAdmin: z.boolean(),
    }),
    z.object({
      kind: z.literal("api_key"),
      apiKey: z.object({
        id: z.uuid(),
        name: z.string(),
        organizationId: z.uuid(),
        scopes: z.array(z.string()),
      }),
    }),
  ])
  .openapi("Me");

const LoginEmail = Email.openapi({ example: "admin.halland@demo.nns.se" });
const Password = z.string().min(1).max(1024);
const Token = z.string().min(20).max(200);

export const login = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/login",
    tags,
    summary: "Sign in with email and password; sets the session cookie and the device cookie",
    description:
      "Throttled per account and client address (429 with `Retry-After`). After many failures for an " +
      "account, or from an address, across all clients, only clients without proof of an earlier sign-in " +
      "are held back (429): a browser with the `__Host-nns_device` cookie this endpoint sets, or an " +
      "address the account signed in from recently, still gets in. A password reset also sets the cookie.",
    request: { body: jsonBody(z.object({ email: LoginEmail, password: Password })) },
    responses: { 200: jsonResponse(SignedInSchema, "Signed in"), ...problems(400, 401, 403, 429) },
  },
);

export const logout = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "post",
    path: "/auth/logout",
    tags,
    summary: "End the current session",
    responses: { 204: { description: "Signed out" }, ...problems(401, 403) },
  },
);

export const me = defineRoute(
  { kind: "actor" },
  {
    method: "get",
    path: "/auth/me",
    tags,
    summary: "Who is calling: the signed-in person with memberships, or the API key",
    responses: { 200: jsonResponse(MeSchema, "The caller"), ...problems(401) },
  },
);

export const requestPasswordReset = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/password-reset",
    tags,
    summary: "Email a single-use reset link (always 202, whether or not the email exists)",
    request: { body: jsonBody(z.object({ email: LoginEmail })) },
    responses: { 202: { description: "If the account exists, an email is on its way" }, ...problems(400) },
  },
);

export const confirmPasswordReset = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/password-reset/confirm",
    tags,
    summary:
      "Set a new password with the emailed token; ends every session of the account and sets the device cookie",
    request: { body: jsonBody(z.object({ token: Token, password: Password })) },
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
  .openapi("InvitationPreview");

export const lookupInvitation = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/invitations/lookup",
    tags,
    summary: "Show what an invitation token is for (the token travels in the body, never the URL)",
    request: { body: jsonBody(z.object({ token: Token })) },
    responses: { 200: jsonResponse(InvitationPreviewSchema, "The invitation"), ...problems(400, 410) },
  },
);

export const acceptInvitation = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/auth/invitations/accept",
    tags,
    summary: "Accept an invitation: a new person sets name and password, an existing one confirms theirs",
    request: {
      body: jsonBody(z.object({ token: Token, name: nonBlank(1).max(200).optional(), password: Password })),
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
    summary: "Change my password; ends my other sessions",
    request: { body: jsonBody(z.object({ currentPassword: Password, newPassword: Password })) },
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
  .openapi("Session");

export const listSessions = defineRoute(
  { kind: "actor", sessionOnly: true },
  {
    method: "get",
    path: "/auth/sessions",
    tags,
    summary: "My active sessions",
    responses: {
      200: jsonResponse(z.object({ data: z.array(SessionSchema) }), "Sessions"),
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
    summary: "Sign out all my other sessions",
    responses: { 204: { description: "Other sessions ended" }, ...problems(401, 403) },
  },
);
