import { describe, expect, it } from "vitest";
import {
  addCertification,
  createTrainer,
  revokeCertification,
  type TrainerInput,
  updateTrainer,
} from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { addPerson, contextFor, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TRAINER_TABLES = ["trainers", "trainer_certifications"];

let n = 0;
function trainerInput(): TrainerInput {
  n += 1;
  return {
    name: `Utbildare ${n}`,
    email: `utbildare.${n}.${Date.now()}@example.se`,
    countyCodes: ["13", "13", "06"],
    deliveryModes: ["digital"],
  };
}

describe("the trainer registry", () => {
  it("NNS registers a trainer: the row and the audit entry in one transaction", async () => {
    const nns = await nnsTenant(env.deps);
    const input = trainerInput();
    const trainer = await createTrainer(nns.admin, input);
    expect(trainer).toMatchObject({ countyCodes: ["13", "06"], certificationStatus: "none" });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "trainer.created",
      entityType: "trainer",
      entityId: trainer.id,
      actor: nns.admin,
      after: { name: input.name, email: input.email, archived: false },
      sameTransactionAs: { table: "trainers", where: { id: trainer.id } },
    });
  });

  it("editing and archiving are audited with the trainer before and after", async () => {
    const nns = await nnsTenant(env.deps);
    const trainer = await createTrainer(nns.admin, trainerInput());
    const archived = await updateTrainer(
      nns.admin,
      trainer.id,
      { phone: "010-123 45 67", archived: true },
      trainer.version,
    );
    expect(archived).toMatchObject({ archived: true, version: trainer.version + 1 });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "trainer.updated",
      entityType: "trainer",
      entityId: trainer.id,
      actor: nns.admin,
      before: { phone: null, archived: false },
      after: { phone: "010-123 45 67", archived: true },
      sameTransactionAs: { table: "trainers", where: { id: trainer.id } },
    });
  });

  it("a certification is added and revoked, each audited with the certification row", async () => {
    const nns = await nnsTenant(env.deps);
    const trainer = await createTrainer(nns.admin, trainerInput());
    const certified = await addCertification(nns.admin, trainer.id, {
      issuer: "NNS",
      certifiedOn: "2024-01-15",
      validUntil: null,
      evidence: "Intyg 2024-01",
    });
    const certification = certified.certifications[0];
    expect(certified.certificationStatus).toBe("valid");
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "trainer.certification_added",
      entityType: "trainer",
      entityId: trainer.id,
      actor: nns.admin,
      after: { id: certification?.id, certifiedOn: "2024-01-15", status: "valid" },
      sameTransactionAs: { table: "trainer_certifications", where: { id: certification?.id } },
    });
    const revoked = await revokeCertification(nns.admin, trainer.id, certification?.id as string);
    expect(revoked.certificationStatus).toBe("revoked");
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "trainer.certification_revoked",
      entityType: "trainer",
      entityId: trainer.id,
      after: { id: certification?.id, status: "revoked" },
      sameTransactionAs: { table: "trainer_certifications", where: { id: certification?.id } },
    });
    await expectRefused(
      env.deps,
      () => revokeCertification(nns.admin, trainer.id, certification?.id as string),
      "not_found",
      TRAINER_TABLES,
    );
  });

  it("a förbund, an NNS viewer or an NNS trainer may not keep the registry; nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const { admin } = await freshTenant(env.deps);
    const trainer = await createTrainer(nns.admin, trainerInput());
    const nnsViewer = await contextFor(
      env.deps,
      await addPerson(env.deps, nns.organization, "viewer"),
      nns.organization.id,
    );
    const nnsTrainer = await contextFor(
      env.deps,
      await addPerson(env.deps, nns.organization, "trainer"),
      nns.organization.id,
    );
    for (const ctx of [admin, nnsViewer, nnsTrainer]) {
      await expectRefused(env.deps, () => createTrainer(ctx, trainerInput()), "forbidden", TRAINER_TABLES);
      await expectRefused(
        env.deps,
        () => updateTrainer(ctx, trainer.id, { name: "Ny" }, null),
        "forbidden",
        TRAINER_TABLES,
      );
      await expectRefused(
        env.deps,
        () => addCertification(ctx, trainer.id, { issuer: "X", certifiedOn: "2024-01-01", validUntil: null }),
        "forbidden",
        TRAINER_TABLES,
      );
    }
  });

  it("a taken email, a stale version, or a certification ending before it starts is refused", async () => {
    const nns = await nnsTenant(env.deps);
    const first = await createTrainer(nns.admin, trainerInput());
    await expectRefused(
      env.deps,
      () => createTrainer(nns.admin, { ...trainerInput(), email: first.email }),
      "already_exists",
      TRAINER_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateTrainer(nns.admin, first.id, { name: "Sent" }, first.version + 1),
      "precondition_failed",
      TRAINER_TABLES,
    );
    await expectRefused(
      env.deps,
      () =>
        addCertification(nns.admin, first.id, {
          issuer: "NNS",
          certifiedOn: "2024-06-01",
          validUntil: "2024-01-01",
        }),
      "validation_failed",
      TRAINER_TABLES,
    );
  });
});
