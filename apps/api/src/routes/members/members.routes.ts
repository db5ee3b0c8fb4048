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
import { MEMBER } from "./members.examples.js";

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
  .openapi("Member", { example: MEMBER });

const MemberParams = OrgIdParams.extend({
  userId: z.uuid().openapi({ param: { name: "userId", in: "path" } }),
});

export const listMembers = defineRoute(
  { kind: "org", permission: "members:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/members",
    tags,
    operationId: "listMembers",
    summary: "List the members",
    description:
      "The people who are members of the organization, with their roles, in the order they joined. " +
      "Needs `members:read` (every role and an API key with that scope). Paginated with `limit` and the " +
      "opaque `cursor` from the previous page's `nextCursor`.",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(MemberSchema, "MemberPage", MEMBER), "Members"),
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
    operationId: "getMember",
    summary: "Get a member",
    description:
      "One member of the organization with their role. The `ETag` header carries the membership's version: " +
      "send it as `If-Match` when changing the role. A person who is not a member answers 404.",
    request: { params: MemberParams },
    responses: { 200: jsonResponse(MemberSchema, "The member"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const changeRole = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/members/{userId}",
    tags,
    operationId: "updateMemberRole",
    summary: "Change a member's role",
    description:
      "Needs `members:manage`. You may give, and change members who hold, only the roles you could invite " +
      "to: an organization's administrators give `org_admin`, `editor` and `viewer` (in NNS also `trainer`, " +
      "and NNS admins `nns_admin`); an API key only `editor` and `viewer`. Demoting the last administrator " +
      "answers 409. Send the `ETag` you read as `If-Match`: a change since answers 412. Audited as " +
      "`member.role_changed`.",
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
        { role: "editor" },
      ),
    },
    responses: { 200: jsonResponse(MemberSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 412) },
  },
  { etag: true },
);

export const removeMember = defineRoute(
  { kind: "org", permission: "members:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/members/{userId}",
    tags,
    operationId: "removeMember",
    summary: "Remove a member",
    description:
      "Ends the person's membership in this organization; their account and other memberships remain. " +
      "Needs `members:manage`, and you may remove only members whose role you could give (see " +
      "`updateMemberRole`). Removing the last administrator answers 409. Audited as `member.removed`.",
    request: { params: MemberParams },
    responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
  },
);
