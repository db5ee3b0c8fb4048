import { AppError } from "@nns/domain";
import * as services from "@nns/services";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { page } from "../catalog-pages/layout.js";
import { clientInfo } from "../lib/authenticate.js";
import type { AppEnv } from "../lib/env.js";
import {
  dateTime,
  EMPTY_FORM,
  FIELDS,
  type Field,
  type FormState,
  privacyNote,
  sessionList,
  signupForm,
} from "./form.js";
import { eventSite } from "./site.js";

/**
 * An event's public page, where people sign themselves up, and the page behind the cancellation link in
 * the confirmation email. Server-rendered, without scripts; like the newsletter's subscriber pages, the
 * forms carry no cookie authority (the link's signed token is the credential), so a POST from anywhere is
 * accepted.
 */

function message(
  c: Context<AppEnv>,
  status: 200 | 404 | 410 | 429,
  title: string,
  body: ReturnType<typeof html>,
  organizerName?: string,
) {
  c.status(status);
  return c.html(page(title, html`<h1>${title}</h1>${body}`, eventSite(organizerName), { noindex: true }));
}

const notFound = (c: Context<AppEnv>) =>
  message(
    c,
    404,
    "Evenemanget finns inte",
    html`<p>Här finns inget evenemang med öppen anmälan. Kontrollera länken, eller fråga förbundet som bjöd in dig.</p>`,
  );

const invalidLink = (c: Context<AppEnv>) =>
  message(
    c,
    410,
    "Länken gäller inte",
    html`<p>Länken är felaktig, eller så har evenemanget redan varit. Kontakta förbundet som ordnar evenemanget om du behöver ändra din anmälan.</p>`,
  );

function eventPage(event: services.PublicEvent, state: FormState) {
  const action = `/evenemang/${event.id}`;
  return page(
    state.errors && Object.keys(state.errors).length > 0 ? `Fel i anmälan – ${event.title}` : event.title,
    html`<article>
<h1>${event.title}</h1>
<p class="meta">Arrangör: ${event.organizerName}</p>
${event.description ? html`<p class="lead">${event.description}</p>` : ""}
${sessionList(event)}
${
  event.open
    ? html`${event.closesAt ? html`<p>Sista dag för anmälan: ${dateTime(event.closesAt)}.</p>` : ""}${signupForm(event, action, state)}`
    : html`<h2>Anmälan är stängd</h2><p>Det går inte längre att anmäla sig till evenemanget här. Kontakta ${event.organizerName} om du har frågor.</p>`
}
${privacyNote(event)}
</article>`,
    eventSite(event.organizerName),
    { description: `${event.title} – anmälan till ${event.organizerName}s evenemang.` },
  );
}

async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    return {};
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
}

function done(c: Context<AppEnv>, event: services.PublicEvent, result: services.EventSignupResult) {
  return message(
    c,
    200,
    result.status === "confirmed" ? "Tack, du är anmäld" : "Du står på väntelistan",
    result.status === "confirmed"
      ? html`<p role="status">Du har en plats på ${event.title}. Vi har skickat en bekräftelse med en kalenderinbjudan till din e-postadress.</p>
<p>Kan du inte komma? Avboka med länken i mejlet, så går platsen till nästa person på väntelistan.</p>`
      : html`<p role="status">Evenemanget är fullt. Du står som nummer ${result.waitingPosition ?? "–"} på väntelistan till ${event.title}.</p>
<p>Blir en plats ledig får du den automatiskt, i tur och ordning, och ett mejl med en kalenderinbjudan. Vi har skickat en bekräftelse till din e-postadress med en länk för att lämna väntelistan.</p>`,
    event.organizerName,
  );
}

/**
 * A sign-up from the form. A mistake the person can correct brings the form back (400), each error by its
 * field, announced, focus on the first; a robot that filled in the hidden field is thanked and nothing is
 * stored.
 */
