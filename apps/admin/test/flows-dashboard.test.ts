import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  type Harness,
  openPage,
  organizationId,
  screenshot,
  signIn,
  signOut,
  startHarness,
} from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Nothing on the page is wider than the screen: a phone never scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

const card = (page: Page, heading: string | RegExp) => page.getByRole("region", { name: heading });

/** One figure straight from the database, to hold the dashboard to the demo as it is seeded. */
async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await h.t.db.ownerSql(sql, params))[0]?.n ?? 0);
}

describe("role dashboards", () => {
  it("a förbund admin sees the next sessions with seats, the costs and the entries that need action", async () => {
    const halland = await organizationId(h, "halland");
    const returned = await h.t.db.ownerSql(
      "select content->>'title' as title from interventions where organization_id = $1 and state = 'returned'",
      [halland],
    );
    const [next] = await h.t.db.ownerSql(
      `select s.capacity, (select count(*)::int from session_registrations r
          where r.session_id = s.id and r.status = 'confirmed') as confirmed
         from training_sessions s join training_parties p on p.training_id = s.training_id
        where p.organization_id = $1 and s.capacity is not null and s.ends_at > now()
        order by s.starts_at limit 1`,
      [halland],
    );
    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, "admin.halland@demo.nns.se");
      const sessions = card(page, "Kommande utbildningstillfällen");
      await sessions.getByText(`${next?.confirmed} av ${next?.capacity} platser`).first().waitFor();
      const catalog = card(page, "Insatskatalogen");
      for (const row of returned) {
        await catalog.getByRole("link", { name: String(row.title) }).waitFor();
      }
      expect(returned.length).toBeGreaterThan(0);
      await card(page, /^Utbildningskostnader \d{4} och framåt$/)
        .getByText("Totalt inklusive moms")
        .waitFor();
      // The förbund's own facts stay; NNS's cards are not here.
      await card(page, "Huvudmän").waitFor();
      expect(await card(page, "Granskningskö").count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `dashboard-forbund-${width}`);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    }
  });

  it("NNS sees waiting requests, the review queue with its oldest entry, overdue invoices and the term", async () => {
    const submitted = await count("select count(*)::int as n from interventions where state = 'submitted'");
    const waiting = await count(
      "select count(*)::int as n from training_requests where status = 'submitted'",
    );
    const overdue = await count(
      `select count(*)::int as n from invoices where kind = 'invoice'
         and status in ('issued', 'partly_paid', 'partly_credited')
         and due_date < (now() at time zone 'Europe/Stockholm')::date`,
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const queue = card(page, "Granskningskö");
    await queue
      .getByRole("link", {
        name: `${submitted} ${submitted === 1 ? "insats väntar" : "insatser väntar"} på granskning`,
      })
      .waitFor();
    await queue.getByText(/^Den äldsta skickades in \d{4}-\d{2}-\d{2} \(/).waitFor();
    await card(page, "Intresseanmälningar")
      .getByRole("link", {
        name: `${waiting} ${waiting === 1 ? "intresseanmälan väntar" : "intresseanmälningar väntar"} på svar`,
      })
      .waitFor();
    const invoices = card(page, "Förfallna fakturor");
    await invoices
      .getByRole("link", {
        name: `${overdue} ${overdue === 1 ? "faktura är förfallen" : "fakturor är förfallna"}`,
      })
      .waitFor();
    await card(page, /^Terminens utbildningar: (Vår|Höst)terminen \d{4}$/).waitFor();
    // Not the NNS organization's facts: a coordinator comes for the work.
    expect(await card(page, "Huvudmän").count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "dashboard-nns-1280");
    // The count leads to the full page, filtered.
    await invoices.getByRole("link").click();
    await page.waitForURL((url) => url.pathname.endsWith("/invoices") && url.search.includes("overdue"));
    await signOut(page, "Nora Nilsson");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("a trainer on a phone has today's sessions one tap from attendance, and no NNS facts", async () => {
    const today = await count(
      `select count(*)::int as n from training_session_trainers st
         join trainers tr on tr.id = st.trainer_id
         join training_sessions s on s.id = st.session_id
         join trainings t on t.id = s.training_id
        where lower(tr.email) = 'utbildare@demo.nns.se' and t.status <> 'cancelled'
          and (s.starts_at at time zone 'Europe/Stockholm')::date = (now() at time zone 'Europe/Stockholm')::date`,
    );
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, "utbildare@demo.nns.se");
    const todayCard = card(page, "Dagens tillfällen");
    await todayCard.waitFor();
    await card(page, "Dina nästa tillfällen").waitFor();
    expect(await todayCard.getByRole("link", { name: /^Ta närvaro:/ }).count()).toBe(today);
    expect(await page.getByText("Organisationsnummer").count()).toBe(0);
    expect(await page.getByText("Inga huvudmän").count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "dashboard-trainer-390");
    if (today > 0) {
      await todayCard
        .getByRole("link", { name: /^Ta närvaro:/ })
        .first()
        .click();
      await page.getByRole("heading", { level: 1, name: /^Närvaro: / }).waitFor();
    } else {
      await todayCard.getByText("Du har inga tillfällen i dag.").waitFor();
    }
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("an editor sees the förbund's drafts and returned entries with the editorial comment", async () => {
    const halland = await organizationId(h, "halland");
    const [entry] = await h.t.db.ownerSql(
      `select content->>'title' as title, review_comment as comment from interventions
        where organization_id = $1 and state = 'returned' limit 1`,
      [halland],
    );
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    const catalog = card(page, "Insatskatalogen");
    await catalog.getByRole("link", { name: String(entry?.title) }).waitFor();
    await catalog.getByText(String(entry?.comment)).waitFor();
    await catalog.getByRole("heading", { name: "Utkast" }).waitFor();
    expect(await card(page, "Kommande utbildningstillfällen").count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "dashboard-editor-390");
    await catalog.getByRole("link", { name: String(entry?.title) }).click();
    await page.getByRole("heading", { level: 1, name: String(entry?.title) }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
