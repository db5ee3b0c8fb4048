import { AppError } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { type Deps, grantRole, type ServiceContext, setUserDisabled } from "../src/index.js";

/** The checks run before any database work, so no database is needed to see them refuse. */
const signedIn: ServiceContext = {
  deps: {} as Deps,
  requestId: null,
  actor: {
    type: "user",
    userId: "u",
    email: "someone@test.se",
    name: "Someone",
    sessionId: null,
    memberships: [],
  },
};

describe("operations' own work", () => {
  it("refuses to disable an account for anyone but operations", async () => {
    const attempt = setUserDisabled(signedIn, "victim@test.se", true);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses to grant a role for anyone but operations", async () => {
    const attempt = grantRole(signedIn, {
      organizationSlug: "nns",
      email: "someone@test.se",
      name: "Someone",
      password: null,
      role: "nns_admin",
    });
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
  });
});
