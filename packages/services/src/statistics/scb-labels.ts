import { COUNTIES, MUNICIPALITIES } from "@nns/db/reference";
import { ALL_AGES, type BenefitType, isPeriod, type StatisticsGender } from "@nns/domain";

/**
 * The words in SCB's downloads of the helårsekvivalenter table (PxWeb), read the way a person would:
 * case, dashes and spacing do not matter, and the labels SCB has used over the years all count.
 */

/** Lower case, one kind of dash, single spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

export type Dimension = "region" | "gender" | "age" | "benefit" | "period" | "content";
export type Measure = "fye" | "population" | "share";

const DIMENSION_HEADERS: [RegExp, Dimension][] = [
  [/^(region|kommun|län|område)$/, "region"],
  [/^kön$/, "gender"],
  [/^(ålder|åldersgrupp|åldersklass)$/, "age"],
  [/^(ersättning|ersättningstyp|ersättningsform|ersättningsslag|förmån)$/, "benefit"],
  [/^(tid|år|månad|period|år och månad)$/, "period"],
  [/^(tabellinnehåll|innehåll)$/, "content"],
];

/** A content label (a column header's, or a `tabellinnehåll` cell's) → what it measures. */
export function measureOf(text: string): Measure | null {
  const t = normalise(text);
  if (/helårsekvivalent/.test(t)) return "fye";
  if (/befolkning|folkmängd|invånare/.test(t)) return "population";
  if (/andel|procent/.test(t)) return "share";
  return null;
}

const PERIOD_TOKEN = /(?:^|\s)(\d{4}(?:m\d{2})?)(?:\s|$)/;

export type ColumnRole =
  | { kind: "dimension"; dimension: Dimension }
  | { kind: "value"; measure: Measure | null; period: string | null }
  | { kind: "ignored" };

/**
 * A header cell: a dimension (`region`, `kön`, …), a value column of one measure and perhaps one period
 * (`Helårsekvivalenter`, `Helårsekvivalenter 2020`, `2020M05 Befolkning`, a bare `2020` beside a
 * `tabellinnehåll` column), or something else.
 */
export function columnRole(header: string): ColumnRole {
  const t = normalise(header);
  for (const [pattern, dimension] of DIMENSION_HEADERS) {
    if (pattern.test(t)) return { kind: "dimension", dimension };
  }
  const periodMatch = PERIOD_TOKEN.exec(t);
  const period = periodMatch ? (periodMatch[1] as string).toUpperCase() : null;
  const measure = measureOf(period ? t.replace(periodMatch?.[1] as string, " ") : t);
  if (measure || (period && isPeriod(period))) return { kind: "value", measure, period };
  return { kind: "ignored" };
}

export type RegionCell =
  | { level: "municipality"; code: string; name: string | null }
  | { level: "county"; code: string; name: string | null }
  | { level: "country"; code: "00"; name: string | null };

/** `0114 Upplands Väsby`, `0114`, `01 Stockholms län`, `00 Riket`, `Riket`; null when it is none of them. */
export function regionCell(text: string): RegionCell | null {
  const t = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (/^riket$/i.test(t)) return { level: "country", code: "00", name: t };
  const match = /^(\d{2}|\d{4})(?: (.+))?$/.exec(t);
  if (!match) return null;
  const code = match[1] as string;
  const name = match[2] ?? null;
  if (code.length === 4) return { level: "municipality", code, name };
  if (code === "00") return { level: "country", code, name };
  return { level: "county", code, name };
}

const GENDERS: Record<string, StatisticsGender> = {
  män: "men",
  man: "men",
  "1": "men",
  kvinnor: "women",
  kvinna: "women",
  "2": "women",
  totalt: "total",
  "män och kvinnor": "total",
  "kvinnor och män": "total",
  samtliga: "total",
  "båda könen": "total",
  "1+2": "total",
};

export function genderOf(text: string): StatisticsGender | null {
  return GENDERS[normalise(text)] ?? null;
}

/** `20-64 år`, `20–29 år`, `20-64` → `20-64`; `totalt` is the whole working-age population. */
export function ageGroupOf(text: string): string | null {
  const t = normalise(text);
  if (t === "totalt" || t === "samtliga") return ALL_AGES;
  const match = /^(\d{2}) ?- ?(\d{2})(?: ?år)?$/.exec(t);
  return match ? `${match[1]}-${match[2]}` : null;
}

