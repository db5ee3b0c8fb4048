import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { example, IDS } from "../../lib/examples.js";
import {
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Event series"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });
const SERIES_ID = "b5d2c8e4-6f1a-4c3b-9e7d-1a2b3c4d5e6f";

const SUMMARY = example({
  id: SERIES_ID,
  name: "Inspirationsdag",
  description: "Årlig kunskaps- och inspirationsdag om rehabilitering till arbete och studier.",
  eventCount: 3,
  version: 1,
  createdAt: "2026-11-20T08:12:40.000Z",
});

const SERIES = example({
  ...SUMMARY,
  editions: [
    {
      trainingId: "61c1f0a4-3e55-4f47-a0c6-3f1e8d2b9a70",
      title: "Inspirationsdag 2020",
      year: 2020,
      status: "cancelled",
      firstSessionAt: "2020-03-26T08:00:00.000Z",
      mode: "on_site",
      cancellationReason: "Covid-19",
      outcome: null,
      budgetOre: 0,
      actualOre: null,
    },
    {
      trainingId: "7f0e2c6b-5a1d-4b8e-9c3f-2d4e6f8a0b1c",
      title: "Inspirationsföreläsning 2021: Arbetsglädje i förändringstid",
      year: 2021,
      status: "completed",
      firstSessionAt: "2021-03-25T08:30:00.000Z",
      mode: "digital",
      cancellationReason: null,
      outcome: {
        source: "recorded",
        registered: 164,
        attended: 141,
        attendedWomen: 118,
        attendedMen: 21,
        attendedOther: 2,
        surveyResponses: 63,
        satisfaction: 4.3,
      },
      budgetOre: 2_500_000,
      actualOre: 2_500_000,
    },
    {
      trainingId: IDS.event,
      title: "Inspirationsdag 2023",
      year: 2023,
      status: "completed",
      firstSessionAt: "2023-03-23T08:00:00.000Z",
      mode: "on_site",
      cancellationReason: null,
      outcome: {
        source: "recorded",
        registered: 148,
        attended: 131,
        attendedWomen: 104,
        attendedMen: 26,
        attendedOther: 1,
        surveyResponses: 82,
        satisfaction: 4.5,
      },
      budgetOre: 6_200_000,
      actualOre: 6_045_000,
    },
  ],
});

const SummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    eventCount: z.number().int(),
    version: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi("EventSeriesSummary", { example: SUMMARY });

const Count = z.number().int();
const SeriesSchema = SummarySchema.extend({
  editions: z.array(
    z.object({
      trainingId: z.uuid(),
      title: z.string(),
      year: z.number().int().openapi({ description: "Of its first session in Sweden, else of its creation" }),
      status: z.enum(["requested", "planned", "confirmed", "completed", "cancelled"]),
      firstSessionAt: Timestamp.nullable(),
      mode: z.enum(["digital", "on_site", "mixed"]).nullable().openapi({
        description: "`digital` (e.g. a webcast), `on_site`, or `mixed`; null without sessions",
      }),
      cancellationReason: z.string().nullable(),
      outcome: z
        .object({
          source: z.enum(["recorded", "registrations"]),
          registered: Count,
          attended: Count,
          attendedWomen: Count,
          attendedMen: Count,
          attendedOther: Count,
          surveyResponses: Count.nullable(),
          satisfaction: z.number().nullable(),
        })
        .nullable()
        .openapi({ description: "Null for a cancelled year, which has its reason instead" }),
      budgetOre: Ore,
      actualOre: Ore.nullable(),
    }),
  ),
}).openapi("EventSeries", { example: SERIES });

const SeriesParams = OrgIdParams.extend({
  seriesId: z.uuid().openapi({ param: { name: "seriesId", in: "path" } }),
});

const SeriesInput = z
  .object({ name: nonBlank(2).max(120), description: z.string().max(2000).nullable().optional() })
  .strict();

export const listSeries = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/event-series",
    tags,
    operationId: "listEventSeries",
    summary: "List the förbund's event series",
    description:
      "The förbund's recurring events (a yearly Inspirationsdag, say) by name, with how many events each " +
      "holds. Series are a förbund's own: other förbund never see them. Needs `trainings:read`.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(z.array(SummarySchema), "Series", [SUMMARY]), ...problems(401, 403) },
  },
);

export const createSeries = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/event-series",
    tags,
    operationId: "createEventSeries",
    summary: "Create an event series",
    description:
      "A förbund names a recurring event; its events are then put in it with PUT " +
      "/trainings/{trainingId}/series. Names are unique per förbund, ignoring case (409 `unique`). NNS has " +
      "no series of its own (404). Needs `trainings:manage`. Audited as `event_series.created`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(SeriesInput, { name: "Inspirationsdag", description: SUMMARY.description }),
    },
    responses: {
      201: jsonResponse(SeriesSchema, "Created", { ...SUMMARY, eventCount: 0, editions: [] }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const getSeries = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/event-series/{seriesId}",
    tags,
    operationId: "getEventSeries",
    summary: "Get an event series year on year",
    description:
      "Each event of the series side by side, oldest year first: how it was held, registered, attended, " +
      "women and men, the survey's satisfaction, and its budget and actual cost; a cancelled year with its " +
      "reason instead of figures. The `ETag` header carries the series' version. Needs `trainings:read`.",
    request: { params: SeriesParams },
    responses: { 200: jsonResponse(SeriesSchema, "Series"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const updateSeries = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/event-series/{seriesId}",
    tags,
    operationId: "updateEventSeries",
    summary: "Rename or describe an event series",
    description:
      "Changes the name (unique per förbund, 409) or description. Send the `ETag` you read as `If-Match`: " +
      "a change since answers 412. Needs `trainings:manage`. Audited as `event_series.updated`.",
    request: {
      params: SeriesParams,
      headers: IfMatchHeader,
      body: jsonBody(SeriesInput.partial(), {
        description: "Årlig inspirationsdag för förbundets fyra parter.",
      }),
    },
    responses: { 200: jsonResponse(SeriesSchema, "Changed"), ...problems(400, 401, 403, 404, 409, 412) },
  },
  { etag: true },
);

export const putTrainingSeries = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/series",
    tags,
    operationId: "putTrainingSeries",
    summary: "Put an event in a series",
    description:
      "The host puts its event in one of its own series, or takes it out with `seriesId` null; in any " +
      "status, since a cancelled year belongs in the series too. Another förbund's series is refused " +
      "(400 `unknown_series`), as is BIP/SKAPA (409). Answers the series, or 204 when taken out. Needs " +
      "`trainings:manage`. Audited as `training.series_set`.",
    request: {
      params: TrainingParams,
      body: jsonBody(z.object({ seriesId: z.uuid().nullable() }).strict(), { seriesId: SERIES_ID }),
    },
    responses: {
      200: jsonResponse(SeriesSchema, "In the series"),
      204: { description: "Taken out of its series" },
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
