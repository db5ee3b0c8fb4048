import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_PATTERN, EmailAddress } from "../src/index.js";

describe("the one email rule", () => {
  it("accepts the common RFC 5322 addresses, a=b@example.se among them", () => {
    for (const address of ["a=b@example.se", "first.last+tag@sub.example.se", "o'neil@x.se", "x_y-z@a-b.nu"])
      expect(EmailAddress.safeParse(address).success, address).toBe(true);
  });

  it("refuses what no mail system of the förbund hands out, and what is not an address", () => {
    for (const address of [
      '"a b"@x.se',
      "a@[192.0.2.1]",
      "åsa@exempel.se",
      "a..b@x.se",
      ".a@x.se",
      "a@x",
      "a@-x.se",
    ])
      expect(EmailAddress.safeParse(address).success, address).toBe(false);
  });

  it("agrees with its pattern on any dot-atom address, as the contract publishes the pattern", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        expect(EmailAddress.safeParse(address).success).toBe(
          EMAIL_PATTERN.test(address) && address.length <= 254,
        );
      }),
    );
  });
});
