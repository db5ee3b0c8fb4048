import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MAX_LENGTH } from "../src/password-policy.js";

describe("password policy (OWASP ASVS 5.0)", () => {
  it("requires at least 8 characters, counted as characters not bytes", () => {
    expect(checkPassword("kort")?.rule).toBe("too_short");
    expect(checkPassword("åäöåäöå")?.rule).toBe("too_short");
    expect(checkPassword("åäöåäöåä")).toBeNull();
  });

  it("rejects passwords from the shipped common list, also Swedish ones, whatever the case", () => {
    expect(checkPassword("password1")?.rule).toBe("common_password");
    expect(checkPassword("Qwerty123")?.rule).toBe("common_password");
    expect(checkPassword("Lösenord123")?.rule).toBe("common_password");
  });

  it("has no composition rules: a long lower-case passphrase passes", () => {
    expect(checkPassword("korrekt häst batteri häftklammer")).toBeNull();
  });

  it("rejects passwords built from the account's email and over-long ones", () => {
    expect(checkPassword("hanna.holm2026", { email: "hanna.holm@example.se" })?.rule).toBe("contains_email");
    expect(checkPassword("x".repeat(PASSWORD_MAX_LENGTH + 1))?.rule).toBe("too_long");
    expect(checkPassword(`${"x".repeat(64)}unik`)).toBeNull();
  });
});
