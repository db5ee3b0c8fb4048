import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import {
  CO_PUBLISHER,
  OWNER_PUBLISHER,
  PENDING_PUBLISHER,
  PUBLICATION,
  PUBLISHING_INVITATION,
} from "./newsletters.examples.js";
import {
  PublicationChangesSchema,
  PublicationInputSchema,
  PublicationParams,
  PublicationSchema,
  PublisherSchema,
} from "./newsletters.schemas.js";

const tags = ["Newsletters"];

export const listNewsletters = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters",
    tags,
    operationId: "listNewsletters",
    summary: "List the förbund's newsletters",
    description:
      "The joint newsletters (publications) the förbund owns and those it co-publishes, by name, each with " +
      "its publishers. `isOwner` tells which it owns. Needs `newsletters:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(PublicationSchema) })
          .openapi("NewsletterList", { example: { data: [PUBLICATION] } }),
        "Newsletters",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const createNewsletter = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters",
    tags,
    operationId: "createNewsletter",
    summary: "Create a newsletter",
    description:
      "Creates a joint newsletter owned by the förbund, which becomes its first publisher (the first line of " +
      "every issue's footer). Rules: `slug` 400 `slug_format` or `slug_reserved`, 409 `slug_taken`; " +
      "`senderEmail` and `replyTo` 400 `invalid_format:email`; `logoUrl` 400 `https_required`, and with a " +
      "logo `logoAlt` 400 `alt_required`. Needs `newsletters:write`. The `ETag` header carries its version. " +
      "Audited as `newsletter.publication_created`.",
    request: { params: OrgIdParams, body: jsonBody(PublicationInputSchema) },
    responses: {
      201: jsonResponse(PublicationSchema, "Created (ETag header carries its version)", {
        ...PUBLICATION,
        version: 1,
        publishers: [{ ...OWNER_PUBLISHER, contact: "" }],
        updatedAt: PUBLICATION.createdAt,
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const getNewsletter = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}",
    tags,
    operationId: "getNewsletter",
    summary: "Get a newsletter",
    description:
      "A newsletter the förbund owns or co-publishes, with its publishers; any other answers 404. The " +
      "`ETag` header carries its version: send it as `If-Match` with a change. Needs `newsletters:read`.",
    request: { params: PublicationParams },
    responses: {
      200: jsonResponse(PublicationSchema, "The newsletter (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateNewsletter = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "patch",
    path: "/orgs/{orgId}/newsletters/{publicationId}",
    tags,
    operationId: "updateNewsletter",
    summary: "Change a newsletter's settings",
    description:
      "The owner (403 for a co-publisher) changes the fields sent; the others keep their values. Same rules " +
      "as creating; the `slug` cannot change once an issue has been sent (400 `slug_fixed_after_sending`), " +
      "and an archived newsletter answers 409. Send the `ETag` as `If-Match`: a change since answers 412. " +
      "Needs `newsletters:write`. Audited as `newsletter.publication_edited`.",
    request: { params: PublicationParams, headers: IfMatchHeader, body: jsonBody(PublicationChangesSchema) },
    responses: {
      200: jsonResponse(PublicationSchema, "Changed", { ...PUBLICATION, version: 4 }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const archiveNewsletter = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/archive",
    tags,
    operationId: "archiveNewsletter",
    summary: "Archive a newsletter",
    description:
      "The owner (403 for a co-publisher) ends the newsletter: its public page and sign-up form go away, no " +
      "new issues are made, and everything stays on record. Already archived: 409. Send the `ETag` as " +
      "`If-Match`: a change since answers 412. Needs `newsletters:write`. Audited as " +
      "`newsletter.publication_archived`.",
    request: { params: PublicationParams, headers: IfMatchHeader },
    responses: {
      200: jsonResponse(PublicationSchema, "Archived", {
        ...PUBLICATION,
        archivedAt: "2027-06-30T14:00:00.000Z",
        version: 4,
        updatedAt: "2027-06-30T14:00:00.000Z",
      }),
      ...problems(401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const listNewsletterPublishers = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/publishers",
    tags,
    operationId: "listNewsletterPublishers",
    summary: "List a newsletter's publishers",
    description:
      "The owner first, then the co-publishers by name, each with its footer line; for the owner also the " +
      "open invitations (`acceptedAt` null). Needs `newsletters:read`.",
    request: { params: PublicationParams },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(PublisherSchema) }).openapi("NewsletterPublisherList", {
          example: { data: [OWNER_PUBLISHER, CO_PUBLISHER, PENDING_PUBLISHER] },
        }),
        "Publishers",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const inviteNewsletterPublisher = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/publishers",
    tags,
    operationId: "inviteNewsletterPublisher",
    summary: "Invite a förbund to co-publish a newsletter",
    description:
      "The owner (403 otherwise) invites another förbund (400 `other_forbund` for itself or NNS; 409 " +
      "`already_publisher` if it already publishes) to publish the newsletter together: once it accepts, it " +
      "reads the newsletter and its issues, writes and approves its own sections and its footer line. " +
      "Inviting again after a removal starts a fresh invitation. Needs `newsletters:write`. Audited as " +
      "`newsletter.publisher_invited`.",
    request: {
      params: PublicationParams,
      body: jsonBody(
        z
          .object({
            organizationId: z.uuid().openapi({ description: "Another samordningsförbund than the owner" }),
          })
          .strict()
          .openapi("NewsletterPublisherInvitation", {
            example: { organizationId: PENDING_PUBLISHER.organizationId },
          }),
      ),
    },
    responses: {
      201: jsonResponse(PublisherSchema, "Invited", PENDING_PUBLISHER),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const removeNewsletterPublisher = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "delete",
    path: "/orgs/{orgId}/newsletters/{publicationId}/publishers/{publisherId}",
    tags,
    operationId: "removeNewsletterPublisher",
    summary: "End a co-publishing",
    description:
      "The owner removes a co-publisher or withdraws an invitation, or a co-publisher leaves by giving its " +
      "own id as `publisherId` (403 for anyone else; the owner cannot leave, 409). Its footer line goes, and " +
      "its sections in issues not yet sent are removed; a ready or scheduled issue goes back to draft. The " +
      "share is revoked, not deleted, so who could write when stays on record. Needs `newsletters:write`. " +
      "Audited as `newsletter.publisher_removed` or `newsletter.publishing_left`.",
    request: {
      params: PublicationParams.extend({
        publisherId: z.uuid().openapi({
          param: { name: "publisherId", in: "path" },
          description: "The publishing förbund's id",
        }),
      }),
    },
    responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
  },
);

export const acceptNewsletterPublishing = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/publishing/accept",
    tags,
    operationId: "acceptNewsletterPublishing",
    summary: "Accept an invitation to co-publish a newsletter",
    description:
      "`orgId` is the invited förbund. From now on it reads the newsletter and its issues and writes its own " +
      "sections and footer line (`setNewsletterContact`). Without an open invitation, 404. Needs " +
      "`newsletters:write`. Audited as `newsletter.publishing_accepted`.",
    request: { params: PublicationParams },
    responses: {
      200: jsonResponse(PublisherSchema, "Accepted", { ...CO_PUBLISHER, contact: "" }),
      ...problems(401, 403, 404),
    },
  },
);

export const setNewsletterContact = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "put",
    path: "/orgs/{orgId}/newsletters/{publicationId}/contact",
    tags,
    operationId: "setNewsletterContact",
    summary: "Set the förbund's footer line",
    description:
      "The calling förbund's own line in every issue's footer (after its name): address, phone, web. Each " +
      "publisher writes only its own. Needs `newsletters:write`. Audited as " +
      "`newsletter.publisher_contact_changed`.",
    request: {
      params: PublicationParams,
      body: jsonBody(
        z
          .object({ contact: z.string().max(500) })
          .strict()
          .openapi("NewsletterContact", { example: { contact: CO_PUBLISHER.contact } }),
      ),
    },
    responses: {
      200: jsonResponse(PublisherSchema, "The förbund's line", CO_PUBLISHER),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const listNewsletterInvitations = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletter-invitations",
    tags,
    operationId: "listNewsletterInvitations",
    summary: "List invitations to co-publish newsletters",
    description:
      "Open invitations for this förbund to co-publish other förbund's newsletters, newest first, with the " +
      "newsletter's name and owner. Accept one with `acceptNewsletterPublishing`. Needs `newsletters:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z
          .object({
            data: z.array(
              z.object({
                publicationId: z.uuid(),
                publicationName: z.string(),
                ownerOrganizationId: z.uuid(),
                ownerOrganizationName: z.string(),
                invitedAt: Timestamp,
              }),
            ),
          })
          .openapi("NewsletterInvitationList", { example: { data: [PUBLISHING_INVITATION] } }),
        "Open invitations",
      ),
      ...problems(401, 403, 404),
    },
  },
);
