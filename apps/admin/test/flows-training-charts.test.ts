import { formatKronor } from "@nns/domain/money";
import { enterOrganization, submitTrainingRequest, systemContext } from "@nns/services";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, type Harness, menuLink, openPage, screenshot, signIn, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Whitespace as one plain space: the page writes kronor and percent with non-breaking spaces. */
const plain = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * A chart by its caption: the drawing (an svg inside one image with a text alternative) and the rows of
 * its table alternative, opened through "Visa som tabell".
 */
async function chart(page: Page, title: string) {
  const figure = page.getByRole("figure", { name: title });
  await figure.locator("svg.recharts-surface").first().waitFor();
  const summary = plain((await figure.locator(".chart-drawing[role=img]").getAttribute("aria-label")) ?? "");
  await figure.getByText("Visa som tabell").click();
  const rows = await figure
    .getByRole("table", { name: title })
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")),
    );
  return { figure, summary, rows: rows.map((row) => row.map(plain)) };
}

/** GET an API resource as the signed-in person (the page's cookies). */
async function read<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${h.base}/v1${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const trainingPath = (page: Page) => {
  const match = /\/o\/([^/]+)\/trainings\/([^/?#]+)/.exec(page.url());
  return `/orgs/${match?.[1]}/trainings/${match?.[2]}`;
};

const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });
const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 0 });
const score = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

interface Session {
  title: string;
  startsAt: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
}
interface Party {
  organizationName: string;
  sharedNetOre: number;
  printNetOre: number;
  vatOre: number;
  totalOre: number;
}

