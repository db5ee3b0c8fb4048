import { AppError } from "@nns/domain";
import * as services from "@nns/services";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { page, type Site } from "../catalog-pages/layout.js";
import type { AppEnv } from "../lib/env.js";

/**
 * The participant's self-rating on their own phone, behind the one-time link a coach made: one question
 * per fieldset, every step of the scale a big radio button with its number and any anchor label, no
 * script and no account. The token in the path is the credential; the page says nothing about who the
 * participant is. JSON twin: /v1/self-rating/{token}.
 */

const SITE: Site = {
  name: "Självskattning",
  header: html`<strong>Självskattning</strong> – uppföljning hos samordningsförbundet`,
  footer: html`<p>Svaren sparas hos samordningsförbundet utan namn och personnummer, och bara din handledare och förbundets ansvariga kan se dem. Frågor om dina uppgifter ställer du till din handledare.</p>`,
  description: "Skatta hur det går för dig i insatsen, inför samtalet med din handledare.",
  feed: null,
  // 390 px first: one column, each answer a whole-width target at least 48 px high.
  style: `
.fraga{border:1px solid #767676;border-radius:.5rem;margin:0 0 1.25rem;padding:.75rem}
.fraga legend{font-weight:bold;padding:0 .25rem;font-size:1.1rem}
.fraga .nr{display:block;font-weight:normal;font-size:.95rem;color:#4a4a4a}
.val{display:flex;align-items:center;gap:.75rem;min-height:3rem;box-sizing:border-box;padding:.5rem .75rem;margin:.5rem 0;border:1px solid #767676;border-radius:.5rem;cursor:pointer}
.val:has(input:checked){border:2px solid #0b4f8a;background:#e8f1fa}
.val input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.siffra{font-weight:bold;min-width:1.5rem}
.skicka{width:100%;min-height:3rem;font-size:1.15rem;border-radius:.5rem}
.error{color:#a00000;font-weight:bold;margin:.25rem 0}
.fel{border:2px solid #a00000}
`,
};

const EXPIRES = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "long",
  timeStyle: "short",
});

type Answers = Record<string, number>;

function steps(scale: services.SelfRatingItem["scale"]) {
  const labels = new Map(scale.anchors.map((a) => [a.value, a.label]));
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => {
    const value = scale.min + i;
    return { value, label: labels.get(value) ?? null };
  });
}

function question(
  item: services.SelfRatingItem,
  index: number,
  count: number,
  answers: Answers,
  missing: boolean,
) {
  const id = (value: number) => `q-${item.code}-${value}`;
  return html`<fieldset class="fraga${missing ? " fel" : ""}" id="fraga-${item.code}">
<legend><span class="nr">Fråga ${index + 1} av ${count}</span>${item.question}</legend>
${missing ? html`<p class="error" id="fel-${item.code}">Välj ett svar på frågan.</p>` : ""}
${steps(item.scale).map(
  (
    step,
  ) => html`<label class="val" for="${id(step.value)}"><input type="radio" id="${id(step.value)}" name="${item.code}" value="${step.value}" required
 ${answers[item.code] === step.value ? "checked" : ""} ${missing ? html`aria-describedby="fel-${item.code}"` : ""}>
<span class="siffra">${step.value}</span>${step.label ? html`<span>${step.label}</span>` : ""}</label>`,
)}
</fieldset>`;
}

function formPage(form: services.SelfRatingForm, answers: Answers, missing: readonly string[]) {
  const count = form.items.length;
  const missingItems = form.items.filter((item) => missing.includes(item.code));
  let group: string | null = null;
  const body = html`<h1>Självskattning</h1>
<p>Här svarar du på ${count} frågor om hur du har det just nu. Det finns inga rätta eller felaktiga svar: välj det som stämmer bäst för dig. Siffrorna går från ${form.items[0]?.scale.min ?? 1} (lägst) till ${form.items[0]?.scale.max ?? 5} (högst).</p>
<p class="meta">Länken fungerar en gång och gäller till ${EXPIRES.format(new Date(form.expiresAt))}. Dina svar sparas när du trycker på <strong>Skicka svaren</strong>.</p>
${form.instrument.placeholder ? html`<p class="preview">Frågorna är en provversion (platshållare) och kan bytas ut senare.</p>` : ""}
${
  missingItems.length > 0
    ? html`<div role="alert" class="preview"><h2>Några frågor saknar svar</h2><ul>
${missingItems.map((item) => html`<li><a href="#q-${item.code}-${item.scale.min}">Fråga ${form.items.indexOf(item) + 1}: ${item.question}</a></li>`)}
</ul></div>`
    : ""
}
<form method="post" novalidate>
${form.items.map((item, index) => {
  const heading = item.group !== group ? html`<h2>${item.group}</h2>` : "";
  group = item.group;
  return html`${heading}${question(item, index, count, answers, missing.includes(item.code))}`;
})}
<p><button type="submit" class="skicka">Skicka svaren</button></p>
</form>`;
  return page(missing.length > 0 ? "Några frågor saknar svar" : "Självskattning", body, SITE);
}

function gone(c: Context<AppEnv>) {
  c.status(410);
  return c.html(
    page(
      "Länken går inte att använda",
      html`<h1>Länken går inte att använda</h1>
<p>Länken har redan använts eller har slutat gälla. Varje länk fungerar bara en gång och under en begränsad tid.</p>
<p>Vill du svara igen? Be din handledare om en ny länk.</p>`,
      SITE,
    ),
  );
}

/** The form's values: one per question, a whole number, or left out. */
async function readAnswers(c: Context<AppEnv>, form: services.SelfRatingForm): Promise<Answers> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    return {};
  const body = await c.req.parseBody();
  const answers: Answers = {};
  for (const item of form.items) {
    const raw = body[item.code];
    if (typeof raw === "string" && /^\d{1,3}$/.test(raw)) answers[item.code] = Number(raw);
  }
  return answers;
}

async function formFor(c: Context<AppEnv>): Promise<services.SelfRatingForm | null> {
  try {
    return await services.selfRatingForm(c.get("deps"), c.req.param("token") ?? "");
  } catch (error) {
    if (error instanceof AppError && error.code === "token_invalid") return null;
    throw error;
  }
}

export function selfRatingPagesRouter() {
  const app = new Hono<AppEnv>();
  // A personal page behind a token: never cached, never indexed.
  app.use("/skattning/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex, nofollow");
  });

  app.get("/skattning/:token", async (c) => {
    const form = await formFor(c);
    if (!form) return gone(c);
    return c.html(formPage(form, {}, []));
  });

  app.post("/skattning/:token", async (c) => {
    const form = await formFor(c);
    if (!form) return gone(c);
    const answers = await readAnswers(c, form);
    const missing = form.items.filter((item) => answers[item.code] === undefined).map((item) => item.code);
    try {
      if (missing.length === 0) await services.submitSelfRating(c.get("deps"), c.req.param("token"), answers);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "token_invalid") return gone(c);
      if (error.code !== "validation_failed") throw error;
      for (const e of error.errors ?? []) missing.push(e.field.replace(/^body\.answers\./, ""));
    }
    if (missing.length > 0) {
      c.status(400);
      return c.html(formPage(form, answers, missing));
    }
    return c.html(
      page(
        "Tack för dina svar",
        html`<h1>Tack för dina svar</h1>
<p role="status">Dina svar är sparade. Din handledare kan nu se dem och prata med dig om dem nästa gång ni ses.</p>
<p>Du kan stänga sidan. Länken går inte att använda igen.</p>`,
        SITE,
      ),
    );
  });
  return app;
}
