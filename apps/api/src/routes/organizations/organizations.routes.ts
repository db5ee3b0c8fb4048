import { z } from "@hono/zod-openapi";
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
  });

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["nns", "forbund"]),
    name: z.string(),
    slug: z.string(),
    organizationNumber: z.string().openapi({ example: "222000-1016" }),
    vatNumber: z.string().openapi({ example: "SE222000101601" }),
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
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Organization");

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
  countyCode: z.union([CountyCode, z.null()]),
  email: Email.nullable().optional(),
  website: WebUrl(500).nullable().optional(),
  memberParties: z
    .array(MemberPartyInputSchema)
    .max(60)
    .openapi({ uniqueItems: true, description: "Each huvudman once (400 `duplicate`)" }),
};

export const CreateOrganizationSchema = z.object(OrganizationFields).strict().openapi("CreateOrganization");
export const UpdateOrganizationSchema = z
  .object(OrganizationFields)
  .partial()
  .strict()
  .openapi("UpdateOrganization");

export const listOrganizations = defineRoute(
  { kind: "actor" },
  {
    method: "get",
    path: "/organizations",
    tags,
    summary: "Organizations I belong to (NNS admins: every organization)",
    request: { query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(OrganizationSchema, "OrganizationPage"), "Organizations"),
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
    summary: "Register a förbund (NNS admins)",
    request: { body: jsonBody(CreateOrganizationSchema) },
    responses: {
      201: jsonResponse(OrganizationSchema, "Created"),
      ...problems(400, 401, 403, 409, 422),
    },
  },
);

export const getOrganization = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}",
    tags,
    summary: "One organization with its member parties",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(OrganizationSchema, "The organization (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
);

export const updateOrganization = defineRoute(
  { kind: "org", permission: "org:write" },
  {
    method: "patch",
    path: "/orgs/{orgId}",
    tags,
    summary: "Edit an organization (NNS admins); memberParties, when given, replaces the list",
    request: { params: OrgIdParams, headers: IfMatchHeader, body: jsonBody(UpdateOrganizationSchema) },
    responses: {
      200: jsonResponse(OrganizationSchema, "Updated"),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
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
      "nns_admin_elsewhere",
      "api_key",
      "system",
    ]),
    permissions: z.array(z.string()),
  })
  .openapi("Access");

export const getMyAccess = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/access",
    tags,
    summary: "What the caller may do in this organization (role or scopes, and the resulting permissions)",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(AccessSchema, "The caller's access"), ...problems(401, 403, 404) },
  },
);
