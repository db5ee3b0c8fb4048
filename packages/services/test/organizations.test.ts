import { describe, expect, it } from "vitest";
import {
  createOrganization,
  enterOrganization,
  type MemberPartyInput,
  systemContext,
  updateOrganization,
} from "../src/index.js";
import { finsamMemberParties } from "../src/testing.js";
import { expectAudited, expectNotAudited, expectRefused, rowsOf } from "./audit.js";
import {
  contextFor,
  freshTenant,
  nnsTenant,
  uniqueOrganizationNumber,
  useServiceDatabase,
} from "./tenant.js";

const env = useServiceDatabase();
const ORGANIZATION_TABLES = ["organizations", "organization_member_parties"];

describe("createOrganization", () => {
  it("an NNS admin registers a förbund: the row, its huvudmän and the audit entry in one transaction", async () => {
    const nns = await nnsTenant(env.deps);
    const organizationNumber = uniqueOrganizationNumber();
    const created = await createOrganization(nns.admin, {
      name: "Samordningsförbundet Nytt",
      slug: `nytt-${organizationNumber}`,
      organizationNumber,
      countyCode: "13",
      memberParties: finsamMemberParties("13", ["1380"]),
    });
    expect(created.memberParties.map((p) => p.name).sort()).toEqual([
      "Arbetsförmedlingen",
      "Försäkringskassan",
      "Halmstad",
      "Region Halland",
    ]);
    expect(created.finsamIssues).toEqual([]);
    const parties = await rowsOf(env.deps, {
      table: "organization_member_parties",
      where: { organization_id: created.id },
    });
    expect(parties).toHaveLength(4);
    await expectAudited(env.deps, {
      organizationId: created.id,
      action: "organization.created",
      entityType: "organization",
      entityId: created.id,
      actor: nns.admin,
      after: {
        name: "Samordningsförbundet Nytt",
        memberParties: [{ kind: "af" }, { kind: "fk" }, { kind: "kommun" }, { kind: "region" }],
      },
      sameTransactionAs: { table: "organizations", where: { id: created.id } },
    });
    await expectAudited(env.deps, {
      organizationId: created.id,
      action: "organization.created",
      entityType: "organization",
      sameTransactionAs: {
        table: "organization_member_parties",
        where: { organization_id: created.id, kind: "fk" },
      },
    });
  });

  it("a förbund's admin may not register förbund, and nothing is written", async () => {
    const { admin } = await freshTenant(env.deps);
    const organizationNumber = uniqueOrganizationNumber();
    await expectRefused(
      env.deps,
      () =>
        createOrganization(admin, {
          name: "Samordningsförbundet Obehörigt",
          organizationNumber,
          countyCode: null,
          memberParties: [],
        }),
      "forbidden",
      ORGANIZATION_TABLES,
    );
    expect(
      await rowsOf(env.deps, { table: "organizations", where: { organization_number: organizationNumber } }),
    ).toEqual([]);
  });

  it("a taken organisationsnummer is refused without a row or an audit entry", async () => {
    const nns = await nnsTenant(env.deps);
    const { organization } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () =>
        createOrganization(nns.admin, {
          name: "Samordningsförbundet Dubblett",
          slug: `dubblett-${organization.id}`,
          organizationNumber: organization.organizationNumber,
          countyCode: "13",
          memberParties: finsamMemberParties("13"),
        }),
      "already_exists",
      ORGANIZATION_TABLES,
    );
  });

  it("an unknown kommun is refused before anything is written", async () => {
    const nns = await nnsTenant(env.deps);
    await expectRefused(
      env.deps,
      () =>
        createOrganization(nns.admin, {
          name: "Samordningsförbundet Okänd",
          organizationNumber: uniqueOrganizationNumber(),
          countyCode: "13",
          memberParties: [...finsamMemberParties("13"), { kind: "kommun", municipalityCode: "9999" }],
        }),
      "validation_failed",
      ORGANIZATION_TABLES,
    );
  });

  const finsamRefusal = async (countyCode: string | null, memberParties: MemberPartyInput[]) => {
    const nns = await nnsTenant(env.deps);
    const organizationNumber = uniqueOrganizationNumber();
    const error = await expectRefused(
      env.deps,
      () =>
        createOrganization(nns.admin, {
          name: "Samordningsförbundet Ofullständigt",
          slug: `ofullstandigt-${organizationNumber}`,
          organizationNumber,
          countyCode,
          memberParties,
        }),
      "validation_failed",
      ORGANIZATION_TABLES,
    );
    return error.errors?.map((e) => `${e.field} ${e.rule}`);
  };

  it("a förbund without huvudmän is refused, naming each one lag (2003:1210) requires", async () => {
    expect(await finsamRefusal("13", [])).toEqual([
      "body.memberParties finsam_fk_required",
      "body.memberParties finsam_af_required",
      "body.memberParties finsam_region_required",
      "body.memberParties finsam_kommun_required",
    ]);
  });

  it("a förbund with only a kommun is refused", async () => {
    expect(await finsamRefusal("13", [{ kind: "kommun", municipalityCode: "1380" }])).toEqual([
      "body.memberParties finsam_fk_required",
      "body.memberParties finsam_af_required",
      "body.memberParties finsam_region_required",
    ]);
  });

  it("Region Skåne for Nacka is refused on the region and on the kommun", async () => {
    const nacka = finsamMemberParties("01", ["0182"]).map((p) =>
      p.kind === "region" ? { kind: "region" as const, countyCode: "12" } : p,
    );
    expect(await finsamRefusal("01", nacka)).toEqual([
      "body.memberParties.2.countyCode finsam_kommun_for_region",
      "body.memberParties.3.municipalityCode finsam_region_for_kommun",
    ]);
  });

  it("a förbund without a län is refused", async () => {
    expect(await finsamRefusal(null, finsamMemberParties("13"))).toEqual([
      "body.countyCode finsam_county_required",
    ]);
  });
});

