import { Hono } from "hono";
import { html } from "hono/html";
import { page, type Site } from "../catalog-pages/layout.js";
import type { AppEnv } from "../lib/env.js";

const CONTACT = "tillganglighet@nnsplattformen.se";

/** When the platform was last assessed and this statement last revised (update both with the text). */
const ASSESSED = "27 november 2026";

const SITE: Site = {
  name: "NNS-plattformen",
  header: html`<a href="/">NNS-plattformen</a> <span>Nationella nätverket för samordningsförbund</span>`,
  footer: html`<p>Nationella nätverket för samordningsförbund. <a href="/katalog">Insatskatalogen</a> ·
<a href="/nyhetsbrev">Nyhetsbrev</a> · <a href="/docs">Öppet API</a></p>`,
  description:
    "Tillgänglighetsredogörelse för NNS-plattformen: hur tillgänglig tjänsten är, kända brister, hur du rapporterar problem och hur du kontaktar Digg.",
  feed: null,
  style: "article{max-width:46rem}article li{margin-bottom:.5rem}",
};

/**
 * A shortcoming people meet today, with the WCAG 2.1 success criterion it fails where there is one.
 * Taken from what the project's own testing found (issue 19) and what is not yet tested.
 */
const SHORTCOMINGS: { text: string; criterion?: string }[] = [
  {
    text: "I administrationen på mobil hamnar knappar och summor i vissa tabeller utanför skärmen, närvarolistan rullar i sidled när man kryssar i den och kalenderns månadsvy visar bara en del av veckan.",
    criterion: "1.4.10 Omflödning",
  },
  {
    text: "När ett formulär i administrationen har skickats kan bekräftelsen eller felmeddelandet visas utanför den synliga delen av sidan, och fokus flyttas inte dit.",
    criterion: "4.1.3 Statusmeddelanden",
  },
  {
    text: "Vissa felmeddelanden visas på engelska eller som tekniska texter, och tomma obligatoriska fält får ett allmänt meddelande i stället för ett som säger vad som saknas.",
    criterion: "3.3.3 Förslag vid fel",
  },
  {
    text: "Händelseloggen och utkorgen visar tekniska händelsekoder, fältnamn och id-nummer i stället för text som går att förstå.",
    criterion: "2.4.6 Rubriker och ledtexter",
  },
  {
    text: "API-dokumentationen på /docs kommer från ett verktyg från tredje part och har inte granskats manuellt.",
  },
  {
    text: "E-postmeddelanden från tjänsten (inbjudningar, bekräftelser, nyhetsbrev) har inte testats med skärmläsare.",
  },
  {
    text: "PDF-dokument (fakturor och styrelserapporten) är taggade med rubriker och språk men har inte granskats med skärmläsare.",
  },
];

function statement() {
  return html`<article>
<h1>Tillgänglighetsredogörelse för NNS-plattformen</h1>
<p>Nationella nätverket för samordningsförbund (NNS) står bakom NNS-plattformen: Insatskatalogen, de
gemensamma nyhetsbreven och administrationen för samordningsförbunden. Vi vill att så många som möjligt ska
kunna använda tjänsten. Här beskriver vi hur NNS-plattformen uppfyller lagen (2018:1937) om tillgänglighet
till digital offentlig service, vilka tillgänglighetsproblem vi känner till och hur du kan rapportera
brister till oss så att vi kan åtgärda dem.</p>

<h2 id="hur-tillganglig">Hur tillgänglig är tjänsten?</h2>
<p>Vi vet att delar av tjänsten inte är helt tillgängliga. Det gäller främst administrationen för
förbundens personal; se <a href="#brister">innehåll som inte är tillgängligt</a> nedan.
Insatskatalogen, nyhetsbrevsarkivet och den här sidan fungerar utan JavaScript.</p>

<h2 id="om-du-inte-kan">Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
<p>Om du behöver innehåll från tjänsten i ett annat format, till exempel en insats som vanlig text eller
en faktura som du kan läsa med ditt hjälpmedel, kan du kontakta oss:</p>
<ul>
<li>E-post: <a href="mailto:${CONTACT}">${CONTACT}</a></li>
</ul>
<p>Vi svarar inom fem arbetsdagar.</p>

<h2 id="rapportera">Rapportera brister i tjänstens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att göra tjänsten mer tillgänglig. Om du upptäcker problem som inte
beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, skriv till
<a href="mailto:${CONTACT}">${CONTACT}</a> så att vi får veta att problemet finns. Beskriv gärna vilken
sida det gäller, vad du försökte göra och vilket hjälpmedel du använder. Vi bekräftar att vi har fått ditt
meddelande och svarar inom fem arbetsdagar.</p>

<h2 id="tillsyn">Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till
digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
<a href="https://www.digg.se/tdosanmalan">anmäla det till Myndigheten för digital förvaltning</a>.</p>

<h2 id="teknisk-information">Teknisk information om tjänstens tillgänglighet</h2>
<p>NNS-plattformen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig
service, på grund av de brister som beskrivs nedan.</p>

<h3 id="brister">Innehåll som inte är tillgängligt</h3>
<p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt. Vi arbetar med
bristerna och uppdaterar redogörelsen när de är åtgärdade.</p>
<h4>Bristande förenlighet med lagkraven</h4>
<ul>${SHORTCOMINGS.map(
    (s) =>
      html`<li>${s.text}${s.criterion ? html` (WCAG 2.1, framgångskriterium ${s.criterion}.)` : ""}</li>`,
  )}</ul>
<h4>Oskäligt betungande anpassning</h4>
<p>Vi gör inget undantag för oskäligt betungande anpassning.</p>
<h4>Innehåll som inte omfattas av lagstiftningen</h4>
<p>Bilder i nyhetsbrev ligger på de utgivande förbundens egna webbplatser. Förbunden ansvarar för att de
har textalternativ.</p>

<h2 id="hur-vi-testat">Hur vi testat tjänsten</h2>
<p>Vi har gjort en självskattning (intern testning) av NNS-plattformen mot WCAG 2.1 nivå A och AA
(EN 301 549):</p>
<ul>
<li>automatiska kontroller med axe-core i webbläsaren Chromium av varje sida vid varje ändring, i
bredderna 1280 och 390 pixlar, och med Lighthouse för de publika sidorna,</li>
<li>manuell testning: hela flöden med enbart tangentbord, synligt fokus, förstoring och en 390 pixlar
bred mobilskärm, och de publika sidorna med JavaScript avstängt.</li>
</ul>
<p>Senaste bedömningen gjordes den ${ASSESSED}. Redogörelsen uppdaterades senast den ${ASSESSED}.</p>
</article>`;
}

/**
 * The accessibility statement (tillgänglighetsredogörelse) after DIGG's model, server-rendered so it can
 * be read without JavaScript: the law requires it to be reachable by everyone the service may fail.
 */
export function accessibilityStatementRouter() {
  return new Hono<AppEnv>().get("/tillganglighet", (c) =>
    c.html(
      page("Tillgänglighetsredogörelse", statement(), SITE, {
        canonical: `${c.get("options").publicUrl}/tillganglighet`,
      }),
    ),
  );
}
