import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  CalendarDate,
  CountyCode,
  Email,
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  nonBlank,
  problems,
} from "../../lib/schemas.js";
import { TrainingRequestSchema } from "../training-requests/training-requests.routes.js";

const tags = ["Trainers and price list (NNS)"];

const DeliveryMode = z.enum(["digital", "on_site"]);
const CertificationStatus = z.enum(["valid", "expiring", "expired", "not_yet_valid", "revoked"]);

export const CertificationSchema = z
  .object({
    id: z.uuid(),
    issuer: z.string(),
    certifiedOn: CalendarDate,
    validUntil: CalendarDate.nullable(),
    evidence: z.string().nullable(),
    status: CertificationStatus,
    revokedAt: z.string().nullable(),
  })
  .openapi("TrainerCertification");

export const TrainerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    countyCodes: z.array(z.string()),
    deliveryModes: z.array(DeliveryMode),
    notes: z.string().nullable(),
    archived: z.boolean(),
    certificationStatus: z.union([CertificationStatus, z.literal("none")]),
    certifications: z.array(CertificationSchema),
    version: z.number().int(),
  })
  .openapi("Trainer");

const TrainerInput = z
  .object({
    name: nonBlank(1).max(200),
    email: Email,
    phone: z.string().trim().max(50).nullable().optional(),
    countyCodes: z.array(CountyCode).max(21).default([]),
    deliveryModes: z.array(DeliveryMode).min(1),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict();

const TrainerParams = z.object({
  trainerId: z.uuid().openapi({ param: { name: "trainerId", in: "path" } }),
});

export const listTrainers = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/trainers",
    tags,
    summary: "The registry of certified BIP/SKAPA trainers, with each certification's status",
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainerSchema) }), "Trainers"),
      ...problems(401, 403),
    },
  },
);

export const createTrainer = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "post",
    path: "/nns/trainers",
    tags,
    summary: "Add a trainer to the registry",
    request: { body: jsonBody(TrainerInput) },
    responses: { 201: jsonResponse(TrainerSchema, "Created"), ...problems(400, 401, 403, 409) },
  },
);

export const getTrainer = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/trainers/{trainerId}",
    tags,
    summary: "One trainer with certifications",
    request: { params: TrainerParams },
    responses: { 200: jsonResponse(TrainerSchema, "Trainer"), ...problems(401, 403, 404) },
  },
);

export const updateTrainer = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "patch",
    path: "/nns/trainers/{trainerId}",
    tags,
    summary: "Change a trainer, or archive one who no longer trains",
    request: {
      params: TrainerParams,
      headers: IfMatchHeader,
      body: jsonBody(TrainerInput.partial().extend({ archived: z.boolean().optional() }).strict()),
    },
    responses: { 200: jsonResponse(TrainerSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 412) },
  },
);

export const addCertification = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "post",
    path: "/nns/trainers/{trainerId}/certifications",
    tags,
    summary: "Record a certification (e.g. from Væksthuset) with its validity",
    request: {
      params: TrainerParams,
      body: jsonBody(
        z
          .object({
            issuer: nonBlank(1).max(200).openapi({ example: "Væksthuset" }),
            certifiedOn: CalendarDate,
            validUntil: CalendarDate.nullable().openapi({
              description: "Not before certifiedOn (400 `after_certified_on`); null: no end",
            }),
            evidence: z.string().trim().max(2000).nullable().optional().openapi({
              description: "Where the certificate can be checked: a reference or a link",
            }),
          })
          .strict(),
      ),
    },
    responses: { 201: jsonResponse(TrainerSchema, "Recorded"), ...problems(400, 401, 403, 404) },
  },
);

export const revokeCertification = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "post",
    path: "/nns/trainers/{trainerId}/certifications/{certificationId}/revoke",
    tags,
    summary: "Revoke a certification; it stays on record",
    request: {
      params: TrainerParams.extend({
        certificationId: z.uuid().openapi({ param: { name: "certificationId", in: "path" } }),
      }),
    },
    responses: { 200: jsonResponse(TrainerSchema, "Revoked"), ...problems(401, 403, 404) },
  },
);

