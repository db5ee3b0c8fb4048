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
});
