import { AppError, CONSENT_SOURCE_LABELS_SV, SUBSCRIBER_STATUS_LABELS_SV } from "@nns/domain";
import * as services from "@nns/services";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { page } from "../catalog-pages/layout.js";
import { clientInfo } from "../lib/authenticate.js";
import type { AppEnv } from "../lib/env.js";
import { newsletterSite } from "./site.js";

/**
 * The subscriber's side of a newsletter, server-rendered and without scripts: the sign-up form's answer
 * and the embeddable form, and the pages behind the signed links in every email (confirm, unsubscribe,
 * own data). The links' tokens are the credential, so none of these reads a cookie, and a POST from
 * anywhere (a mail provider's one-click unsubscribe, an embedding site's form) is meant to work.
 */

/** The one path that other sites may frame (app.ts sends `frame-ancestors *` for it alone). */
export const EMBEDDED_FORM_PATH = /^\/nyhetsbrev\/[^/]+\/formular$/;

interface FormState {
  email: string;
  name: string;
  errors: Partial<Record<"email" | "consent", string>>;
}

const EMPTY: FormState = { email: "", name: "", errors: {} };

function signupForm(form: services.PublicSignupForm, action: string, state: FormState) {
  const { errors } = state;
  const first = errors.email ? "email" : errors.consent ? "consent" : null;
  const problem = (field: "email" | "consent") =>
    errors[field] ? html`<p class="error" id="${field}-fel">${errors[field]}</p>` : "";
  return html`<h1>Prenumerera på ${form.name}</h1>
${
  first
    ? html`<div role="alert" class="preview"><h2>Formuläret behöver rättas</h2><ul>
${errors.email ? html`<li><a href="#email">${errors.email}</a></li>` : ""}
${errors.consent ? html`<li><a href="#consent">${errors.consent}</a></li>` : ""}</ul></div>`
    : ""
}
<form method="post" action="${action}" novalidate>
<p><label for="email">E-postadress (obligatorisk)</label>
<input type="email" id="email" name="email" autocomplete="email" required value="${state.email}"
 ${errors.email ? html`aria-invalid="true" aria-describedby="email-fel"` : ""} ${first === "email" ? "autofocus" : ""}>
${problem("email")}</p>
<p><label for="name">Namn (frivilligt)</label>
<input type="text" id="name" name="name" autocomplete="name" value="${state.name}"></p>
<p><input type="checkbox" id="consent" name="consent" value="yes" required
 ${errors.consent ? html`aria-invalid="true" aria-describedby="consent-fel"` : ""} ${first === "consent" ? "autofocus" : ""}>
<label for="consent" style="display:inline">${form.consentText}</label>
${problem("consent")}</p>
<p><button type="submit">Prenumerera</button></p>
</form>
<p class="meta">Vi skickar ett mejl med en länk som du måste följa innan du får några utskick.</p>`;
}

function message(c: Context<AppEnv>, status: 200 | 404 | 410, title: string, body: ReturnType<typeof html>) {
  c.status(status);
  return c.html(page(title, html`<h1>${title}</h1>${body}`, newsletterSite()));
}

const checkInbox = (c: Context<AppEnv>) =>
  message(
    c,
    200,
    "Titta i din inkorg",
    html`<p role="status">Om adressen kan anmälas har vi skickat ett mejl till den med en länk för att bekräfta prenumerationen. Länken gäller i sju dagar.</p>
<p>Hittar du inget mejl? Titta i skräpposten, eller anmäl dig igen om en stund.</p>`,
  );

const invalidLink = (c: Context<AppEnv>) =>
  message(
    c,
    410,
    "Länken gäller inte",
    html`<p>Länken är felaktig eller för gammal. Bekräftelselänkar gäller i sju dagar och länkar till dina uppgifter i 30 dagar efter utskicket; anmäl dig igen eller använd länken i ett senare utskick.</p>`,
  );

async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    return {};
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
}

/**
 * A sign-up from a form. Whatever happens to the address (new, waiting, subscribed, blocklisted, or over
 * the limit for it or this client) the answer is the same "check your inbox" page; only a mistake the
 * person can correct brings the form back, with the errors announced and focus on the first.
 */
