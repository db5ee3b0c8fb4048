import { z } from "@hono/zod-openapi";
import {
  DIRECTIONS,
  INSTRUMENT_KEY,
  INSTRUMENT_VERSION_STATUSES,
  ITEM_CODE,
  MAX_ITEMS,
  MAX_SCALE_STEPS,
} from "@nns/domain";
import { MAX_INTERVENTION_INSTRUMENTS } from "@nns/services";
import { nonBlank, OrgIdParams, Timestamp } from "../../lib/schemas.js";
import {
  CHOSEN,
  DEFINITION,
  DRAFT_VERSION,
  INSTRUMENT,
  INSTRUMENT_INPUT,
  MAPPING,
  VERSION_INPUT,
  VERSION_SUMMARY,
} from "./progression-instruments.examples.js";

const uuidParam = (name: string, description: string) =>
  z.uuid().openapi({ param: { name, in: "path" }, description });

export const InstrumentParams = OrgIdParams.extend({
  instrumentId: uuidParam("instrumentId", "The instrument's id"),
});

export const VersionParams = InstrumentParams.extend({
  versionId: uuidParam("versionId", "The instrument version's id"),
});

export const InterventionParams = OrgIdParams.extend({
  interventionId: uuidParam("interventionId", "An insats the förbund owns or co-owns"),
});

// The services check the domain's definition rules (@nns/domain progression/instruments.ts) and name each
// broken one; the contract states the shape and the limits a client can check before sending.
const ScaleSchema = z
  .object({
    min: z.number().int().min(0).max(100),
    max: z
      .number()
      .int()
      .min(1)
      .max(100)
      .openapi({
        description: `Greater than min (400 \`scale_order\`), at most ${MAX_SCALE_STEPS} steps above it (\`scale_steps\`)`,
      }),
    anchors: z
      .array(z.object({ value: z.number().int().min(0).max(100), label: nonBlank(1).max(80) }).strict())
      .min(2)
      .max(MAX_SCALE_STEPS + 1)
      .openapi({
        description:
          "Labelled steps: each within the scale (`anchor_in_scale`), each value once (`anchor_unique`), both ends labelled (`anchor_ends`)",
      }),
  })
  .strict()
  .openapi("ProgressionScale");

const ItemSchema = z
  .object({
    code: z.string().max(32).openapi({
      pattern: ITEM_CODE.source,
      description:
        "Stable item code, unique in the version regardless of case (`code_unique`): a letter, then letters, digits, `_ . -`",
    }),
    label: nonBlank(1).max(120).openapi({ description: "Short name shown in tables and charts" }),
    group: nonBlank(1).max(80).openapi({ description: "The area the item belongs to (Arbete, Hälsa, …)" }),
    questions: z
      .object({ participant: nonBlank(1).max(500).optional(), coach: nonBlank(1).max(500).optional() })
      .strict()
      .openapi({
        description:
          "The question as put to each respondent; an item asked of one respondent only has one (at least one: `question_required`)",
      }),
    scale: ScaleSchema,
    direction: z.enum(DIRECTIONS).openapi({ description: "Which end of the scale is the better one" }),
  })
  .strict()
  .openapi("ProgressionInstrumentItem");

export const DefinitionSchema = z
  .object({ items: z.array(ItemSchema).min(1).max(MAX_ITEMS) })
  .strict()
  .openapi("ProgressionInstrumentDefinition", { example: DEFINITION });

export const VersionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().openapi({ description: "1, 2, … within the instrument" }),
    status: z.enum(INSTRUMENT_VERSION_STATUSES),
    publishedAt: Timestamp.nullable(),
    itemCount: z.number().int(),
    participantItemCount: z
      .number()
      .int()
      .openapi({ description: "Items with a question to the participant" }),
    coachItemCount: z.number().int().openapi({ description: "Items with a question to the handledare" }),
  })
  .openapi("ProgressionInstrumentVersionSummary", { example: VERSION_SUMMARY });

