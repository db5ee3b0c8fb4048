import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, PageQuery, pageOf, problems, Timestamp } from "../../lib/schemas.js";

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    actorType: z.enum(["user", "api_key", "system"]),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string().openapi({ example: "member.role_changed" }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().openapi({ description: "The entity before the change (null for creations)" }),
    after: z.unknown().openapi({ description: "The entity after the change (null for deletions)" }),
    requestId: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("AuditEntry");

export const listAuditLog = defineRoute(
  { kind: "org", permission: "audit:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/audit-log",
    tags: ["Audit log"],
    summary: "The organization's audit log, newest first, filterable",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({
        action: z.string().max(100).optional(),
        entityType: z.string().max(100).optional(),
        entityId: z.string().max(100).optional(),
        actorId: z.string().max(100).optional(),
        from: Timestamp.optional().openapi({ description: "Inclusive" }),
        to: Timestamp.optional().openapi({ description: "Exclusive" }),
      }),
    },
    responses: {
      200: jsonResponse(pageOf(AuditEntrySchema, "AuditEntryPage"), "Entries"),
      ...problems(400, 401, 403, 404),
    },
  },
);
