import { beforeEach, describe, expect, it } from "vitest";
import { Client, expectProblem, PASSWORD } from "./client.js";
import { freshTenant, lastEmailTo, tokenFromEmail, useTestApp } from "./helpers.js";

/**
 * Login throttling that cannot be used to lock others out (decision 0009): a pair limit per account and
 * address, and per-account and per-address limits that hold back only clients without proof of an
 * earlier sign-in (the device cookie, or an address the account signed in from).
 */
const LIMITS = { maxPerPair: 3, maxPerAccount: 10, maxPerIp: 15, windowMs: 15 * 60_000 };

const env = useTestApp({ loginThrottle: LIMITS });
beforeEach(async () => {
  env.deps.config.loginThrottle = { ...LIMITS };
  await env.t.db.ownerSql("delete from login_throttle");
});

function from(ip: string, device: string | null = null): Client {
  const client = new Client(env);
  client.ip = ip;
  client.device = device;
  return client;
}

const attempt = (client: Client, email: string, password = "fel-lösenord-123") =>
  client.POST("/auth/login", { body: { email, password } });

/** Asserts a 429 with a Retry-After inside the window; returns the problem and that header in seconds. */
function expectHeldBack(res: Awaited<ReturnType<typeof attempt>>) {
  const problem = expectProblem(res, 429, "rate_limited");
  const retryAfter = Number(res.response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(env.deps.config.loginThrottle.windowMs / 1000);
  return { problem, retryAfter };
}

/** Failed attempts from as many addresses as needed to reach the account limit without tripping a pair. */
async function distributedAttack(email: string, prefix: string) {
  for (let i = 0; i < LIMITS.maxPerAccount / LIMITS.maxPerPair + 1; i++) {
    for (let j = 0; j < LIMITS.maxPerPair; j++) await attempt(from(`${prefix}.${i}`), email);
  }
}

describe("the account and address pair", () => {
  it("answers a guesser 429 with Retry-After after the pair limit, even for the right password", async () => {
    const t = await freshTenant(env);
    const email = t.editor.email;
    const guesser = from("198.51.100.1");
    for (let i = 0; i < LIMITS.maxPerPair; i++)
      expectProblem(await attempt(guesser, email), 401, "invalid_credentials");
    expectHeldBack(await attempt(guesser, email, PASSWORD));
    expect(expectHeldBack(await attempt(guesser, email)).problem.detail).toMatch(/Försök igen senare/);
    // The same address may still try other accounts; the limit is per pair.
    expectProblem(await attempt(guesser, t.viewer.email), 401, "invalid_credentials");
  });

  it("does not stop the owner at another address after 50 wrong passwords from one address", async () => {
    const email = (await freshTenant(env)).admin.email;
    const attacker = from("198.51.100.2");
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await attempt(attacker, email, `gissning-${i}-abc`)).response.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.maxPerPair);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - LIMITS.maxPerPair);
    const owner = from("203.0.113.2");
    const signedIn = await attempt(owner, email, PASSWORD);
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.headers.getSetCookie().join("\n")).toMatch(
      /__Host-nns_device=[a-z2-7]{48}; Max-Age=7776000; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
  });

  it("holds every limit against parallel guesses: exactly the allowed number are checked", async () => {
    const email = (await freshTenant(env)).viewer.email;
    const sameAddress = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(from("198.51.100.3"), email, `parallell-${i}-abc`)),
    );
    const statuses = sameAddress.map((r) => r.response.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.maxPerPair);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMITS.maxPerPair);
    await env.t.db.ownerSql("delete from login_throttle");
    const manyAddresses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(from(`198.51.101.${i}`), email, `parallell-${i}-abc`)),
    );
    const spread = manyAddresses.map((r) => r.response.status);
    expect(spread.filter((s) => s === 401)).toHaveLength(LIMITS.maxPerAccount);
    expect(spread.filter((s) => s === 429)).toHaveLength(20 - LIMITS.maxPerAccount);
  });

  it("lets the window expire: the pair may try again once Retry-After has passed", async () => {
    env.deps.config.loginThrottle = { ...LIMITS, windowMs: 3_000 };
    const email = (await freshTenant(env)).admin.email;
    const guesser = from("198.51.100.4");
    await Promise.all(Array.from({ length: LIMITS.maxPerPair }, () => attempt(guesser, email)));
    const held = expectHeldBack(await attempt(guesser, email, PASSWORD));
    await new Promise((resolve) => setTimeout(resolve, held.retryAfter * 1000));
    expect((await attempt(guesser, email, PASSWORD)).response.status).toBe(200);
  });
});