async function signUpFromForm(c: Context<AppEnv>) {
  const deps = c.get("deps");
  const event = await services.publicEvent(deps, c.req.param("id") ?? "");
  if (!event) return notFound(c);
  const fields = await readForm(c);
  const state: FormState = {
    values: {
      name: fields.name?.trim() ?? "",
      email: fields.email?.trim() ?? "",
      employer: fields.employer?.trim() ?? "",
      memberPartyId: fields.memberPartyId ?? "",
    },
    errors: {},
  };
  if (fields.webbplats) return done(c, event, { status: "confirmed", waitingPosition: null });
  try {
    const result = await services.signUpForEvent(deps, {
      trainingId: event.id,
      ...state.values,
      memberPartyId: state.values.memberPartyId || null,
      consent: fields.consent === "yes",
      consentVersion: Number(fields.consentVersion ?? 0),
      clientIp: clientInfo(c).ip,
    });
    return done(c, event, result);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "rate_limited")
      return message(c, 429, "Försök igen senare", html`<p>${error.message}</p>`, event.organizerName);
    if (error.code === "not_found") return notFound(c);
    if (error.code === "conflict") return c.html(eventPage({ ...event, open: false }, EMPTY_FORM), 409);
    if (error.code !== "validation_failed" && error.code !== "already_exists") throw error;
    for (const e of error.errors ?? []) {
      const name = e.field.replace(/^body\./, "") as Field;
      if (FIELDS.includes(name)) state.errors[name] = e.message;
    }
    if (error.code === "already_exists")
      state.errors.email = "Adressen är redan anmäld till evenemanget. Titta efter bekräftelsemejlet.";
    // The newest consent text and seats, in case either changed since the page was opened.
    const fresh = (await services.publicEvent(deps, event.id)) ?? event;
    return c.html(eventPage(fresh, state), 400);
  }
}

export function eventPagesRouter() {
  const app = new Hono<AppEnv>();
  app.use("/evenemang/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  // Before /evenemang/:id, so the link's path is never read as an event.
  app.get("/evenemang/avboka/:token", async (c) => {
    const token = c.req.param("token");
    const found = await services.eventCancellationFor(c.get("deps"), token);
    if (!found) return invalidLink(c);
    return message(
      c,
      200,
      found.active ? "Avboka din anmälan" : "Anmälan är avbokad",
      html`${
        found.active
          ? html`<p>Vill du avboka anmälan för ${found.name} (${found.email}) till ${found.trainingTitle}? Din plats går då till nästa person på väntelistan.</p>
<form method="post"><button type="submit">Avboka anmälan</button></form>`
          : html`<p>Anmälan för ${found.name} till ${found.trainingTitle} är avbokad.</p>`
      }
<h2>Dina uppgifter</h2>
<dl>
<dt>Namn</dt><dd>${found.name}</dd>
<dt>E-postadress</dt><dd>${found.email}</dd>
<dt>Arbetsplats</dt><dd>${found.employer ?? "–"}</dd>
<dt>Samtycke lämnat</dt><dd>${found.consent ? dateTime(found.consent.at) : "–"}</dd>
<dt>Samtyckestext</dt><dd>${found.consent ? `${found.consent.text} (version ${found.consent.version})` : "–"}</dd>
</dl>
<h2>Radera dina uppgifter</h2>
<p>Raderar du uppgifterna avbokas också anmälan. Förbundet behåller bara att en person var anmäld, utan namn, e-postadress eller arbetsplats, för uppföljningen av evenemanget.</p>
<form method="post" action="/evenemang/avboka/${token}/radera"><button type="submit">Avboka och radera mina uppgifter</button></form>`,
    );
  });
  app.post("/evenemang/avboka/:token/radera", async (c) => {
    const erased = await services.eraseEventSignup(c.get("deps"), c.req.param("token"));
    if (!erased) return invalidLink(c);
    return message(
      c,
      200,
      "Dina uppgifter är raderade",
      html`<p role="status">Du är inte längre anmäld till ${erased.trainingTitle}, och vi har raderat ditt namn, din e-postadress och din arbetsplats.</p>`,
    );
  });
  app.post("/evenemang/avboka/:token", async (c) => {
    const cancelled = await services.cancelEventSignup(c.get("deps"), c.req.param("token"));
    if (!cancelled) return invalidLink(c);
    return message(
      c,
      200,
      "Anmälan är avbokad",
      html`<p role="status">Du är inte längre anmäld till ${cancelled.trainingTitle}. Vill du komma ändå kan du anmäla dig igen på evenemangets sida, om det finns platser kvar.</p>`,
    );
  });

  app.get("/evenemang/:id", async (c) => {
    const event = await services.publicEvent(c.get("deps"), c.req.param("id"));
    if (!event) return notFound(c);
    return c.html(eventPage(event, EMPTY_FORM));
  });
  app.post("/evenemang/:id", signUpFromForm);
  return app;
}