describe("training charts", () => {
  it("shows NNS the seats per session and the cost per förbund, with the API's figures in their tables", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Halland och Höglandet" }).waitFor();
    const path = trainingPath(page);
    const training = await read<{ sessions: Session[] }>(page, path);
    const costs = await read<{ parties: Party[] }>(page, `${path}/costs`);

    const seats = await chart(page, "Platser per tillfälle");
    const expectedSeats = training.sessions.map((s) => {
      const name = `${s.title}, ${day.format(new Date(s.startsAt))}`;
      const free = s.capacity === null ? 0 : Math.max(0, s.capacity - s.confirmed);
      return { name, free, s };
    });
    expect(seats.rows).toEqual(
      expectedSeats.map(({ name, free, s }) => [
        name,
        String(s.confirmed),
        String(free),
        String(s.waitlisted),
        s.capacity === null ? "Obegränsat" : String(s.capacity),
      ]),
    );
    // The training step has 25 seats and Halland's 7 people on it: the image says so in words.
    const step = expectedSeats.find(({ s }) => s.capacity !== null);
    expect(step?.s.confirmed).toBeGreaterThan(0);
    expect(seats.summary).toContain(
      `${step?.name}: ${step?.s.confirmed} anmälda med plats, ${step?.free} lediga platser`,
    );

    const split = await chart(page, "Kostnad per förbund");
    expect(costs.parties.length).toBe(2);
    expect(split.rows).toEqual(
      costs.parties.map((p) =>
        [
          p.organizationName,
          formatKronor(p.sharedNetOre),
          formatKronor(p.printNetOre),
          formatKronor(p.vatOre),
          formatKronor(p.totalOre),
        ].map(plain),
      ),
    );
    const first = costs.parties[0] as Party;
    expect(split.summary).toContain(
      plain(`${first.organizationName}: andel ${formatKronor(first.sharedNetOre)}`),
    );

    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-training-charts-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await seats.figure.scrollIntoViewIfNeeded();
    // At a phone's width the drawing keeps inside the page: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-training-charts-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows a förbund the follow-up funnel and how the scores spread per question of its held event", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("link", { name: "Inspirationsdag: rehabilitering till arbete" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Inspirationsdag: rehabilitering till arbete" })
      .waitFor();
    const followUp = await read<{
      registered: number;
      attended: number;
      satisfaction: {
        responses: number;
        averages: Record<string, number | null> | null;
        distribution: Record<string, number[]> | null;
      };
    }>(page, `${trainingPath(page)}/follow-up`);

    // Read at a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    const funnel = await chart(page, "Från anmälan till enkätsvar");
    const share = (n: number) => plain(percent.format(n / followUp.registered));
    expect(followUp.satisfaction.responses).toBeGreaterThan(0);
    expect(funnel.rows).toEqual([
      ["Anmälda", String(followUp.registered), share(followUp.registered)],
      ["Deltog", String(followUp.attended), share(followUp.attended)],
      ["Svarade på enkäten", String(followUp.satisfaction.responses), share(followUp.satisfaction.responses)],
    ]);
    expect(funnel.summary).toBe(
      `Stapeldiagram: ${followUp.registered} anmälda, ${followUp.attended} deltog och ${followUp.satisfaction.responses} svarade på enkäten.`,
    );

    const spread = await chart(page, "Så fördelar sig svaren per fråga, betyg 1–5");
    const questions = { overall: "Helheten", content: "Innehållet", usefulness: "Användbarhet i arbetet" };
    for (const [key, label] of Object.entries(questions)) {
      const value = followUp.satisfaction.averages?.[key];
      const counts = followUp.satisfaction.distribution?.[key];
      expect(value).toBeTypeOf("number");
      expect(counts?.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(spread.rows).toContainEqual([
        label,
        ...(counts ?? []).map(String),
        score.format(value as number),
      ]);
    }
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-training-follow-up-charts-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows NNS the requested periods as a timeline where the two that could share overlap", async () => {
    const system = systemContext(h.deps, "flows-test");
    const orgs = await h.t.db.ownerSql(
      "select id, slug from organizations where slug in ('halland', 'hoglandet')",
    );
    const date = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    for (const [slug, start, end, participants] of [
      ["halland", 200, 260, 8],
      ["hoglandet", 230, 300, 6],
    ] as const) {
      const ctx = await enterOrganization(system, String(orgs.find((r) => r.slug === slug)?.id));
      await submitTrainingRequest(ctx, {
        periodStart: date(start),
        periodEnd: date(end),
        expectedParticipants: participants,
        deliveryPreference: "digital",
        openToSharing: true,
        contactName: `Kontakt ${slug}`,
        contactEmail: `kontakt.${slug}@example.se`,
      });
    }
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByRole("heading", { level: 2, name: "Förslag på samordning" }).waitFor();
    const nnsId = /\/o\/([^/]+)/.exec(page.url())?.[1];
    const { data: requests } = await read<{
      data: {
        id: string;
        organization: { name: string };
        periodStart: string;
        periodEnd: string;
        expectedParticipants: number;
      }[];
    }>(page, `/orgs/${nnsId}/training-requests?status=submitted`);
    const { data: pairings } = await read<{
      data: { requestIds: string[]; overlap: { start: string; end: string } }[];
    }>(page, "/nns/training-pairings");
    expect(pairings.length).toBeGreaterThan(0);

    const timeline = await chart(page, "Önskade perioder");
    const sorted = [...requests].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    const nameOf = (id: string) => requests.find((r) => r.id === id)?.organization.name;
    expect(timeline.rows).toEqual(
      sorted.map((r) => {
        const overlaps = pairings
          .filter((p) => p.requestIds.includes(r.id))
          .map((p) => {
            const other = p.requestIds.find((id) => id !== r.id) as string;
            return `Överlappar med ${nameOf(other)} ${p.overlap.start} – ${p.overlap.end}`;
          });
        return [
          r.organization.name,
          `${r.periodStart} – ${r.periodEnd}`,
          String(r.expectedParticipants),
          overlaps.length > 0 ? overlaps.join("; ") : "–",
        ];
      }),
    );
    const pair = pairings[0] as { requestIds: string[]; overlap: { start: string; end: string } };
    expect(timeline.summary).toContain(
      `${nameOf(pair.requestIds[0] as string)} och ${nameOf(pair.requestIds[1] as string)} överlappar ${pair.overlap.start} – ${pair.overlap.end} och kan samordnas.`,
    );
    // The overlap is drawn as a band behind the bars, one per suggested pair.
    expect(await timeline.figure.locator(".recharts-reference-area").count()).toBe(pairings.length);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-request-timeline-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-request-timeline-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