export const InstrumentSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    national: z.boolean().openapi({ description: "Kept by NNS; every förbund reads it and may choose it" }),
    placeholder: z.boolean().openapi({
      description: "Stand-in wording until the official text is loaded; shown as such wherever it appears",
    }),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    isOwn: z.boolean().openapi({ description: "Whether the calling organization keeps the instrument" }),
    archivedAt: Timestamp.nullable(),
    version: z.number().int(),
    versions: z.array(VersionSummarySchema).openapi({
      description: "Oldest first; drafts only for the keeper",
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("ProgressionInstrument", { example: INSTRUMENT });

const description = z.string().trim().max(2000).nullable().optional();

export const InstrumentInputSchema = z
  .object({
    key: z.string().max(40).openapi({
      pattern: INSTRUMENT_KEY.source,
      description:
        "Unique among the keeper's instruments (409 `key_taken`): lower-case a–z, digits and hyphens between them (400 `key_format`)",
    }),
    name: nonBlank(1).max(200),
    description,
    placeholder: z.boolean().optional(),
  })
  .strict()
  .openapi("ProgressionInstrumentInput", { example: INSTRUMENT_INPUT });

export const InstrumentChangesSchema = z
  .object({
    name: nonBlank(1).max(200).optional(),
    description,
    placeholder: z.boolean().optional(),
    archived: z.boolean().optional().openapi({
      description: "Archive (true) or bring back (false): an archived instrument cannot be chosen or changed",
    }),
  })
  .strict()
  .openapi("ProgressionInstrumentChanges", { example: { description: null, archived: true } });

const changeNote = z.string().trim().max(2000).nullable().optional().openapi({
  description: "What changed from the previous version, for those choosing between them",
});

export const VersionInputSchema = z
  .object({ definition: DefinitionSchema, changeNote })
  .strict()
  .openapi("ProgressionInstrumentVersionInput", { example: VERSION_INPUT });

export const VersionImportJsonSchema = z
  .object({
    definition: DefinitionSchema.optional(),
    items: DefinitionSchema.shape.items.optional(),
    changeNote,
  })
  .strict()
  .openapi("ProgressionInstrumentVersionImport", {
    description:
      "`{ definition, changeNote? }` as the API returns a version, or bare `{ items, changeNote? }`: one of the two is required (400 `invalid_type` at `body.items` when neither is sent, `unrecognized_keys` when both are)",
    example: VERSION_INPUT,
  });

export const VersionSchema = VersionSummarySchema.extend({
  instrumentId: z.uuid(),
  instrumentName: z.string(),
  placeholder: z.boolean(),
  definition: DefinitionSchema,
  changeNote: z.string().nullable(),
  version: z.number().int(),
}).openapi("ProgressionInstrumentVersion", { example: DRAFT_VERSION });

const MappingPairSchema = z
  .object({
    from: z.string().max(32).openapi({ description: "An item code of the older version" }),
    to: z.string().max(32).openapi({ description: "An item code of this version" }),
  })
  .strict();

export const MappingInputSchema = z
  .object({
    fromVersionId: z.uuid().openapi({ description: "An older version of the same instrument" }),
    items: z.array(MappingPairSchema).max(MAX_ITEMS),
  })
  .strict()
  .openapi("ProgressionItemMappingInput", {
    example: { fromVersionId: MAPPING.fromVersionId, items: MAPPING.items },
  });

export const MappingSchema = z
  .object({
    fromVersionId: z.uuid(),
    fromVersionNumber: z.number().int(),
    toVersionId: z.uuid(),
    items: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .openapi("ProgressionItemMapping", { example: MAPPING });

export const ChosenVersionSchema = VersionSummarySchema.extend({
  instrumentId: z.uuid(),
  instrumentName: z.string(),
  placeholder: z.boolean(),
}).openapi("ProgressionChosenInstrumentVersion", { example: CHOSEN });

export const ChosenVersionsSchema = z
  .object({ items: z.array(ChosenVersionSchema) })
  .openapi("ProgressionInterventionInstruments", { example: { items: [CHOSEN] } });

export const ChosenVersionsInputSchema = z
  .object({
    versionIds: z.array(z.uuid()).max(MAX_INTERVENTION_INSTRUMENTS).openapi({
      description: "Published versions of the förbund's own or national instruments; empty clears the choice",
    }),
  })
  .strict()
  .openapi("ProgressionInterventionInstrumentsInput", { example: { versionIds: [CHOSEN.id] } });
