import { z } from "@hono/zod-openapi";
import { ROLES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import {
  Email,
  jsonBody,
  jsonResponse,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { INVITATION } from "./invitations.examples.js";

const tags = ["Members"];

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    role: z.enum(ROLES),
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    expiresAt: Timestamp,
    createdAt: Timestamp,
  })
  .openapi("Invitation", { example: INVITATION });

export const inviteMember = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/invitations",
    tags,
    operationId: "createInvitation",
    summary: "Invite a person",
    description:
      "Emails the person a link, valid for 7 days, to join the organization with the role given; a newcomer " +
      "chooses a password there, an existing account confirms its own. A pending invitation to the same " +
      "address is replaced, so only the newest link works. The role must be one you may give (see " +
      "`updateMemberRole`); an address that is already a member answers 409. Audited as " +
      "`invitation.created`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({
            email: Email,
            role: z.enum(ROLES).openapi({
              description:
                "nns_admin and trainer only in NNS; an API key gives editor or viewer only (400 `assignable_role`)",
            }),
          })
          .strict(),
        {
          email: "erik.svensson@halmstad.se",
          role: "editor",
        },
      ),
    },
    responses: { 201: jsonResponse(InvitationSchema, "Invited"), ...problems(400, 401, 403, 404, 409, 422) },
  },
);

export const listInvitations = defineRoute(
  { kind: "org", permission: "members:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/invitations",
    tags,
    operationId: "listInvitations",
    summary: "List invitations",
    description:
      "The organization's invitations, oldest first: only pending ones (not accepted, revoked or expired) " +
      "unless `status=all`. Needs `members:read`. Paginated with `limit` and the opaque `cursor` from the " +
      "previous page's `nextCursor`.",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({ status: z.enum(["pending", "all"]).default("pending") }),
    },
    responses: {
      200: jsonResponse(pageOf(InvitationSchema, "InvitationPage", INVITATION), "Invitations"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const revokeInvitation = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/invitations/{invitationId}",
    tags,
    operationId: "revokeInvitation",
    summary: "Revoke an invitation",
    description:
      "The invitation's link stops working at once; the invitation stays listed (with `status=all`) as " +
      "revoked. Needs `members:manage`. Audited as `invitation.revoked`.",
    request: {
      params: OrgIdParams.extend({
        invitationId: z.uuid().openapi({ param: { name: "invitationId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(InvitationSchema, "Revoked", {
        ...INVITATION,
        status: "revoked",
      }),
      ...problems(401, 403, 404),
    },
  },
);
