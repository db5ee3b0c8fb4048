import type { Database } from "./client.js";

/**
 * A large published catalogue for benchmarks and search tests: `forbund` förbund with `perForbund`
 * published entries each, in Swedish, with kommuner of the förbund's län, target groups, methods, statuses
 * and periods drawn from a seeded generator, so every run gets the same catalogue.
 *
 * The entries are written with bulk SQL as the owner, not through the publishing service: the service
 * would take minutes for 12 000 entries, and only the shape of catalog_entries matters to a search.
 */

/** A small deterministic generator (a linear congruential one). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export const BULK_WORDS = {
  what: [
    "Arbetsträning",
    "Resursteam",
    "Stöd",
    "Vägledning",
    "Kartläggning",
    "Samverkan",
    "Coachning",
    "Praktik",
  ],
  who: [
    "för unga vuxna",
    "för nyanlända",
    "vid psykisk ohälsa",
    "för långtidssjukskrivna",
    "för föräldrar",
    "i grupp",
  ],
  text: [
    "Deltagarna får individuellt stöd på vägen mot arbete eller studier.",
    "Insatsen bygger på samverkan mellan Arbetsförmedlingen, Försäkringskassan, regionen och kommunen.",
    "Arbetet är lösningsfokuserat och använder motiverande samtal.",
    "Handledare följer deltagarnas progression med SKAPA.",
    "Ungdomar som varken arbetar eller studerar möts där de är.",
    "Arbetsträningen sker i kommunens verksamheter och hos privata arbetsgivare.",
  ],
};
export const BULK_TARGET_GROUPS = [
  "young_adults",
  "mental_ill_health",
  "long_term_sick",
  "newly_arrived",
  "income_support",
];
export const BULK_METHODS = [
  "solution_focused",
  "motivational_interviewing",
  "supported_employment_ips",
  "bip_skapa",
  "work_training",
];
const STATUSES = ["planned", "ongoing", "ended", "regular_operations"];

export async function seedBulkCatalog(
  db: Database,
  options: { forbund: number; perForbund: number; seed?: number },
): Promise<void> {
  const sql = db.ownerSql;
  const places = (await sql("select code, name, county_code from municipalities order by code")) as {
    code: string;
    name: string;
    county_code: string;
  }[];
  const byCounty = new Map<string, typeof places>();
  for (const p of places) byCounty.set(p.county_code, [...(byCounty.get(p.county_code) ?? []), p]);
  const countyCodes = [...byCounty.keys()];
  const countyNames = new Map(
    ((await sql("select code, name from counties")) as { code: string; name: string }[]).map((c) => [
      c.code,
      c.name,
    ]),
  );
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  for (let f = 0; f < options.forbund; f++) {
    const county = countyCodes[f % countyCodes.length] as string;
    const kommuner = byCounty.get(county) ?? [];
    const [org] = await sql(
      `insert into organizations (kind, name, slug, organization_number, county_code)
       values ('forbund', $1, $2, $3, $4) returning id`,
      [`Samordningsförbundet Bulk ${f}`, `bulk-${f}`, String(2_220_100_000 + f), county],
    );
    const orgId = String(org?.id);
    const rows = Array.from({ length: options.perForbund }, () => {
      const area = kommuner.filter(() => next() < 0.4).slice(0, 4);
      if (area.length === 0 && kommuner[0]) area.push(kommuner[0]);
      const title = `${pick(BULK_WORDS.what)} ${pick(BULK_WORDS.who)}`;
      const summary = pick(BULK_WORDS.text);
      const description = Array.from({ length: 4 }, () => pick(BULK_WORDS.text)).join(" ");
      const start = 2015 + Math.floor(next() * 11);
      const document = {
        title,
        summary,
        organization: { id: orgId, name: `Samordningsförbundet Bulk ${f}`, slug: `bulk-${f}` },
        orientation: next() < 0.8 ? "individual" : "structural",
        status: pick(STATUSES),
        startDate: next() < 0.9 ? `${start}-0${1 + Math.floor(next() * 9)}-01` : null,
        endDate: next() < 0.5 ? `${start + 2}-12-31` : null,
        area: { municipalities: area.map((m) => ({ code: m.code, name: m.name })), counties: [] },
        targetGroups: [],
      };
      return {
        organization_id: orgId,
        title,
        summary,
        description,
        place_names: [...area.map((m) => m.name), countyNames.get(county)].join(" "),
        orientation: document.orientation,
        focus_area: "vocational_rehabilitation",
        status: document.status,
        start_date: document.startDate,
        end_date: document.endDate,
        organization_ids: [orgId],
        county_codes: [county],
        municipality_codes: area.map((m) => m.code),
        target_groups: BULK_TARGET_GROUPS.filter(() => next() < 0.35),
        methods: BULK_METHODS.filter(() => next() < 0.35),
        member_parties: ["fk", "af", "region", "kommun"].filter(() => next() < 0.9),
        // Several entries share a publication time, as a bulk import would, so ids break ties.
        minutes: Math.floor(next() * options.perForbund * options.forbund),
        millis: next() < 0.5 ? 0 : Math.floor(next() * 1000),
        document,
      };
    });
    await sql(
      `with input as (select * from json_to_recordset($1::json) as r(
          organization_id uuid, title text, summary text, description text, place_names text, orientation text,
          focus_area text, status text, start_date date, end_date date, organization_ids uuid[], county_codes text[],
          municipality_codes text[], target_groups text[], methods text[], member_parties text[], minutes int, millis int,
          document jsonb)),
        created as (
          insert into interventions (organization_id, state, content, published_revision)
          select organization_id, 'published', document, 1 from input returning id),
        numbered_input as (select row_number() over () as n, * from input),
        numbered_created as (select row_number() over () as n, id from created)
       insert into catalog_entries (intervention_id, organization_id, revision, title, summary, description,
         place_names, orientation, focus_area, status, start_date, end_date, organization_ids, county_codes,
         municipality_codes, target_groups, methods, member_parties, document, results, first_published_at, updated_at)
       select c.id, i.organization_id, 1, i.title, i.summary, i.description, i.place_names, i.orientation, i.focus_area,
         i.status, i.start_date, i.end_date, i.organization_ids, i.county_codes, i.municipality_codes, i.target_groups,
         i.methods, i.member_parties, i.document || jsonb_build_object('id', c.id), '[]'::jsonb,
         date_trunc('minute', now()) - (i.minutes || ' minutes')::interval + (i.millis || ' milliseconds')::interval, now()
       from numbered_input i join numbered_created c using (n)`,
      [JSON.stringify(rows)],
    );
  }
  await sql("analyze catalog_entries");
}
