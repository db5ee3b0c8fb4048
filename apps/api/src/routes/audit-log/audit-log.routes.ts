import { z } from "@hono/zod-openapi";
import { AUDIT_ACTION_FAMILY_NAMES, type AuditActionFamily } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, PageQuery, pageOf, problems, Timestamp } from "../../lib/schemas.js";
import { AUDIT_ENTRY } from "./audit-log.examples.js";

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    actorType: z.enum(["user", "api_key", "system"]),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string().openapi({ description: "`<entity>.<past tense>`, e.g. `member.role_changed`" }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    entityName: z.string().nullable().openapi({
      description: "What the entity is called (a training's title, an invoice's number), when known",
    }),
    before: z.unknown().openapi({ description: "The entity before the change (null for creations)" }),
    after: z.unknown().openapi({ description: "The entity after the change (null for deletions)" }),
    requestId: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("AuditEntry", { example: AUDIT_ENTRY });

export const listAuditLog = defineRoute(
  { kind: "org", permission: "audit:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/audit-log",
    tags: ["Audit log"],
    operationId: "listAuditLogEntries",
    summary: "List audit log entries",
    description:
      "Who changed what in the organization, newest first: every change made through the API is written " +
      "here in the same transaction as the change, with the entity before and after. Filter by action, " +
      "family of actions, entity, actor and a time window (`from` inclusive, `to` exclusive). Needs `audit:read` " +
      "(administrators, NNS admins, API keys with that scope). Paginated with `limit` and `cursor`.",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({
        action: z.string().max(100).optional(),
        family: z
          .enum(AUDIT_ACTION_FAMILY_NAMES as [AuditActionFamily, ...AuditActionFamily[]])
          .optional()
          .openapi({ description: "Only the actions of one family, e.g. `training` or `billing`" }),
        entityType: z.string().max(100).optional(),
        entityId: z.string().max(100).optional(),
        actorId: z.string().max(100).optional(),
        from: Timestamp.optional().openapi({ description: "Inclusive" }),
        to: Timestamp.optional().openapi({ description: "Exclusive" }),
      }),
    },
    responses: {
      200: jsonResponse(pageOf(AuditEntrySchema, "AuditEntryPage", AUDIT_ENTRY), "Entries"),
      ...problems(400, 401, 403, 404),
    },
  },
);
