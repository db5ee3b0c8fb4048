import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { CountyCode, jsonResponse, problems } from "../../lib/schemas.js";

const tags = ["Reference data"];

export const CountySchema = z.object({ code: z.string(), name: z.string() }).openapi("County");
export const MunicipalitySchema = z
  .object({ code: z.string(), name: z.string(), countyCode: z.string() })
  .openapi("Municipality");

export const listCounties = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/counties",
    tags,
    summary: "Sweden's 21 län with SCB länskod",
    responses: { 200: jsonResponse(z.object({ data: z.array(CountySchema) }), "Län") },
  },
);

export const listMunicipalities = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/municipalities",
    tags,
    summary: "Sweden's 290 kommuner with SCB kommunkod, optionally for one län",
    request: {
      query: z.object({
        countyCode: CountyCode.optional(),
      }),
    },
    responses: {
      200: jsonResponse(z.object({ data: z.array(MunicipalitySchema) }), "Kommuner"),
      ...problems(400),
    },
  },
);

export const ForbundListingSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    countyCode: z.string().nullable().openapi({ description: "SCB länskod of the förbund's seat" }),
  })
  .openapi("ForbundListing");

export const listForbund = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/forbund",
    tags,
    summary:
      "Every samordningsförbund on the platform, by name (ids for the catalogue's organization filter)",
    responses: { 200: jsonResponse(z.object({ data: z.array(ForbundListingSchema) }), "Förbund") },
  },
);
