import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.js";
import { createLogger } from "../src/logger.js";
import { Client, expectData, PASSWORD, PUBLIC_URL } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv, tokenFromEmail } from "./helpers.js";

const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let env: TestEnv;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  env = await setupTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await env?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("email over real SMTP", () => {
  it("delivers the invitation from the queue after commit and keeps no copy of the token-bearing body", async () => {
    const t = await freshTenant(env);
    const email = `smtp.person.${t.org.slug}@test.se`;
    const res = await (await t.signIn("admin")).POST("/orgs/{orgId}/invitations", {
      params: { path: { orgId: t.org.id } },
      body: { email, role: "viewer" },
    });
    expectData(res, 201);
    const mail = await vi.waitFor(
      () => {
        const found = received.find((m) => m.to === email);
        if (!found) throw new Error("not delivered yet");
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(mail?.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Inbjudan/);
    const decoded = (mail?.raw ?? "").replace(/=\r?\n/g, "");
    const token = tokenFromEmail(decoded.replace(/=3D/g, "="));
    expect(token.length).toBeGreaterThanOrEqual(48);
    // Both parts travel: the text with the link, and the shared HTML layout with its button.
    expect(decoded).toMatch(/Content-Type: text\/plain/);
    expect(decoded).toMatch(/Content-Type: text\/html/);
    expect(decoded.replace(/=3D/g, "=")).toContain('<html dir="ltr" lang="sv">');
    expect(decoded).toContain("Acceptera inbjudan");
    // The row is marked sent just after the server has taken the message.
    await vi.waitFor(
      async () => {
        const [row] = await env.t.db.ownerSql(
          "select status, transport, text_body, sent_at from emails where to_address = $1",
          [email],
        );
        expect(row).toMatchObject({ status: "sent", transport: "smtp", text_body: null });
        expect(row?.sent_at).not.toBeNull();
      },
      { timeout: 5_000, interval: 50 },
    );
    const accepted = await new Client(env).POST("/auth/invitations/accept", {
      body: { token, name: "Smtp Person", password: "Ett-lösenord-via-smtp" },
    });
    expectData(accepted);
  });
});

describe("structured logs", () => {
  it("log every request with its id, and never a password, token, cookie or key", async () => {
    const t = await freshTenant(env);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const app = createApp(env.deps, {
      cookieSecure: true,
      trustProxy: true,
      publicUrl: PUBLIC_URL,
      logger: pino({ level: "info" }, sink),
    });
    const login = await app.request(`${PUBLIC_URL}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_URL },
      body: JSON.stringify({ email: t.admin.email, password: PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const key = await app.request(`${PUBLIC_URL}/v1/orgs/${t.org.id}/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_URL, cookie },
      body: JSON.stringify({ name: "logg", scopes: ["org:read"] }),
    });
    const { secret } = (await key.json()) as { secret: string };
    await app.request(`${PUBLIC_URL}/v1/orgs/${t.org.id}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    // A self-rating link's token is a credential for days, whether it works or not.
    const selfRatingToken = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    await app.request(`${PUBLIC_URL}/skattning/${selfRatingToken}`);
    await app.request(`${PUBLIC_URL}/v1/self-rating/${selfRatingToken}`);
    const all = lines.join("\n");
    expect(all).toContain('"path":"/skattning/{token}"');
    expect(all).toContain('"path":"/v1/self-rating/{token}"');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      method: "POST",
      path: "/v1/auth/login",
      status: 200,
    });
    expect(JSON.parse(lines[0] as string).requestId).toBe(login.headers.get("x-request-id"));
    for (const secretThing of [
      PASSWORD,
      cookie.split("=")[1] as string,
      secret,
      secret.split("_")[2] as string,
      selfRatingToken,
    ]) {
      expect(all).not.toContain(secretThing);
    }
  });

  it("log a failed query without its parameters", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger("info", sink);
    const failure = new Error(
      "Failed query: insert into emails values ($1)\nparams: http://x/accept-invitation#token=hemlig",
    );
    logger.error({ err: failure }, "unhandled error");
    expect(lines.join("")).toContain("Failed query: insert into emails");
    expect(lines.join("")).not.toContain("hemlig");
  });
});