describe("updateOrganization", () => {
  it("an NNS admin coordinating the förbund edits it and its huvudmän, with before and after", async () => {
    const { organization } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const ctx = await nns.coordinating(organization.id);
    const updated = await updateOrganization(
      ctx,
      { email: "kansli@example.se", memberParties: finsamMemberParties("13", ["1380", "1381"]) },
      organization.version,
    );
    expect(updated.version).toBe(organization.version + 1);
    expect(updated.memberParties.map((p) => p.kind)).toEqual(["af", "fk", "kommun", "kommun", "region"]);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "organization.updated",
      entityType: "organization",
      entityId: organization.id,
      actor: ctx,
      before: { email: null, version: organization.version, memberParties: organization.memberParties },
      after: { email: "kansli@example.se", version: updated.version, memberParties: updated.memberParties },
      sameTransactionAs: { table: "organizations", where: { id: organization.id } },
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "organization.updated",
      entityType: "organization",
      sameTransactionAs: {
        table: "organization_member_parties",
        where: { organization_id: organization.id, kind: "af" },
      },
    });
  });

  it("operations may edit a förbund too", async () => {
    const { organization, system } = await freshTenant(env.deps);
    await updateOrganization(system, { website: "https://example.se" }, null);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "organization.updated",
      entityType: "organization",
      entityId: organization.id,
      actor: system,
      after: { website: "https://example.se" },
    });
  });

  it("saving what is already there is no change: no new version, no audit entry", async () => {
    const { organization, system } = await freshTenant(env.deps);
    const same = await updateOrganization(system, { name: organization.name }, organization.version);
    expect(same.version).toBe(organization.version);
    await expectNotAudited(env.deps, { organizationId: organization.id, action: "organization.updated" });
  });

  it("the förbund's own admin, editor and viewer may not edit it", async () => {
    const { admin, editor, viewer } = await freshTenant(env.deps);
    for (const ctx of [admin, editor, viewer]) {
      await expectRefused(
        env.deps,
        () => updateOrganization(ctx, { name: "Kapad" }, null),
        "forbidden",
        ORGANIZATION_TABLES,
      );
    }
  });

  it("another förbund's admin cannot reach it at all", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      async () => updateOrganization(await contextFor(env.deps, b.people.admin, a.organization.id), {}, null),
      "not_found",
      ORGANIZATION_TABLES,
    );
  });

  it("a stale version is refused and nothing changes", async () => {
    const { organization, system } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => updateOrganization(system, { name: "Sent omsider" }, organization.version + 5),
      "precondition_failed",
      ORGANIZATION_TABLES,
    );
  });

  it("NNS has no huvudmän: adding some is refused and nothing changes", async () => {
    const nns = await nnsTenant(env.deps);
    await expectRefused(
      env.deps,
      () => updateOrganization(nns.admin, { memberParties: [{ kind: "fk" }] }, null),
      "validation_failed",
      ORGANIZATION_TABLES,
    );
  });

  it("huvudmän that break lag (2003:1210) are refused on update too, and nothing changes", async () => {
    const { organization, system } = await freshTenant(env.deps);
    const error = await expectRefused(
      env.deps,
      () =>
        updateOrganization(system, { memberParties: [{ kind: "kommun", municipalityCode: "1380" }] }, null),
      "validation_failed",
      ORGANIZATION_TABLES,
    );
    expect(error.errors?.map((e) => e.rule)).toEqual([
      "finsam_fk_required",
      "finsam_af_required",
      "finsam_region_required",
    ]);
    // Moving to another län without new huvudmän leaves Region Halland and Halmstad outside it.
    const moved = await expectRefused(
      env.deps,
      () => updateOrganization(system, { countyCode: "12" }, null),
      "validation_failed",
      ORGANIZATION_TABLES,
    );
    expect(moved.errors?.map((e) => `${e.field} ${e.rule}`)).toEqual([
      "body.countyCode finsam_county_of_members",
    ]);
    expect(organization.finsamIssues).toEqual([]);
  });

  it("a förbund registered before the rule keeps its other details editable and is flagged", async () => {
    const { organization, system } = await freshTenant(env.deps);
    await env.t.db.ownerSql(
      "delete from organization_member_parties where organization_id = $1 and kind in ('fk', 'region')",
      [organization.id],
    );
    const renamed = await updateOrganization(system, { name: `${organization.name} (nytt namn)` }, null);
    expect(renamed.name).toBe(`${organization.name} (nytt namn)`);
    expect(renamed.finsamIssues).toEqual(["finsam_fk_required", "finsam_region_required"]);
    const fixed = await updateOrganization(
      system,
      { memberParties: finsamMemberParties("13", ["1380"]) },
      null,
    );
    expect(fixed.finsamIssues).toEqual([]);
  });

  it("taking another förbund's slug is refused and nothing changes", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const ctx = await enterOrganization(systemContext(env.deps, "test"), a.organization.id);
    await expectRefused(
      env.deps,
      () => updateOrganization(ctx, { slug: b.organization.slug }, null),
      "already_exists",
      ORGANIZATION_TABLES,
    );
  });
});
