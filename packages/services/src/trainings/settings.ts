// Routes: apps/api/src/routes/trainers — NNS's price list and step template
// (/nns/price-list, /nns/training-template).
import { priceListItems, type TemplateStep, type Tx, trainingTemplates, transaction } from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization } from "./scope.js";
import { EXTRA_PARTICIPANT_PRICE_CODE } from "./step-cap.js";

export const BIP_SKAPA_PRICE_CODE = "bip_skapa_training";
export const BIP_SKAPA_TEMPLATE_KEY = "bip_skapa";

/** Seed 003: "Förbundet som vill genomföra utbildningen betalar 50 000 kr för 25 deltagare." */
const DEFAULT_PRICE_LIST = [
  {
    code: BIP_SKAPA_PRICE_CODE,
    name: "BIP/SKAPA-utbildning, upp till 25 deltagare i utbildningssteget",
    unitPriceOre: 5_000_000,
    vatRateBasisPoints: 2500,
    maxParticipants: 25,
  },
  {
    // Seed 003 prices 25 participants and caps the training step at 25; NNS may give more seats after
    // confirming, each at the 25-seat price's share (50 000 kr / 25). Decision 0028.
    code: EXTRA_PARTICIPANT_PRICE_CODE,
    name: "Extra deltagare i utbildningssteget, utöver 25",
    unitPriceOre: 200_000,
    vatRateBasisPoints: 2500,
    maxParticipants: null,
  },
];

/** Seed 003's four steps, with the durations, modes and the 25-person limit of the training step. */
const DEFAULT_STEPS: TemplateStep[] = [
  {
    key: "startup",
    title: "Uppstartsmöte med chefer och implementeringsgrupp",
    durationMinutes: 150,
    mode: "digital",
    capacity: null,
    description:
      "Chefer, nyckelpersoner och utbildare stämmer av processen och går igenom implementeringschecklistan.",
  },
  {
    key: "kickoff",
    title: "Kick-off",
    durationMinutes: 180,
    mode: "either",
    capacity: null,
    description:
      "Halvdagsföreläsning om BIP-forskningen och dess resultat. Bred förankring: betydligt fler än 25 personer bör delta.",
  },
  {
    key: "follow_up",
    title: "Avstämningsmöte",
    durationMinutes: 150,
    mode: "digital",
    capacity: null,
    description: "Implementeringsgruppen stämmer av planen för hur resultaten påverkar verksamheten.",
  },
  {
    key: "training",
    title: "Utbildning i progressionsmätning",
    durationMinutes: 420,
    mode: "either",
    capacity: 25,
    description: "Heldagsutbildning i att skatta progression mot arbete. Högst 25 deltagare per tillfälle.",
  },
];

/** Every NNS organization starts with the published price and the four-step template. */
export async function seedTrainingDefaults(tx: Tx, nnsOrganizationId: string): Promise<void> {
  await tx
    .insert(priceListItems)
    .values(DEFAULT_PRICE_LIST.map((item) => ({ ...item, organizationId: nnsOrganizationId })))
    .onConflictDoNothing();
  await tx
    .insert(trainingTemplates)
    .values({
      organizationId: nnsOrganizationId,
      key: BIP_SKAPA_TEMPLATE_KEY,
      name: "BIP/SKAPA – fyra steg",
      steps: DEFAULT_STEPS,
    })
    .onConflictDoNothing();
}

export type PriceItemView = Omit<typeof priceListItems.$inferSelect, "organizationId">;

function priceView(row: typeof priceListItems.$inferSelect): PriceItemView {
  const { organizationId: _, ...view } = row;
  return view;
}

export async function listPriceItems(ctx: OrgContext): Promise<PriceItemView[]> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    (
      await tx
        .select()
        .from(priceListItems)
        .where(eq(priceListItems.organizationId, ctx.organization.id))
        .orderBy(asc(priceListItems.code))
    ).map(priceView),
  );
}

export interface PriceItemInput {
  code: string;
  name: string;
  unitPriceOre: number;
  vatRateBasisPoints: number;
  maxParticipants: number | null;
  active: boolean;
}

/** Adds or changes a price. Trainings keep the price they were created with. */
export async function upsertPriceItem(
  ctx: OrgContext,
  input: PriceItemInput,
  expectedVersion: number | null,
): Promise<PriceItemView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [before] = await tx
      .select()
      .from(priceListItems)
      .where(
        and(eq(priceListItems.organizationId, ctx.organization.id), eq(priceListItems.code, input.code)),
      );
    if (expectedVersion !== null && before?.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The price has changed since you read it.");
    }
    const [row] = before
      ? await tx
          .update(priceListItems)
          .set({ ...input, version: sql`${priceListItems.version} + 1`, updatedAt: new Date() })
          .where(eq(priceListItems.id, before.id))
          .returning()
      : await tx
          .insert(priceListItems)
          .values({ ...input, organizationId: ctx.organization.id })
          .returning();
    const after = priceView(row as typeof priceListItems.$inferSelect);
    await audit(tx, ctx, {
      action: before ? "price_item.updated" : "price_item.created",
      entityType: "price_item",
      entityId: after.id,
      before: before ? priceView(before) : null,
      after,
    });
    return after;
  });
}

export type TemplateView = Omit<typeof trainingTemplates.$inferSelect, "organizationId">;

export async function readTemplate(tx: Tx, organizationId: string, key: string): Promise<TemplateView> {
  const [row] = await tx
    .select()
    .from(trainingTemplates)
    .where(and(eq(trainingTemplates.organizationId, organizationId), eq(trainingTemplates.key, key)));
  if (!row) throw new AppError("not_found", "The training template does not exist.");
  const { organizationId: _, ...view } = row;
  return view;
}

export async function getTemplate(ctx: OrgContext): Promise<TemplateView> {
  requirePermission(ctx, "trainings:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    readTemplate(tx, ctx.organization.id, BIP_SKAPA_TEMPLATE_KEY),
  );
}

export async function updateTemplate(
  ctx: OrgContext,
  input: { name: string; steps: TemplateStep[] },
  expectedVersion: number | null,
): Promise<TemplateView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  const keys = input.steps.map((s) => s.key);
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate) {
    const index = keys.lastIndexOf(duplicate);
    throw fieldError(`body.steps.${index}.key`, "unique", `Stegnyckeln "${duplicate}" används redan.`);
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readTemplate(tx, ctx.organization.id, BIP_SKAPA_TEMPLATE_KEY);
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The template has changed since you read it.");
    }
    await tx
      .update(trainingTemplates)
      .set({
        name: input.name,
        steps: input.steps,
        version: sql`${trainingTemplates.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(trainingTemplates.id, before.id));
    const after = await readTemplate(tx, ctx.organization.id, BIP_SKAPA_TEMPLATE_KEY);
    await audit(tx, ctx, {
      action: "training_template.updated",
      entityType: "training_template",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
