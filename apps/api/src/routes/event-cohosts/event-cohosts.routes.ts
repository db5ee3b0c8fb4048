import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { GOTEBORG_NORDOST, HALLAND, IDS } from "../../lib/examples.js";
import { jsonBody, jsonResponse, OrgIdParams, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Event co-hosts"];

const CohostSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    invitedAt: Timestamp,
    acceptedAt: Timestamp.nullable().openapi({ description: "Null while the invitation is open" }),
  })
  .openapi("EventCohost");

const COHOSTS = [
  {
    organizationId: GOTEBORG_NORDOST.id,
    organizationName: GOTEBORG_NORDOST.name,
    invitedAt: "2027-01-12T09:14:03.000Z",
    acceptedAt: "2027-01-13T15:40:51.000Z",
  },
];

const InvitationSchema = z
  .object({
    trainingId: z.uuid(),
    title: z.string(),
    firstSessionAt: Timestamp.nullable(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    invitedAt: Timestamp,
  })
  .openapi("EventCohostInvitation");

const INVITATION = {
  trainingId: IDS.event,
  title: "Inspirationsdag 2027",
  firstSessionAt: "2027-03-18T08:00:00.000Z",
  owner: { id: HALLAND.id, name: HALLAND.name },
  invitedAt: "2027-01-12T09:14:03.000Z",
};

const CohostParams = TrainingParams.extend({
  cohostId: z.uuid().openapi({ param: { name: "cohostId", in: "path" }, description: "The co-host förbund" }),
});

export const listCohosts = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/cohosts",
    tags,
    operationId: "listEventCohosts",
    summary: "List an event's co-hosts",
    description:
      "The förbund the host has invited to co-host its event, with when each accepted (null while open). " +
      "Only the host sees the list (403 for a co-host, who sees its fellow hosts among the event's " +
      "parties); a BIP/SKAPA training has parties instead (409). Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(z.array(CohostSchema), "Co-hosts", COHOSTS),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const inviteCohost = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/cohosts",
    tags,
    operationId: "inviteEventCohost",
    summary: "Invite a förbund to co-host an event",
    description:
      "The host invites another förbund through the sharing pattern (`resource_shares`). Until the " +
      "invited förbund accepts it sees only the title and date in its invitations; after, the event and its " +
      "sessions, and it registers its own staff, whom no other co-host sees. Not the host itself (400 " +
      "`other_forbund`), not twice (409 `already_exists`), not on a completed or cancelled event or on " +
      "BIP/SKAPA (409). Answers every co-host. Needs `trainings:manage`. Audited as " +
      "`training.cohost_invited`.",
    request: {
      params: TrainingParams,
      body: jsonBody(z.object({ organizationId: z.uuid() }).strict(), {
        organizationId: GOTEBORG_NORDOST.id,
      }),
    },
    responses: {
      201: jsonResponse(z.array(CohostSchema), "Invited", [
        {
          organizationId: GOTEBORG_NORDOST.id,
          organizationName: GOTEBORG_NORDOST.name,
          invitedAt: "2027-01-12T09:14:03.000Z",
          acceptedAt: null,
        },
      ]),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const removeCohost = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/trainings/{trainingId}/cohosts/{cohostId}",
    tags,
    operationId: "removeEventCohost",
    summary: "Remove a co-host or take back an invitation",
    description:
      "The host ends a förbund's share of its event: an open invitation is taken back, an accepted co-host " +
      "stops being a party. Refused while the co-host has people registered (409; cancel them first). " +
      "Answers the remaining co-hosts. Needs `trainings:manage`. Audited as `training.cohost_revoked`.",
    request: { params: CohostParams },
    responses: { 200: jsonResponse(z.array(CohostSchema), "Removed", []), ...problems(401, 403, 404, 409) },
  },
);

export const listInvitations = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/cohost-invitations",
    tags,
    operationId: "listCohostInvitations",
    summary: "List invitations to co-host events",
    description:
      "The open invitations other förbund have sent the caller's förbund to co-host their events, newest " +
      "first: each event's title, first date and host, nothing else of it. Needs `trainings:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(z.array(InvitationSchema), "Invitations", [INVITATION]),
      ...problems(401, 403),
    },
  },
);

const InvitationParams = OrgIdParams.extend({
  trainingId: z.uuid().openapi({ param: { name: "trainingId", in: "path" } }),
});

export const acceptInvitation = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/cohost-invitations/{trainingId}/accept",
    tags,
    operationId: "acceptCohostInvitation",
    summary: "Accept an invitation to co-host",
    description:
      "The invited förbund becomes a party of the event: it sees the event and its sessions, registers its " +
      "own people and shares the budget by the event's rule. 404 without an open invitation; 409 when the " +
      "event has since been completed or cancelled. Needs `trainings:manage`. Audited as " +
      "`training.cohost_accepted` in the accepting förbund's log.",
    request: { params: InvitationParams },
    responses: {
      200: jsonResponse(InvitationSchema, "Accepted", INVITATION),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const declineInvitation = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/cohost-invitations/{trainingId}/decline",
    tags,
    operationId: "declineCohostInvitation",
    summary: "Decline an invitation to co-host",
    description:
      "Ends the open invitation; the host may invite again later. 404 without an open invitation. Needs " +
      "`trainings:manage`. Audited as `training.cohost_declined`.",
    request: { params: InvitationParams },
    responses: { 204: { description: "Declined" }, ...problems(401, 403, 404) },
  },
);
