import { describe, expect, it } from "vitest";
import { invitationEmail, passwordResetEmail } from "../src/mail/templates.js";
import { slugify } from "../src/organizations.js";

describe("email templates", () => {
  it("escape names in HTML and keep the link in both parts", () => {
    const email = invitationEmail({
      to: "a@test.se",
      organizationName: 'Förbund <script>alert("x")</script>',
      inviterName: "Anna & Bo",
      roleLabel: "läsare",
      url: "http://localhost:3000/accept-invitation#token=abc",
      expiresInDays: 7,
      organizationId: "00000000-0000-0000-0000-000000000000",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("Anna &amp; Bo");
    expect(email.text).toContain("http://localhost:3000/accept-invitation#token=abc");
    expect(email.html).toContain('lang="sv"');
  });

  it("say how long a reset link lasts and belong to no organization", () => {
    const email = passwordResetEmail({
      to: "a@test.se",
      url: "http://x/reset-password#token=t",
      expiresInMinutes: 30,
    });
    expect(email.text).toContain("30 minuter");
    expect(email.organizationId).toBeNull();
  });
});

describe("slugify", () => {
  it("turns Swedish names into ASCII slugs", () => {
    expect(slugify("Samordningsförbundet Umeåregionen")).toBe("samordningsforbundet-umearegionen");
    expect(slugify("  Norra Västmanland — FINSAM ")).toBe("norra-vastmanland-finsam");
  });
});
