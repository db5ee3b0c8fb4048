// Routes: apps/api/src/routes/trainers — NNS's trainer registry and certifications
// (/nns/trainers, /nns/certifications).
import { type Tx, trainerCertifications, trainers, transaction } from "@nns/db";
import {
  AppError,
  type CertificationStatus,
  certificationStatus,
  fieldError,
  isCertifiedFor,
} from "@nns/domain";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization, stockholmDate } from "./scope.js";

type TrainerRow = typeof trainers.$inferSelect;
type CertificationRow = typeof trainerCertifications.$inferSelect;

export interface CertificationView {
  id: string;
  issuer: string;
  certifiedOn: string;
  validUntil: string | null;
  evidence: string | null;
  status: CertificationStatus;
  revokedAt: Date | null;
}

export interface TrainerView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  countyCodes: string[];
  deliveryModes: ("digital" | "on_site")[];
  notes: string | null;
  archived: boolean;
  /** The best status among the trainer's certifications, for the registry's overview. */
  certificationStatus: CertificationStatus | "none";
  certifications: CertificationView[];
  version: number;
}

export interface TrainerInput {
  name: string;
  email: string;
  phone?: string | null;
  countyCodes: string[];
  deliveryModes: ("digital" | "on_site")[];
  notes?: string | null;
}

const STATUS_RANK: Record<CertificationStatus, number> = {
  valid: 0,
  expiring: 1,
  not_yet_valid: 2,
  expired: 3,
  revoked: 4,
};

function certificationView(row: CertificationRow, today: string): CertificationView {
  return {
    id: row.id,
    issuer: row.issuer,
    certifiedOn: row.certifiedOn,
    validUntil: row.validUntil,
    evidence: row.evidence,
    status: certificationStatus(row, today),
    revokedAt: row.revokedAt,
  };
}

function trainerView(row: TrainerRow, certifications: CertificationRow[]): TrainerView {
  const today = stockholmDate();
  const views = certifications
    .filter((c) => c.trainerId === row.id)
    .map((c) => certificationView(c, today))
    .sort((a, b) => b.certifiedOn.localeCompare(a.certifiedOn));
  const best = [...views].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])[0];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    countyCodes: row.countyCodes,
    deliveryModes: row.deliveryModes as TrainerView["deliveryModes"],
    notes: row.notes,
    archived: row.archivedAt !== null,
    certificationStatus: best?.status ?? "none",
    certifications: views,
    version: row.version,
  };
}

async function readTrainers(tx: Tx, ctx: OrgContext, ids?: string[]): Promise<TrainerView[]> {
  const rows = await tx
    .select()
    .from(trainers)
    .where(and(eq(trainers.organizationId, ctx.organization.id), ids ? inArray(trainers.id, ids) : undefined))
    .orderBy(asc(trainers.name), asc(trainers.id));
  if (rows.length === 0) return [];
  const certifications = await tx
    .select()
    .from(trainerCertifications)
    .where(
      inArray(
        trainerCertifications.trainerId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => trainerView(row, certifications));
}

export async function listTrainers(ctx: OrgContext): Promise<TrainerView[]> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) => readTrainers(tx, ctx));
}

export async function getTrainer(ctx: OrgContext, trainerId: string): Promise<TrainerView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [view] = await readTrainers(tx, ctx, [trainerId]);
    if (!view) throw new AppError("not_found", "The trainer does not exist.");
    return view;
  });
}

function uniqueEmail(error: unknown): never {
  if (
    String((error as { cause?: { message?: string } })?.cause?.message ?? error).includes(
      "trainers_org_email_key",
    )
  ) {
    throw new AppError("already_exists", "A trainer with this email is already registered.", {
      errors: [
        {
          field: "body.email",
          rule: "unique",
          message: "Det finns redan en utbildare med den e-postadressen.",
        },
      ],
    });
  }
  throw error;
}

export async function createTrainer(ctx: OrgContext, input: TrainerInput): Promise<TrainerView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .insert(trainers)
      .values({
        organizationId: ctx.organization.id,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        countyCodes: [...new Set(input.countyCodes)],
        deliveryModes: [...new Set(input.deliveryModes)],
        notes: input.notes ?? null,
      })
      .returning()
      .catch(uniqueEmail);
    const view = trainerView(row as TrainerRow, []);
    await audit(tx, ctx, {
      action: "trainer.created",
      entityType: "trainer",
      entityId: view.id,
      after: view,
    });
    return view;
  });
}