export const expiringCertifications = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/certifications/expiring",
    tags,
    summary: "Certifications that end within 90 days, soonest first",
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({ trainerId: z.uuid(), trainerName: z.string(), certification: CertificationSchema }),
          ),
        }),
        "Expiring certifications",
      ),
      ...problems(401, 403),
    },
  },
);

export const PriceItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unitPriceOre: z.number().int().openapi({ description: "Net price in öre (1 kr = 100 öre)" }),
    vatRateBasisPoints: z.number().int().openapi({ description: "2500 = 25 %" }),
    maxParticipants: z.number().int().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .openapi("PriceItem");

export const listPriceItems = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/price-list",
    tags,
    summary: "NNS's price list",
    responses: {
      200: jsonResponse(z.object({ data: z.array(PriceItemSchema) }), "Prices"),
      ...problems(401, 403),
    },
  },
);

export const putPriceItem = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "put",
    path: "/nns/price-list/{code}",
    tags,
    summary: "Add or change a price. Trainings already created keep the price they were created with",
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[a-z0-9_]{2,50}$/)
          .openapi({ param: { name: "code", in: "path" }, example: "bip_skapa_training" }),
      }),
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            name: nonBlank(1).max(200),
            unitPriceOre: z.number().int().min(0).max(100_000_000_00),
            vatRateBasisPoints: z.number().int().min(0).max(10_000),
            maxParticipants: z.number().int().min(1).max(10_000).nullable(),
            active: z.boolean().default(true),
          })
          .strict(),
      ),
    },
    responses: { 200: jsonResponse(PriceItemSchema, "Saved"), ...problems(400, 401, 403, 412) },
  },
);

const TemplateStepSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{2,40}$/),
  title: nonBlank(1).max(200),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  mode: z.enum(["digital", "on_site", "either"]),
  capacity: z.number().int().min(1).max(10_000).nullable(),
  description: z.string().max(2000),
});

export const TemplateSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    steps: z.array(TemplateStepSchema),
    version: z.number().int(),
  })
  .openapi("TrainingTemplate");

export const getTemplate = defineRoute(
  { kind: "nns", permission: "trainings:manage" },
  {
    method: "get",
    path: "/nns/training-template",
    tags,
    summary: "The BIP/SKAPA steps new sessions are planned from",
    responses: { 200: jsonResponse(TemplateSchema, "Template"), ...problems(401, 403) },
  },
);

export const putTemplate = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "put",
    path: "/nns/training-template",
    tags,
    summary: "Change the BIP/SKAPA steps; sessions already planned keep theirs",
    request: {
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            name: nonBlank(1).max(200),
            steps: z
              .array(TemplateStepSchema)
              .min(1)
              .max(20)
              .openapi({ description: "Each step's key once (400 `unique`)" }),
          })
          .strict(),
      ),
    },
    responses: { 200: jsonResponse(TemplateSchema, "Saved"), ...problems(400, 401, 403, 412) },
  },
);

export const pairingSuggestions = defineRoute(
  { kind: "nns", permission: "trainings:manage" },
  {
    method: "get",
    path: "/nns/training-pairings",
    tags,
    summary:
      "Open requests that could share one training: both open to sharing, same or neighbouring län, overlapping periods",
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z
              .object({
                requestIds: z.tuple([z.uuid(), z.uuid()]),
                countyRelation: z.enum(["same", "neighbouring"]),
                overlap: z.object({ start: CalendarDate, end: CalendarDate }),
                overlapDays: z.number().int(),
                combinedParticipants: z.number().int(),
                deliveryPreference: z.enum(["digital", "on_site", "either"]),
                requests: z.tuple([TrainingRequestSchema, TrainingRequestSchema]),
              })
              .openapi("PairingSuggestion"),
          ),
        }),
        "Suggestions, best first",
      ),
      ...problems(401, 403),
    },
  },
);
