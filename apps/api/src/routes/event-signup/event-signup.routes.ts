import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { IDS } from "../../lib/examples.js";
import { jsonBody, jsonResponse, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Event sign-up"];
const CONSENT =
  "Jag samtycker till att Samordningsförbundet Halland sparar mitt namn, min e-postadress och min arbetsplats för att hantera min anmälan, skicka information om evenemanget och följa upp det. Uppgifterna lämnas inte vidare.";

const EventSignupSchema = z
  .object({
    trainingId: z.uuid(),
    open: z.boolean().openapi({ description: "People can sign up on the public page (until `closesAt`)" }),
    openedAt: Timestamp.nullable(),
    closesAt: Timestamp.nullable().openapi({
      description: "Sign-up closes at this instant; null: at the event",
    }),
    consentText: z
      .string()
      .openapi({ description: "What a person accepts when signing up, shown beside the box" }),
    consentVersion: z
      .number()
      .int()
      .openapi({ description: "Counts up with each change of the text; 0 until sign-up was first set" }),
    publicUrl: z.url().openapi({ description: "The event's public sign-up page" }),
    version: z.number().int(),
  })
  .openapi("EventSignup", {
    example: {
      trainingId: IDS.training,
      open: true,
      openedAt: "2026-09-01T08:12:00.000Z",
      closesAt: "2026-10-05T21:59:00.000Z",
      consentText: CONSENT,
      consentVersion: 2,
      publicUrl: `https://nns.example.se/evenemang/${IDS.training}`,
      version: 3,
    },
  });

export const getEventSignup = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/public-signup",
    tags,
    operationId: "getEventSignup",
    summary: "Get an event's public sign-up",
    description:
      "Whether people can sign themselves up for the förbund's own event on its public page, until when, " +
      "and the consent text they accept. An event never opened answers closed, with a default consent text " +
      "naming the förbund. Only for the förbund's own events (`kind: event`): 409 for a BIP/SKAPA training. " +
      "Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(EventSignupSchema, "The event's sign-up"),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const putEventSignup = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/public-signup",
    tags,
    operationId: "updateEventSignup",
    summary: "Open, change or close an event's public sign-up",
    description:
      "Opens the event's public page for sign-up (or closes it). People who sign up there get a seat or a " +
      "place on the waiting list by the same rules as those staff register, a confirmation email with a " +
      "calendar file, and a link to cancel. A changed consent text gets a new `consentVersion`; each " +
      "sign-up records the version and time it accepted. Only the förbund that runs the event (403). " +
      "Needs `trainings:manage`. Audited as `training.public_signup_set`.",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z
          .object({
            open: z.boolean(),
            closesAt: Timestamp.nullable().default(null),
            consentText: z.string().max(2000).openapi({
              description: "Not blank, at most 2000 characters (400 `too_small`, `too_big`)",
            }),
          })
          .strict(),
        { open: true, closesAt: "2026-10-05T21:59:00.000Z", consentText: CONSENT },
      ),
    },
    responses: { 200: jsonResponse(EventSignupSchema, "Updated"), ...problems(400, 401, 403, 404, 409) },
  },
);
