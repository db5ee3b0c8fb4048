import type { Schemas } from "@nns/api-client";

export type Member = Schemas["Member"];
export type Role = Member["role"];
export type Access = Schemas["Access"];

/**
 * The roles the signed-in person may hand out here. Mirrors `assignableRoles` in @nns/domain (which the
 * admin does not depend on): org_admin, editor and viewer everywhere; nns_admin too in the NNS
 * organization, for someone who is an NNS administrator there. The API checks this again.
 */
export function assignableRoles(access: Access | undefined): Role[] {
  if (!access) return [];
  const base: Role[] = ["org_admin", "editor", "viewer"];
  if (access.organization.kind === "nns" && access.access === "nns_admin") return ["nns_admin", ...base];
  if (
    access.access === "nns_admin" ||
    access.access === "nns_admin_elsewhere" ||
    access.access === "org_admin"
  ) {
    return base;
  }
  return [];
}
