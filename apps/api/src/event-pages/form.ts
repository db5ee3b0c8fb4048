import type { PublicEvent } from "@nns/services";
import { html } from "hono/html";

/** The sign-up form's fields, in the order the page shows them and announces their errors. */
export const FIELDS = ["name", "email", "employer", "memberPartyId", "consent"] as const;
export type Field = (typeof FIELDS)[number];

export interface FormState {
  values: { name: string; email: string; employer: string; memberPartyId: string };
  errors: Partial<Record<Field, string>>;
}

export const EMPTY_FORM: FormState = {
  values: { name: "", email: "", employer: "", memberPartyId: "" },
  errors: {},
};

const DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "full" });
const TIME = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", timeStyle: "short" });
const DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "long",
  timeStyle: "short",
});

export const dateTime = (d: Date) => DATE_TIME.format(d);

function seats(left: number | null) {
  if (left === null) return "";
  if (left === 0) return html`<br><strong>Fullt.</strong> Anmäl dig ändå, så hamnar du på väntelistan.`;
  return html`<br>${left === 1 ? "1 plats kvar" : `${left} platser kvar`}`;
}

/** The event's sessions: date, time and place (or that it is digital), with the seats left. */
export function sessionList(event: PublicEvent) {
  return html`<h2>Program</h2>
<ul class="sessions">${event.sessions.map(
    (s) => html`<li><strong>${s.title}</strong><br>
<time datetime="${s.startsAt.toISOString()}">${DATE.format(s.startsAt)}, ${TIME.format(s.startsAt)}</time>–<time datetime="${s.endsAt.toISOString()}">${TIME.format(s.endsAt)}</time><br>
${s.mode === "digital" ? "Digitalt – länken skickas till anmälda" : `Plats: ${s.location ?? "meddelas senare"}`}${seats(s.seatsLeft)}</li>`,
  )}</ul>`;
}

function field(
  state: FormState,
  name: "name" | "email" | "employer",
  label: string,
  type: "text" | "email",
  autocomplete: string,
  first: Field | null,
) {
  const error = state.errors[name];
  return html`<p><label for="${name}">${label}</label>
<input type="${type}" id="${name}" name="${name}" autocomplete="${autocomplete}" required maxlength="200" value="${state.values[name]}"
 ${error ? html`aria-invalid="true" aria-describedby="${name}-fel"` : ""} ${first === name ? "autofocus" : ""}>
${error ? html`<span class="error" id="${name}-fel">${error}</span>` : ""}</p>`;
}

/**
 * The sign-up form: required fields marked in their labels, errors listed first (each a link to its
 * field) and announced, focus on the first wrong field, and a field hidden from people that only robots
 * fill in. Posts to the page itself; works without scripts.
 */
export function signupForm(event: PublicEvent, action: string, state: FormState) {
  const { errors } = state;
  const first = FIELDS.find((f) => errors[f]) ?? null;
  const partyError = errors.memberPartyId;
  const consentError = errors.consent;
  return html`<h2 id="anmalan">Anmäl dig</h2>
${
  first
    ? html`<div role="alert" class="preview"><h3>Formuläret behöver rättas</h3><ul>
${FIELDS.filter((f) => errors[f]).map((f) => html`<li><a href="#${f}">${errors[f]}</a></li>`)}</ul></div>`
    : ""
}
<form method="post" action="${action}" novalidate>
<p class="meta">Alla fält utom medlemsorganisation är obligatoriska.</p>
${field(state, "name", "Namn", "text", "name", first)}
${field(state, "email", "E-postadress", "email", "email", first)}
${field(state, "employer", "Arbetsplats eller organisation", "text", "organization", first)}
${
  event.memberParties.length > 0
    ? html`<p><label for="memberPartyId">Medlemsorganisation du arbetar för (frivilligt)</label>
<select id="memberPartyId" name="memberPartyId" ${partyError ? html`aria-invalid="true" aria-describedby="memberPartyId-fel"` : ""} ${first === "memberPartyId" ? "autofocus" : ""}>
<option value="">Ingen av dem / vill inte ange</option>
${event.memberParties.map((p) => html`<option value="${p.id}" ${state.values.memberPartyId === p.id ? "selected" : ""}>${p.name}</option>`)}
</select>${partyError ? html`<span class="error" id="memberPartyId-fel">${partyError}</span>` : ""}</p>`
    : ""
}
<div class="trap" aria-hidden="true"><label for="webbplats">Lämna tomt</label>
<input type="text" id="webbplats" name="webbplats" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="consentVersion" value="${event.consentVersion}">
<p><label class="check" for="consent"><input type="checkbox" id="consent" name="consent" value="yes" required
 ${consentError ? html`aria-invalid="true" aria-describedby="consent-fel"` : ""} ${first === "consent" ? "autofocus" : ""}>
<span>${event.consentText}</span></label>
${consentError ? html`<span class="error" id="consent-fel">${consentError}</span>` : ""}</p>
<p><button type="submit">Skicka anmälan</button></p>
</form>`;
}

/** What is stored and for how long, as the newsletter's sign-up says it. */
export function privacyNote(event: PublicEvent) {
  return html`<h2>Dina uppgifter</h2>
<p>${event.organizerName} sparar ditt namn, din e-postadress, din arbetsplats, vilken medlemsorganisation du angav, och när du godkände samtyckestexten och vilken version av den. Uppgifterna används för att hantera anmälan, skicka information om evenemanget och räkna hur många som anmälde sig och deltog.</p>
<p>Uppgifterna sparas så länge förbundet behöver dem för att följa upp evenemanget. Vad förbundet skickar och tar emot kan bli allmän handling. Med länken i bekräftelsemejlet kan du fram till evenemanget se uppgifterna, avboka och radera dem.</p>`;
}
