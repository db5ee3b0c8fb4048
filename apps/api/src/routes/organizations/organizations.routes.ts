import { z } from "@hono/zod-openapi";
import { FINSAM_RULES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import {
  CountyCode,
  Email,
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  MunicipalityCode,
  nonBlank,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
  WebUrl,
} from "../../lib/schemas.js";
import { ACCESS, CREATE_ORGANIZATION, ORGANIZATION, UPDATE_ORGANIZATION } from "./organizations.examples.js";

const tags = ["Organizations"];

export const MemberPartyInputSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("fk") }),
    z.object({ kind: z.literal("af") }),
    z.object({ kind: z.literal("region"), countyCode: CountyCode }),
    z.object({ kind: z.literal("kommun"), municipalityCode: MunicipalityCode }),
  ])
  .openapi("MemberPartyInput", {
    description: "A huvudman: Försäkringskassan, Arbetsförmedlingen, a region or a kommun",
    example: { kind: "kommun", municipalityCode: "1380" },
  });

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["nns", "forbund"]),
    name: z.string(),
    slug: z.string(),
    organizationNumber: z.string(),
    vatNumber: z.string(),
    countyCode: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    memberParties: z.array(
      z.object({
        kind: z.enum(["fk", "af", "region", "kommun"]),
        name: z.string(),
        countyCode: z.string().nullable(),
        municipalityCode: z.string().nullable(),
      }),
    ),
    finsamIssues: z.array(z.enum(FINSAM_RULES)).openapi({
      description:
        "The rules of lag (2003:1210) the förbund's län and huvudmän break (see `memberParties` on create). " +
        "Checked on every write that sets them; a förbund registered earlier may still break some until " +
        "its huvudmän are corrected. Empty when it complies, and for NNS",
    }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Organization", { example: ORGANIZATION });

const OrganizationFields = {
  name: nonBlank(2).max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single dashes")
    .max(80)
    .optional()
    .openapi({
      description:
        "Made from the name when left out; a name without letters or digits needs one (400 `required`)",
    }),
  organizationNumber: z
    .string()
    .regex(/^\d{6}-?\d{4}$/, "ten digits, optionally NNNNNN-NNNN")
    .openapi({
      example: "222000-1016",
      description: "Ten digits ending in a valid Luhn check digit (400 `organization_number`)",
    }),
  countyCode: z.union([CountyCode, z.null()]).openapi({
    description:
      "The förbund's län; required of a förbund (400 `finsam_county_required`) and one of its huvudmän's " +
      "län (400 `finsam_county_of_members`)",
  }),
  email: Email.nullable().optional(),
  website: WebUrl(500).nullable().optional(),
  memberParties: z
    .array(MemberPartyInputSchema)
    .max(60)
    .openapi({
      uniqueItems: true,
      description:
        "Each huvudman once (400 `duplicate`). Under lag (2003:1210) a förbund's huvudmän include " +
        "Försäkringskassan (400 `finsam_fk_required`), Arbetsförmedlingen (400 `finsam_af_required`), a " +
        "region (400 `finsam_region_required`) and at least one kommun (400 `finsam_kommun_required`); each " +
        "kommun's region (400 `finsam_region_for_kommun`) and a kommun in each region's län (400 " +
        "`finsam_kommun_for_region`)",
    }),
};

export const CreateOrganizationSchema = z
  .object(OrganizationFields)
  .strict()
  .openapi("CreateOrganization", { example: CREATE_ORGANIZATION });
export const UpdateOrganizationSchema = z
  .object(OrganizationFields)
  .partial()
  .strict()
  .openapi("UpdateOrganization", { example: UPDATE_ORGANIZATION });

export const listOrganizations = defineRoute(
  { kind: "actor" },
  {
    method: "get",
    path: "/organizations",
    tags,
    operationId: "listOrganizations",
    summary: "List the organizations I can reach",
    description:
      "A signed-in person gets the organizations they are a member of, an NNS admin every organization, " +
      "an API key only its own organization. Sorted by name; paginated with `limit` and the opaque " +
      "`cursor` from the previous page's `nextCursor`.",
    request: { query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(OrganizationSchema, "OrganizationPage", ORGANIZATION), "Organizations"),
      ...problems(400, 401),
    },
  },
);

export const createOrganization = defineRoute(
  { kind: "nns", permission: "organizations:create" },
  {
    method: "post",
    path: "/organizations",
    tags,
    operationId: "createOrganization",
    summary: "Register a förbund",
    description:
      "For NNS admins signed in (not API keys). The organization number must have ten digits with a valid " +
      "Luhn check digit; county and kommun codes must be SCB codes that exist; a huvudman may appear once. " +
      "Under lag (2003:1210) a förbund has a län, and Försäkringskassan, Arbetsförmedlingen, that län's " +
      "region and at least one kommun in the län as huvudmän (400 `finsam_*`, naming `body.memberParties`). " +
      "Without `slug`, one is made from the name; a slug or organization number already registered answers " +
      "409. The VAT number is derived. Audited as `organization.created` in the new förbund's log.",
    request: { body: jsonBody(CreateOrganizationSchema) },
    responses: {
      201: jsonResponse(OrganizationSchema, "Created"),
      ...problems(400, 401, 403, 409, 422),
    },
  },
  { etag: true },
);

export const getOrganization = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}",
    tags,
    operationId: "getOrganization",
    summary: "Get an organization",
    description:
      "The organization with its huvudmän (member parties), for anyone with `org:read` in it. The `ETag` " +
      "header carries its version: send it as `If-Match` when updating.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(OrganizationSchema, "The organization (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateOrganization = defineRoute(
  { kind: "org", permission: "org:write" },
  {
    method: "patch",
    path: "/orgs/{orgId}",
    tags,
    operationId: "updateOrganization",
    summary: "Update an organization",
    description:
      "Needs `org:write`, which NNS admins hold. Only the fields sent change; `memberParties`, when sent, " +
      "replaces the whole list, and NNS itself has none. The same rules as registering apply (Luhn-valid " +
      "organization number, known SCB codes, unique slug and number). A förbund's `memberParties` and " +
      "`countyCode` are checked together against lag (2003:1210) whenever either is sent; other fields of " +
      "a förbund that breaks it still change. Send the `ETag` you read as " +
      "`If-Match`: a change since answers 412. Audited as `organization.updated`.",
    request: { params: OrgIdParams, headers: IfMatchHeader, body: jsonBody(UpdateOrganizationSchema) },
    responses: {
      200: jsonResponse(OrganizationSchema, "Updated"),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const AccessSchema = z
  .object({
    organization: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(["nns", "forbund"]) }),
    access: z.enum([
      "nns_admin",
      "org_admin",
      "editor",
      "viewer",
      "trainer",
      "coach",
      "nns_admin_elsewhere",
      "api_key",
      "system",
    ]),
    permissions: z.array(z.string()),
  })
  .openapi("Access", { example: ACCESS });

export const getMyAccess = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/access",
    tags,
    operationId: "getMyAccess",
    summary: "Get what I may do in an organization",
    description:
      "The caller's access in this organization: their role, `nns_admin_elsewhere` for an NNS admin in a " +
      "förbund they are not a member of, or `api_key`; and the resulting permissions, sorted. Use it to show " +
      "or hide actions; the server checks the same permissions on every call.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(AccessSchema, "The caller's access"), ...problems(401, 403, 404) },
  },
);
