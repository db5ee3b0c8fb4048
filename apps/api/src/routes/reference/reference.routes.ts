import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { GOTEBORG_NORDOST, HALLAND, NORRA_VASTMANLAND } from "../../lib/examples.js";
import { CountyCode, jsonResponse, problems } from "../../lib/schemas.js";

const tags = ["Reference data"];

export const CountySchema = z
  .object({ code: z.string(), name: z.string() })
  .openapi("County", { example: { code: "13", name: "Hallands län" } });
export const MunicipalitySchema = z
  .object({ code: z.string(), name: z.string(), countyCode: z.string() })
  .openapi("Municipality", { example: { code: "1380", name: "Halmstad", countyCode: "13" } });

export const listCounties = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/counties",
    tags,
    operationId: "listCounties",
    summary: "List Sweden's län",
    description:
      "Sweden's 21 län with their SCB länskod (two digits), by code. Public and the same for everyone: " +
      "cached for a day (`Cache-Control: public, max-age=86400`). Use the codes in the catalogue's `county` " +
      "filter and for a förbund's `countyCode`.",
    responses: {
      200: jsonResponse(z.object({ data: z.array(CountySchema) }), "Län", {
        data: [
          { code: "01", name: "Stockholms län" },
          { code: "13", name: "Hallands län" },
          { code: "14", name: "Västra Götalands län" },
        ],
      }),
    },
  },
);

export const listMunicipalities = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/municipalities",
    tags,
    operationId: "listMunicipalities",
    summary: "List Sweden's kommuner",
    description:
      "Sweden's 290 kommuner with their SCB kommunkod (four digits, the first two the län's), or those " +
      "of one län with `countyCode` (an unknown län answers 400). Public and cached for a day. Use the codes in the catalogue's " +
      "`municipality` filter and for an intervention's area.",
    request: {
      query: z.object({
        countyCode: CountyCode.optional(),
      }),
    },
    responses: {
      200: jsonResponse(z.object({ data: z.array(MunicipalitySchema) }), "Kommuner", {
        data: [
          { code: "1315", name: "Hylte", countyCode: "13" },
          { code: "1380", name: "Halmstad", countyCode: "13" },
          { code: "1381", name: "Laholm", countyCode: "13" },
          { code: "1382", name: "Falkenberg", countyCode: "13" },
          { code: "1383", name: "Varberg", countyCode: "13" },
          { code: "1384", name: "Kungsbacka", countyCode: "13" },
        ],
      }),
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
  .openapi("ForbundListing", { example: HALLAND });

export const listForbund = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/reference/forbund",
    tags,
    operationId: "listForbund",
    summary: "List the samordningsförbund",
    description:
      "Every samordningsförbund on the platform, sorted by name in Swedish order, with its id, slug and " +
      "län. The ids are what the catalogue's `organization` filter takes. Public; cached for five " +
      "minutes (`Cache-Control: public, max-age=300`).",
    responses: {
      200: jsonResponse(z.object({ data: z.array(ForbundListingSchema) }), "Förbund", {
        data: [GOTEBORG_NORDOST, HALLAND, NORRA_VASTMANLAND],
      }),
    },
  },
);
