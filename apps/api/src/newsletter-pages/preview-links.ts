import { PREVIEW_LINK_PATH } from "@nns/services";
import { Hono } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../lib/env.js";

/**
 * Where the links of an issue's preview lead that each recipient gets their own copy of (unsubscribe, see
 * and erase one's data): a preview has no recipient, so the page says what the links do when sent.
 * Mounted before the archive, whose /nyhetsbrev/{slug} would otherwise take the word (it is a reserved
 * slug for that reason).
 */
export function newsletterPreviewLinksRouter() {
  return new Hono<AppEnv>().get(PREVIEW_LINK_PATH, (c) =>
    c.html(html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Länk i förhandsvisning – nyhetsbrev</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}main{max-width:40rem;margin:0 auto;padding:1rem}</style>
</head>
<body>
<main>
<h1>Den här länken fungerar i det skickade brevet</h1>
<p>Du tittar på en förhandsvisning av ett nyhetsbrev. I det skickade brevet får varje prenumerant egna länkar:</p>
<ul>
<li id="avregistrera"><strong>Avregistrera dig</strong> avslutar prenumerationen direkt, utan inloggning.</li>
<li id="mina-uppgifter"><strong>Se och radera dina uppgifter</strong> visar vad som finns sparat om prenumeranten och låter hen radera det.</li>
</ul>
<p>Länkarna är personliga och signerade, därför kan de inte visas i en förhandsvisning.</p>
</main>
</body>
</html>`),
  );
}