async function signUpFromForm(c: Context<AppEnv>, source: "signup_form" | "embedded_form", action: string) {
  const slug = c.req.param("slug") ?? "";
  const form = await services.publicationForSignup(c.get("deps"), slug);
  if (!form) return message(c, 404, "Nyhetsbrevet finns inte", html`<p>Det finns inget nyhetsbrev här.</p>`);
  const fields = await readForm(c);
  const state: FormState = { email: fields.email?.trim() ?? "", name: fields.name?.trim() ?? "", errors: {} };
  try {
    await services.signUp(c.get("deps"), {
      slug,
      email: state.email,
      name: state.name,
      consent: fields.consent === "yes",
      source,
      clientIp: clientInfo(c).ip,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "rate_limited") return checkInbox(c);
    if (error.code !== "validation_failed") throw error;
    for (const e of error.errors ?? []) {
      if (e.field === "body.email")
        state.errors.email = "Skriv en giltig e-postadress, till exempel namn@exempel.se.";
      if (e.field === "body.consent") state.errors.consent = "Kryssa i rutan för att ge ditt samtycke.";
    }
    c.status(400);
    return c.html(page(`Fel i formuläret – ${form.name}`, signupForm(form, action, state), newsletterSite()));
  }
  return checkInbox(c);
}

export function newsletterSubscriberRouter() {
  const app = new Hono<AppEnv>();
  // Personal pages behind tokens: never kept by a cache or a shared browser's history of responses.
  app.use("/nyhetsbrev/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.post("/nyhetsbrev/:slug/prenumerera", (c) =>
    signUpFromForm(c, "signup_form", `/nyhetsbrev/${encodeURIComponent(c.req.param("slug"))}/prenumerera`),
  );

  const embeddedAction = (c: Context<AppEnv>) =>
    `/nyhetsbrev/${encodeURIComponent(c.req.param("slug") ?? "")}/formular`;
  app.get("/nyhetsbrev/:slug/formular", async (c) => {
    const form = await services.publicationForSignup(c.get("deps"), c.req.param("slug"));
    if (!form)
      return message(c, 404, "Nyhetsbrevet finns inte", html`<p>Det finns inget nyhetsbrev här.</p>`);
    return c.html(
      page(`Prenumerera på ${form.name}`, signupForm(form, embeddedAction(c), EMPTY), newsletterSite()),
    );
  });
  // The embedded form posts to its own (framable) path, so its answer shows inside the frame too.
  app.post("/nyhetsbrev/:slug/formular", (c) => signUpFromForm(c, "embedded_form", embeddedAction(c)));

  app.get("/nyhetsbrev/bekrafta/:token", async (c) => {
    const found = await services.confirmationFor(c.get("deps"), c.req.param("token"));
    if (!found) return invalidLink(c);
    return message(
      c,
      200,
      "Bekräfta prenumerationen",
      html`<p>Bekräfta att du vill få nyhetsbrevet ${found.publicationName} via e-post.</p>
<form method="post"><button type="submit">Bekräfta prenumerationen</button></form>`,
    );
  });
  app.post("/nyhetsbrev/bekrafta/:token", async (c) => {
    const confirmed = await services.confirmSubscription(c.get("deps"), c.req.param("token"));
    if (!confirmed) return invalidLink(c);
    return message(
      c,
      200,
      "Tack, du prenumererar nu",
      html`<p role="status">Du får nyhetsbrevet ${confirmed.publicationName} från och med nästa utskick. Varje utskick har en länk för att avregistrera dig.</p>`,
    );
  });

  // RFC 8058: a GET (a link scanner, a preview) only shows the button; the POST, whatever its body,
  // unsubscribes at once.
  app.get("/nyhetsbrev/avregistrera/:token", async (c) => {
    const link = await services.unsubscribeLinkFor(c.get("deps"), c.req.param("token"));
    if (!link) return invalidLink(c);
    return message(
      c,
      200,
      "Avregistrera dig",
      html`<p>Vill du sluta få ${link.publicationName ? `nyhetsbrevet ${link.publicationName}` : "nyhetsbrevet"}?</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Avregistrera mig</button></form>`,
    );
  });
  app.post("/nyhetsbrev/avregistrera/:token", async (c) => {
    const done = await services.unsubscribeByToken(c.get("deps"), c.req.param("token"));
    if (!done) return invalidLink(c);
    return message(
      c,
      200,
      "Du är avregistrerad",
      html`<p role="status">Du får inga fler utskick av ${done.publicationName ? `nyhetsbrevet ${done.publicationName}` : "nyhetsbrevet"}. Ångrar du dig kan du anmäla dig igen på nyhetsbrevets sida.</p>`,
    );
  });

  app.get("/nyhetsbrev/mina-uppgifter/:token", async (c) => {
    const token = c.req.param("token");
    const own = await services.ownSubscriberData(c.get("deps"), token);
    if (!own) return invalidLink(c);
    const s = own.subscriber;
    const at = (d: Date | null) =>
      d
        ? d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "long", timeStyle: "short" })
        : "–";
    return message(
      c,
      200,
      "Dina uppgifter",
      html`<p>Det här sparar vi om dig för nyhetsbrevet ${own.publicationName}.</p>
<dl>
<dt>E-postadress</dt><dd>${s.email}</dd>
<dt>Namn</dt><dd>${s.name ?? "–"}</dd>
<dt>Status</dt><dd>${SUBSCRIBER_STATUS_LABELS_SV[s.status]}</dd>
<dt>Samtycke lämnat</dt><dd>${at(s.consent.at)}</dd>
<dt>Samtyckestext</dt><dd>${s.consent.text ?? "–"}</dd>
<dt>Hur du anmäldes</dt><dd>${CONSENT_SOURCE_LABELS_SV[s.consent.source]}</dd>
<dt>Bekräftad</dt><dd>${at(s.confirmedAt)}</dd>
<dt>Avregistrerad</dt><dd>${at(s.unsubscribedAt)}</dd>
<dt>Anmäld första gången</dt><dd>${at(s.createdAt)}</dd>
</dl>
<h2>Radera dina uppgifter</h2>
<p>Raderar du uppgifterna försvinner allt ovan. Vi sparar bara en kontrollsumma av adressen, så att vi aldrig mejlar den igen om du inte själv anmäler dig på nytt.</p>
<form method="post" action="/nyhetsbrev/mina-uppgifter/${token}/radera"><button type="submit">Radera mina uppgifter</button></form>`,
    );
  });
  app.post("/nyhetsbrev/mina-uppgifter/:token/radera", async (c) => {
    const erased = await services.eraseOwnSubscriberData(c.get("deps"), c.req.param("token"));
    if (!erased) return invalidLink(c);
    return message(
      c,
      200,
      "Dina uppgifter är raderade",
      html`<p role="status">Vi har raderat dina uppgifter och skickar inga fler utskick till adressen.</p>`,
    );
  });
  return app;
}
