import { z } from "@hono/zod-openapi";
import { ROLES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import {
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";

const tags = ["Members"];

export const MemberSchema = z
  .object({
    userId: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Member");

const MemberParams = OrgIdParams.extend({
  userId: z.uuid().openapi({ param: { name: "userId", in: "path" } }),
});

export const listMembers = defineRoute(
  { kind: "org", permission: "members:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/members",
    tags,
    summary: "Members of the organization with their roles",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(MemberSchema, "MemberPage"), "Members"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getMember = defineRoute(
  { kind: "org", permission: "members:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/members/{userId}",
    tags,
    summary: "One member (ETag header carries the membership's version)",
    request: { params: MemberParams },
    responses: { 200: jsonResponse(MemberSchema, "The member"), ...problems(401, 403, 404) },
  },
);

export const changeRole = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/members/{userId}",
    tags,
    summary: "Change a member's role (the last administrator cannot be demoted)",
    request: {
      params: MemberParams,
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            role: z.enum(ROLES).openapi({
              description:
                "nns_admin and trainer only in NNS; an API key gives editor or viewer only (400 `assignable_role`)",
            }),
          })
          .strict(),
      ),
    },
    responses: { 200: jsonResponse(MemberSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 412) },
  },
);

export const removeMember = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/members/{userId}",
    tags,
    summary: "Remove a member from the organization (the last administrator cannot be removed)",
    request: { params: MemberParams },
    responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
  },
);
