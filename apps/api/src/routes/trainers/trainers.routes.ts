// Longer than 400 lines: one config per operation of the resource, each with the words integrators read.
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
import {
  CERTIFICATION,
  PAIRING,
  PRICE_ITEM,
  TEMPLATE,
  TEMPLATE_INPUT,
  TRAINER,
  TRAINER_INPUT,
} from "./trainers.examples.js";

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
  .openapi("TrainerCertification", { example: CERTIFICATION });

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
  .openapi("Trainer", { example: TRAINER });

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
    operationId: "listTrainers",
    summary: "List trainers",
    description:
      "NNS's registry of BIP/SKAPA trainers, archived ones included, each with its certifications and " +
      "their status on today's date in Europe/Stockholm (`expiring`: ends within 90 days). For NNS admins " +
      "signed in.",
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainerSchema) }), "Trainers", { data: [TRAINER] }),
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
    operationId: "createTrainer",
    summary: "Add a trainer",
    description:
      "Adds a trainer to NNS's registry; record their certification next with `createTrainerCertification` " +
      "before assigning them to sessions. An email already in the registry answers 409. For NNS admins " +
      "signed in. Audited as `trainer.created`.",
    request: { body: jsonBody(TrainerInput, TRAINER_INPUT) },
    responses: { 201: jsonResponse(TrainerSchema, "Created"), ...problems(400, 401, 403, 409) },
  },
  { etag: true },
);

export const getTrainer = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/trainers/{trainerId}",
    tags,
    operationId: "getTrainer",
    summary: "Get a trainer",
    description:
      "One trainer with every certification and its status on today's date in Europe/Stockholm. The " +
      "`ETag` header carries the trainer's version, for `If-Match` when updating. For NNS admins signed in.",
    request: { params: TrainerParams },
    responses: { 200: jsonResponse(TrainerSchema, "Trainer"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const updateTrainer = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "patch",
    path: "/nns/trainers/{trainerId}",
    tags,
    operationId: "updateTrainer",
    summary: "Update or archive a trainer",
    description:
      "Only the fields sent change; `archived: true` takes a trainer who no longer trains out of planning " +
      "(an archived trainer cannot be assigned to sessions, and planning a training re-checks its trainers). " +
      "Send the `ETag` you read as `If-Match`: a change since answers 412. For NNS admins signed in. " +
      "Audited as `trainer.updated`.",
    request: {
      params: TrainerParams,
      headers: IfMatchHeader,
      body: jsonBody(TrainerInput.partial().extend({ archived: z.boolean().optional() }).strict(), {
        phone: "070-418 22 96",
        countyCodes: ["13", "14", "07"],
      }),
    },
    responses: { 200: jsonResponse(TrainerSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 412) },
  },
  { etag: true },
);

export const addCertification = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "post",
    path: "/nns/trainers/{trainerId}/certifications",
    tags,
    operationId: "createTrainerCertification",
    summary: "Record a certification",
    description:
      "Records a trainer's certification (e.g. from Væksthuset) with the Swedish calendar dates it is " +
      "valid: from `certifiedOn` to `validUntil` inclusive, or open-ended with null. `validUntil` before " +
      "`certifiedOn` answers 400. A trainer may lead a session only when a certification covers every " +
      "day of it. For NNS admins signed in. Audited as `trainer.certification_added`.",
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
        {
          issuer: "Væksthuset",
          certifiedOn: "2024-05-16",
          validUntil: "2027-01-31",
          evidence: "Intyg nr 2024-117, Væksthuset Köpenhamn",
        },
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
    operationId: "revokeTrainerCertification",
    summary: "Revoke a certification",
    description:
      "The certification stops counting at once and stays on record as `revoked`. Sessions already " +
      "assigned keep the trainer, but planning or confirming the training re-checks certifications and " +
      "answers 400 for a trainer no longer covered. An unknown or already revoked certification answers " +
      "404. For NNS admins signed in. Audited as `trainer.certification_revoked`.",
    request: {
      params: TrainerParams.extend({
        certificationId: z.uuid().openapi({ param: { name: "certificationId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(TrainerSchema, "Revoked", {
        ...TRAINER,
        certificationStatus: "revoked",
        certifications: [{ ...CERTIFICATION, status: "revoked", revokedAt: "2026-11-26T10:05:33.000Z" }],
        version: 4,
      }),
      ...problems(401, 403, 404),
    },
  },
);

export const expiringCertifications = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/certifications/expiring",
    tags,
    operationId: "listExpiringCertifications",
    summary: "List certifications about to expire",
    description:
      "Certifications of active trainers that end within 90 days (Swedish calendar dates), soonest first, " +
      "so NNS can arrange recertification before sessions are affected. Expired ones show on the trainer " +
      "instead. For NNS admins signed in.",
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({ trainerId: z.uuid(), trainerName: z.string(), certification: CertificationSchema }),
          ),
        }),
        "Expiring certifications",
        { data: [{ trainerId: TRAINER.id, trainerName: TRAINER.name, certification: CERTIFICATION }] },
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
  .openapi("PriceItem", { example: PRICE_ITEM });

