import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem } from "./client.js";
import { freshTenant, plannedEvent, useTestApp } from "./helpers.js";

const env = useTestApp();
const CONSENT = "Jag samtycker till att förbundet sparar mina uppgifter för inspirationsdagen.";

let serial = 0;
const visitor = () => {
  const client = new Client(env);
  client.ip = `203.0.113.${++serial % 250}`;
  return client;
};
const unique = (local: string) => `${local}.${++serial}@example.se`;

function postForm(client: Client, path: string, fields: Record<string, string>) {
  return client.raw("POST", path, {
    rawBody: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    origin: null,
  });
}

async function openEvent(capacity = 20) {
  const t = await freshTenant(env);
  const event = await plannedEvent(t.ctx, `Inspirationsdag ${++serial}`, capacity);
  const admin = await t.signIn("admin");
  const opened = expectData(
    await admin.PUT("/orgs/{orgId}/trainings/{trainingId}/public-signup", {
      params: { path: { orgId: t.org.id, trainingId: event.trainingId } },
      body: { open: true, closesAt: null, consentText: CONSENT },
    }),
    200,
  );
  return { t, admin, ...event, opened };
}

const fields = (overrides: Record<string, string> = {}) => ({
  name: "Anna Andersson",
  email: unique("anna"),
  employer: "Försäkringskassan Nässjö",
  consent: "yes",
  consentVersion: "1",
  ...overrides,
});

async function emailTo(address: string): Promise<string> {
  const rows = await env.t.db.ownerSql("select text_body from emails where to_address = $1", [address]);
  return String(rows[0]?.text_body ?? "");
}

describe("the public-signup API", () => {
  it("opens sign-up and answers the public address; a missing consent text is a 400 naming the field", async () => {
    const { t, admin, trainingId, opened } = await openEvent();
    expect(opened).toMatchObject({ open: true, consentVersion: 1, consentText: CONSENT });
    expect(opened.publicUrl).toMatch(new RegExp(`/evenemang/${trainingId}$`));
    const bad = await admin.raw("PUT", `/v1/orgs/${t.org.id}/trainings/${trainingId}/public-signup`, {
      body: { open: true },
    });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("body.consentText");
    const viewer = await t.signIn("viewer");
    const refused = await viewer.PUT("/orgs/{orgId}/trainings/{trainingId}/public-signup", {
      params: { path: { orgId: t.org.id, trainingId } },
      body: { open: false, closesAt: null, consentText: CONSENT },
    });
    expectProblem(refused, 403, "forbidden");
  });
});

describe("the event's public page", () => {
  it("shows the event, its session and the form with the consent text, without scripts", async () => {
    const { trainingId } = await openEvent();
    const res = await visitor().raw("GET", `/evenemang/${trainingId}`);
    expect(res.status).toBe(200);
    const page = String(res.body);
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain("Inspirationsdag");
    expect(page).toContain("Plats: Stadshuset");
    expect(page).toContain("20 platser kvar");
    expect(page).toContain(CONSENT);
    expect(page).toContain('<label for="email">E-postadress</label>');
    expect(page).toContain("Dina uppgifter");
    expect(page).not.toContain("<script");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("shows the form again with each mistake in Swedish, announced, focus on the first", async () => {
    const { trainingId } = await openEvent();
    const res = await postForm(visitor(), `/evenemang/${trainingId}`, {
      name: "",
      email: "inte-en-adress",
      employer: "",
      consentVersion: "1",
    });
    expect(res.status).toBe(400);
    const page = String(res.body);
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/id="name"[^>]*aria-invalid="true" aria-describedby="name-fel"[^>]*autofocus/);
    expect(page).toContain("Skriv ditt namn.");
    expect(page).toContain("Skriv en giltig e-postadress, till exempel namn@exempel.se.");
    expect(page).toContain("Skriv var du arbetar.");
    expect(page).toContain("Kryssa i rutan för att ge ditt samtycke.");
    expect(page).toContain('value="inte-en-adress"');
    const stored = await env.t.db.ownerSql("select 1 from training_participants where training_id = $1", [
      trainingId,
    ]);
    expect(stored).toEqual([]);
  });

  it("signs up, confirms by email with a cancellation link that frees the seat for the next in line", async () => {
    const { trainingId } = await openEvent(1);
    const first = fields();
    const second = fields({ email: unique("bertil"), name: "Bertil Berg" });
    const took = await postForm(visitor(), `/evenemang/${trainingId}`, first);
    expect(took.status).toBe(200);
    expect(String(took.body)).toContain("Tack, du är anmäld");
    const queued = await postForm(visitor(), `/evenemang/${trainingId}`, second);
    expect(String(queued.body)).toContain("nummer 1 på väntelistan");
    const link = /\/evenemang\/avboka\/[\w-]+\.[\w-]+/.exec(await emailTo(first.email))?.[0] as string;
    expect(link).toBeDefined();
    const ask = await visitor().raw("GET", link);
    expect(String(ask.body)).toContain("Avboka anmälan");
    const cancelled = await postForm(visitor(), link, {});
    expect(String(cancelled.body)).toContain("Anmälan är avbokad");
    const rows = await env.t.db.ownerSql(
      `select p.email, r.status from session_registrations r join training_participants p on p.id = r.participant_id
       where r.training_id = $1 order by p.email`,
      [trainingId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { email: first.email, status: "cancelled" },
        { email: second.email, status: "confirmed" },
      ]),
    );
    expect((await visitor().raw("GET", `${link}x`)).status).toBe(410);
    const erased = await postForm(visitor(), `${link}/radera`, {});
    expect(String(erased.body)).toContain("Dina uppgifter är raderade");
    expect((await visitor().raw("GET", link)).status).toBe(410);
  });

  it("thanks a robot that filled in the hidden field and stores nothing; an event not open is not found", async () => {
    const { t, trainingId } = await openEvent();
    const robot = await postForm(
      visitor(),
      `/evenemang/${trainingId}`,
      fields({ webbplats: "http://spam.example" }),
    );
    expect(robot.status).toBe(200);
    const stored = await env.t.db.ownerSql("select 1 from training_participants where training_id = $1", [
      trainingId,
    ]);
    expect(stored).toEqual([]);
    const closed = await plannedEvent(t.ctx, "Stängd dag", 10);
    expect((await visitor().raw("GET", `/evenemang/${closed.trainingId}`)).status).toBe(404);
    expect((await visitor().raw("GET", "/evenemang/inte-ett-id")).status).toBe(404);
  });
});
