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
  .openapi("Invitation");

export const inviteMember = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/invitations",
    tags,
    summary: "Invite a person by email; they set their password from the emailed link",
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
    summary: "Invitations of the organization (pending only unless status=all)",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({ status: z.enum(["pending", "all"]).default("pending") }),
    },
    responses: {
      200: jsonResponse(pageOf(InvitationSchema, "InvitationPage"), "Invitations"),
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
    summary: "Revoke a pending invitation; its link stops working",
    request: {
      params: OrgIdParams.extend({
        invitationId: z.uuid().openapi({ param: { name: "invitationId", in: "path" } }),
      }),
    },
    responses: { 200: jsonResponse(InvitationSchema, "Revoked"), ...problems(401, 403, 404) },
  },
);