describe("an attack from many addresses", () => {
  it("holds back only clients without proof: the owner's browser and usual address still get in", async () => {
    const email = (await freshTenant(env)).admin.email;
    const usual = from("203.0.113.10");
    expect((await attempt(usual, email, PASSWORD)).response.status).toBe(200);
    const browser = usual.device;
    expect(browser).toMatch(/^__Host-nns_device=/);

    await distributedAttack(email, "198.51.102");
    const stranger = expectHeldBack(await attempt(from("198.51.103.1"), email, PASSWORD));
    expect(stranger.problem.detail).toMatch(/återställ lösenordet via e-post/);

    // The owner's browser, from an address never seen before, and a new browser at the usual address.
    expect((await attempt(from("192.0.2.200", browser), email, PASSWORD)).response.status).toBe(200);
    expect((await attempt(from("203.0.113.10"), email, PASSWORD)).response.status).toBe(200);
    // Their success does not lift the hold for everyone else.
    expectHeldBack(await attempt(from("198.51.103.2"), email, PASSWORD));
  });

  it("a known browser is still limited per pair, so a stolen device cookie buys few guesses", async () => {
    const email = (await freshTenant(env)).admin.email;
    const owner = from("203.0.113.11");
    expect((await attempt(owner, email, PASSWORD)).response.status).toBe(200);
    const thief = from("198.51.104.1", owner.device);
    for (let i = 0; i < LIMITS.maxPerPair; i++)
      expectProblem(await attempt(thief, email), 401, "invalid_credentials");
    expectHeldBack(await attempt(thief, email, PASSWORD));
    // Only that cookie is held back: the owner's usual address still gets in.
    expect((await attempt(from("203.0.113.11"), email, PASSWORD)).response.status).toBe(200);
  });

  it("lets the owner in from a new browser after a password reset by email", async () => {
    const email = (await freshTenant(env)).editor.email;
    await distributedAttack(email, "198.51.105");
    const laptop = from("192.0.2.77");
    expectHeldBack(await attempt(laptop, email, PASSWORD));
    expect((await laptop.POST("/auth/password-reset", { body: { email } })).response.status).toBe(202);
    const token = tokenFromEmail((await lastEmailTo(env, email)).text);
    const newPassword = "Ett-nytt-lösenord-efter-attack";
    expect(
      (await laptop.POST("/auth/password-reset/confirm", { body: { token, password: newPassword } })).response
        .status,
    ).toBe(204);
    expect(laptop.device).toMatch(/^__Host-nns_device=/);
    // The laptop, taken elsewhere, is known now; the attack still holds back strangers.
    laptop.ip = "192.0.2.78";
    expect((await attempt(laptop, email, newPassword)).response.status).toBe(200);
    expectHeldBack(await attempt(from("198.51.105.200"), email, newPassword));
  });

  it("ignores a device cookie it never issued", async () => {
    const t = await freshTenant(env);
    const email = t.viewer.email;
    await distributedAttack(email, "198.51.106");
    const planted = `__Host-nns_device=${"a".repeat(48)}`;
    expectHeldBack(await attempt(from("198.51.106.200", planted), email, PASSWORD));
    // Signing in elsewhere with it issues a token of our own rather than adopting the planted one.
    const elsewhere = from("192.0.2.91", planted);
    expect((await attempt(elsewhere, t.editor.email, PASSWORD)).response.status).toBe(200);
    expect(elsewhere.device).toMatch(/^__Host-nns_device=[a-z2-7]{48}$/);
    expect(elsewhere.device).not.toBe(planted);
  });
});

describe("a shared address (a kommun's NAT)", () => {
  it("after guesses across many accounts, holds back only people who never signed in from it", async () => {
    const t = await freshTenant(env);
    const nat = "203.0.113.50";
    const colleague = t.admin.email;
    expect((await attempt(from(nat), colleague, PASSWORD)).response.status).toBe(200);
    for (let i = 0; i < LIMITS.maxPerIp; i++) await attempt(from(nat), `gissad-${i}@test.se`);
    // A person who has signed in from this address before gets in, from any browser behind it.
    expect((await attempt(from(nat), colleague, PASSWORD)).response.status).toBe(200);
    // A first sign-in from the address waits, or comes in from elsewhere.
    const newcomer = t.viewer.email;
    const held = expectHeldBack(await attempt(from(nat), newcomer, PASSWORD));
    expect(held.problem.detail).toMatch(/enhet du har använt förut/);
    expect((await attempt(from("192.0.2.90"), newcomer, PASSWORD)).response.status).toBe(200);
  });
});