const BENEFITS: Record<string, BenefitType> = {
  sjukpenning: "sickness_benefit",
  "sjukpenning och rehabiliteringspenning": "sickness_benefit",
  "sjuk- och aktivitetsersättning": "sickness_activity_compensation",
  "sjuk och aktivitetsersättning": "sickness_activity_compensation",
  "sjukersättning och aktivitetsersättning": "sickness_activity_compensation",
  arbetslöshetsersättning: "unemployment_benefit",
  "ersättning vid arbetslöshet": "unemployment_benefit",
  arbetsmarknadsåtgärder: "labour_market_programmes",
  "arbetsmarknadspolitiska program": "labour_market_programmes",
  "arbetsmarknadspolitiska åtgärder": "labour_market_programmes",
  "ekonomiskt bistånd": "income_support",
  försörjningsstöd: "income_support",
  etableringsersättning: "establishment_benefit",
  totalt: "total",
  samtliga: "total",
  "samtliga ersättningar": "total",
  "totalt samtliga ersättningar": "total",
  "helårsekvivalenter totalt": "total",
};

/** A benefit label, with or without SCB's code in front (`SJP Sjukpenning`). */
export function benefitOf(text: string): BenefitType | null {
  const t = normalise(text);
  return BENEFITS[t] ?? BENEFITS[t.replace(/^\S+ /, "")] ?? null;
}

/** SCB's marks for a value that is missing or withheld. */
const MISSING = new Set(["", "..", ".", "-", "…"]);

export type NumberCell = { ok: true; value: number | null } | { ok: false };

/**
 * A number as SCB or a spreadsheet in a Swedish locale writes it: decimal comma or point, spaces
 * (also non-breaking) between thousands; `..`, `.`, `-` or nothing is missing.
 */
export function numberOf(cell: string | number): NumberCell {
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  if (/^\d+$/.test(cell)) return { ok: true, value: Number(cell) };
  const t = normalise(cell).replace(/ /g, "");
  if (MISSING.has(t)) return { ok: true, value: null };
  const comma = t.lastIndexOf(",");
  const dot = t.lastIndexOf(".");
  // With both marks the later one is the decimal sign and the other separates thousands.
  const decimal = comma > dot ? "," : ".";
  const thousands = decimal === "," ? "." : ",";
  let digits = t;
  if (comma >= 0 && dot >= 0) digits = t.split(thousands).join("");
  else if (decimal === "." && t.split(".").length > 2) digits = t.split(".").join("");
  digits = digits.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return { ok: false };
  return { ok: true, value: Number(digits) };
}

const MUNICIPALITY_NAMES = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
const COUNTY_NAMES = new Map(COUNTIES.map((c) => [c.code, c.name]));

export type DimensionRead = { ok: true; value: string; region?: RegionCell } | { ok: false; message: string };

/** One dimension cell read, or why it cannot be: the Swedish message a row error carries. */
export function readDimension(dimension: Dimension, value: string): DimensionRead {
  const either = (read: string | null, message: string): DimensionRead =>
    read ? { ok: true, value: read } : { ok: false, message };
  switch (dimension) {
    case "region": {
      const region = regionCell(value);
      const message = regionProblem(region);
      return message || !region
        ? { ok: false, message: message ?? "" }
        : { ok: true, value: region.code, region };
    }
    case "gender":
      return either(genderOf(value), "Okänt kön: använd ”män”, ”kvinnor” eller ”totalt”.");
    case "age":
      return either(ageGroupOf(value), "Okänd åldersgrupp: skriv den som ”20-64 år”.");
    case "benefit":
      return either(benefitOf(value), "Okänd ersättning.");
    case "period": {
      const period = value.toUpperCase();
      return either(
        isPeriod(period) ? period : null,
        "Okänd period: skriv år som ”2020” och månader som ”2020M05”.",
      );
    }
    case "content":
      return either(
        measureOf(value),
        "Okänt tabellinnehåll: väntade helårsekvivalenter, befolkning eller andel.",
      );
  }
}

function regionProblem(region: RegionCell | null): string | null {
  if (!region) return "Okänd region: skriv kommunkoden först, till exempel ”0114 Upplands Väsby”.";
  if (region.level === "country") return null;
  const names = region.level === "municipality" ? MUNICIPALITY_NAMES : COUNTY_NAMES;
  const known = names.get(region.code);
  const word = region.level === "municipality" ? "kommunkod" : "länskod";
  if (!known) return `Okänd ${word} ${region.code}.`;
  if (region.name && normalise(region.name) !== normalise(known))
    return `${word[0]?.toUpperCase()}${word.slice(1)} ${region.code} är ${known}, inte ${region.name}.`;
  return null;
}
