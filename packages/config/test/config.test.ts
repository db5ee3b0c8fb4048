import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/index.js";

describe("loadConfig", () => {
  it("defaults to the embedded database on port 3000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ mode: "embedded", dataDir: "./.data" });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("derives the application role's URL from DATABASE_URL", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://owner:secret@db.example:5432/nns",
      DATABASE_APP_PASSWORD: "p",
    });
    expect(config.database).toMatchObject({
      mode: "server",
      appUrl: "postgres://nns_app:p@db.example:5432/nns",
    });
  });

  it("names the variable and the rule when a value is invalid", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ COOKIE_SECURE: "maybe" })).toThrow(/COOKIE_SECURE/);
  });

  it("reads Stripe only with both its key and its webhook secret, and points it at another API base", () => {
    expect(loadConfig({}).stripe).toBeNull();
    const keys = { STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_def456" };
    expect(loadConfig(keys).stripe).toEqual({ secretKey: "sk_test_abc123", webhookSecret: "whsec_def456" });
    expect(loadConfig({ ...keys, STRIPE_API_BASE: "http://127.0.0.1:12111" }).stripe).toMatchObject({
      host: "127.0.0.1",
      port: 12111,
      protocol: "http",
    });
    expect(loadConfig({ ...keys, STRIPE_API_BASE: "https://stripe-proxy.example" }).stripe).toMatchObject({
      port: 443,
      protocol: "https",
    });
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_abc123" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ STRIPE_WEBHOOK_SECRET: "whsec_def456" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...keys, STRIPE_SECRET_KEY: "pk_test_abc" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...keys, STRIPE_API_BASE: "ftp://x" })).toThrow(/STRIPE_API_BASE/);
  });
});