export const listPriceItems = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "get",
    path: "/nns/price-list",
    tags,
    operationId: "listPriceItems",
    summary: "List NNS's price list",
    description:
      "What NNS charges, per item: net price in öre, VAT rate in basis points and the participant limit. " +
      "A new BIP/SKAPA training copies the `bip_skapa_training` price as its shared cost. For NNS admins " +
      "signed in.",
    responses: {
      200: jsonResponse(z.object({ data: z.array(PriceItemSchema) }), "Prices", { data: [PRICE_ITEM] }),
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
    operationId: "putPriceItem",
    summary: "Add or change a price",
    description:
      "Creates the item with this code or replaces its fields. Trainings already created keep the price " +
      "they were created with; only new ones use the change. When changing, send the `ETag` you read as " +
      "`If-Match`: a change since answers 412. For NNS admins signed in. Audited as `price_item.created` or " +
      "`price_item.updated`.",
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[a-z0-9_]{2,50}$/)
          .openapi({ param: { name: "code", in: "path", example: "bip_skapa_training" } }),
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
        {
          name: "BIP/SKAPA-utbildning, upp till 25 deltagare i utbildningssteget",
          unitPriceOre: 5_250_000,
          vatRateBasisPoints: 2500,
          maxParticipants: 25,
          active: true,
        },
      ),
    },
    responses: { 200: jsonResponse(PriceItemSchema, "Saved"), ...problems(400, 401, 403, 412) },
  },
  { etag: true },
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
  .openapi("TrainingTemplate", { example: TEMPLATE });

export const getTemplate = defineRoute(
  { kind: "nns", permission: "trainings:manage" },
  {
    method: "get",
    path: "/nns/training-template",
    tags,
    operationId: "getTrainingTemplate",
    summary: "Get the BIP/SKAPA step template",
    description:
      "The steps of a BIP/SKAPA training (start-up meeting, kick-off, follow-up, the training day) with " +
      "their length, mode and capacity. A session added with a `stepKey` takes its title, length, mode " +
      "and capacity from here unless given. For NNS admins signed in.",
    responses: { 200: jsonResponse(TemplateSchema, "Template"), ...problems(401, 403) },
  },
  { etag: true },
);

export const putTemplate = defineRoute(
  { kind: "nns", permission: "trainers:manage" },
  {
    method: "put",
    path: "/nns/training-template",
    tags,
    operationId: "updateTrainingTemplate",
    summary: "Change the BIP/SKAPA step template",
    description:
      "Replaces the steps (1 to 20, unique keys; a repeated key answers 400). Sessions already planned keep " +
      "what they were given. Send the `ETag` you read as `If-Match`: a change since answers 412. For NNS " +
      "admins signed in. Audited as `training_template.updated`.",
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
        TEMPLATE_INPUT,
      ),
    },
    responses: { 200: jsonResponse(TemplateSchema, "Saved"), ...problems(400, 401, 403, 412) },
  },
  { etag: true },
);

export const pairingSuggestions = defineRoute(
  { kind: "nns", permission: "trainings:manage" },
  {
    method: "get",
    path: "/nns/training-pairings",
    tags,
    operationId: "listPairingSuggestions",
    summary: "Suggest requests that could share a training",
    description:
      "Pairs of open training requests from different förbund that could share one training: both open to " +
      "sharing, in the same or neighbouring län, with overlapping periods and compatible delivery " +
      "preferences. Best first: same län, then longer overlap, then combined participants closest to a " +
      "full training step (25). For NNS admins signed in.",
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z
              .object({
                // Arrays of exactly two rather than tuples: generators read `items` with a length, not `prefixItems`.
                requestIds: z.array(z.uuid()).length(2),
                countyRelation: z.enum(["same", "neighbouring"]),
                overlap: z.object({ start: CalendarDate, end: CalendarDate }),
                overlapDays: z.number().int(),
                combinedParticipants: z.number().int(),
                deliveryPreference: z.enum(["digital", "on_site", "either"]),
                requests: z.array(TrainingRequestSchema).length(2),
              })
              .openapi("PairingSuggestion", { example: PAIRING }),
          ),
        }),
        "Suggestions, best first",
        { data: [PAIRING] },
      ),
      ...problems(401, 403),
    },
  },
);
