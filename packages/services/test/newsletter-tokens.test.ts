import { randomBytes } from "node:crypto";
import { rowsOf, transaction } from "@nns/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailHash, emailHashSql } from "../src/newsletters/subscriber-records.js";
import { type SubscriberToken, signingKey, signToken, verifyToken } from "../src/newsletters/tokens.js";
import { useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();

const key = randomBytes(32);
const inAWeek = Math.floor(Date.now() / 1000) + 7 * 86_400;
const claims: SubscriberToken = {
  purpose: "confirm",
  organizationId: "5d0f6a8e-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
  subscriberId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
  expiresAt: inAWeek,
};

describe("signed subscriber tokens", () => {
  it("verify for their own purpose and give the claims back", () => {
    expect(verifyToken(key, signToken(key, claims), "confirm")).toEqual(claims);
  });

  it("are refused for another purpose: a confirmation link cannot unsubscribe or open own data", () => {
    const token = signToken(key, claims);
    expect(verifyToken(key, token, "unsubscribe")).toBeNull();
    expect(verifyToken(key, token, "manage")).toBeNull();
  });

  it("are refused when any part is changed: claims, signature, or a third part", () => {
    const token = signToken(key, claims);
    const [body, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      Buffer.from(body, "base64url").toString().replace(claims.subscriberId, claims.organizationId),
    ).toString("base64url");
    expect(verifyToken(key, `${forged}.${signature}`, "confirm")).toBeNull();
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(verifyToken(key, `${body}.${flipped}`, "confirm")).toBeNull();
    expect(verifyToken(key, `${token}.x`, "confirm")).toBeNull();
    expect(verifyToken(key, "", "confirm")).toBeNull();
    // Signed with another installation's key.
    expect(verifyToken(randomBytes(32), token, "confirm")).toBeNull();
  });

  it("expire at their time, except unsubscribe tokens made without one", () => {
    const token = signToken(key, claims);
    expect(verifyToken(key, token, "confirm", new Date((inAWeek - 1) * 1000))).not.toBeNull();
    expect(verifyToken(key, token, "confirm", new Date((inAWeek + 1) * 1000))).toBeNull();
    const forever = signToken(key, { ...claims, purpose: "unsubscribe", expiresAt: 0 });
    expect(verifyToken(key, forever, "unsubscribe", new Date("2099-01-01T00:00:00Z"))).not.toBeNull();
  });

  it("are signed with one key per installation, kept in the database and the same on every call", async () => {
    const first = await signingKey(env.deps.db);
    expect(first).toHaveLength(32);
    expect((await signingKey(env.deps.db)).equals(first)).toBe(true);
    const rows = await env.t.db.ownerSql("select count(*)::int as n from signing_keys");
    expect(rows[0]?.n).toBe(1);
  });
});

describe("the address hash the suppression list keeps", () => {
  it("is the same computed by the database for sending as by the service for erasure", async () => {
    const addresses = ["anna.lind@example.se", "Anna.Lind@Example.SE", " first.last+tag@sub.example.se "];
    const hashed = await transaction(env.deps.db, {}, async (tx) =>
      Promise.all(
        addresses.map(async (address) => {
          const [row] = rowsOf<{ hash: string }>(
            await tx.execute(sql`select ${emailHashSql(sql`${address}::text`)} as hash`),
          );
          return row?.hash;
        }),
      ),
    );
    expect(hashed).toEqual(addresses.map(emailHash));
    expect(new Set(hashed).size).toBe(2);
    expect(hashed[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