export async function updateTrainer(
  ctx: OrgContext,
  trainerId: string,
  input: Partial<TrainerInput> & { archived?: boolean },
  expectedVersion: number | null,
): Promise<TrainerView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [before] = await readTrainers(tx, ctx, [trainerId]);
    if (!before) throw new AppError("not_found", "The trainer does not exist.");
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The trainer has changed since you read it.");
    }
    await tx
      .update(trainers)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.countyCodes !== undefined && { countyCodes: [...new Set(input.countyCodes)] }),
        ...(input.deliveryModes !== undefined && { deliveryModes: [...new Set(input.deliveryModes)] }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.archived !== undefined && { archivedAt: input.archived ? new Date() : null }),
        version: sql`${trainers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(trainers.id, trainerId))
      .catch(uniqueEmail);
    const [after] = await readTrainers(tx, ctx, [trainerId]);
    await audit(tx, ctx, {
      action: "trainer.updated",
      entityType: "trainer",
      entityId: trainerId,
      before,
      after,
    });
    return after as TrainerView;
  });
}

export async function addCertification(
  ctx: OrgContext,
  trainerId: string,
  input: { issuer: string; certifiedOn: string; validUntil: string | null; evidence?: string | null },
): Promise<TrainerView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  if (input.validUntil !== null && input.validUntil < input.certifiedOn) {
    throw fieldError(
      "body.validUntil",
      "after_certified_on",
      "Giltig till kan inte ligga före certifieringsdatumet.",
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [trainer] = await readTrainers(tx, ctx, [trainerId]);
    if (!trainer) throw new AppError("not_found", "The trainer does not exist.");
    const [row] = await tx
      .insert(trainerCertifications)
      .values({ organizationId: ctx.organization.id, trainerId, ...input, evidence: input.evidence ?? null })
      .returning();
    await audit(tx, ctx, {
      action: "trainer.certification_added",
      entityType: "trainer",
      entityId: trainerId,
      after: certificationView(row as CertificationRow, stockholmDate()),
    });
    const [after] = await readTrainers(tx, ctx, [trainerId]);
    return after as TrainerView;
  });
}

export async function revokeCertification(
  ctx: OrgContext,
  trainerId: string,
  certificationId: string,
): Promise<TrainerView> {
  requirePermission(ctx, "trainers:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .update(trainerCertifications)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(trainerCertifications.id, certificationId),
          eq(trainerCertifications.trainerId, trainerId),
          isNull(trainerCertifications.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError("not_found", "The certification does not exist or is already revoked.");
    await audit(tx, ctx, {
      action: "trainer.certification_revoked",
      entityType: "trainer",
      entityId: trainerId,
      after: certificationView(row, stockholmDate()),
    });
    const [after] = await readTrainers(tx, ctx, [trainerId]);
    return after as TrainerView;
  });
}

export interface ExpiringCertification {
  trainerId: string;
  trainerName: string;
  certification: CertificationView;
}

/** Certifications that end within the warning period, soonest first (expired ones show on the trainer). */
export async function expiringCertifications(ctx: OrgContext): Promise<ExpiringCertification[]> {
  const all = await listTrainers(ctx);
  return all
    .filter((t) => !t.archived)
    .flatMap((t) =>
      t.certifications
        .filter((c) => c.status === "expiring")
        .map((certification) => ({ trainerId: t.id, trainerName: t.name, certification })),
    )
    .sort((a, b) => (a.certification.validUntil ?? "").localeCompare(b.certification.validUntil ?? ""));
}

/**
 * Checks that every trainer may lead sessions between `from` and `to` (Swedish dates): active, and
 * certified on each of those days. Field errors name the trainer so the planner can pick another.
 */
export async function assertTrainersCertified(
  tx: Tx,
  ownerOrganizationId: string,
  trainerIds: readonly string[],
  from: string,
  to: string,
  field: string,
): Promise<void> {
  if (trainerIds.length === 0) return;
  const rows = await tx
    .select()
    .from(trainers)
    .where(and(eq(trainers.organizationId, ownerOrganizationId), inArray(trainers.id, [...trainerIds])));
  const certifications = await tx
    .select()
    .from(trainerCertifications)
    .where(inArray(trainerCertifications.trainerId, [...trainerIds]));
  for (const id of trainerIds) {
    const trainer = rows.find((r) => r.id === id);
    if (!trainer || trainer.archivedAt) {
      throw fieldError(field, "unknown_trainer", "Utbildaren finns inte i registret.");
    }
    if (
      !isCertifiedFor(
        certifications.filter((c) => c.trainerId === id),
        from,
        to,
      )
    ) {
      throw fieldError(
        field,
        "certification_not_valid",
        `${trainer.name} har ingen certifiering som gäller ${from === to ? from : `${from}–${to}`}.`,
      );
    }
  }
}
