import {
  BENEFIT_TYPES,
  type BenefitType,
  isPeriod,
  STATISTICS_GENDERS,
  type StatisticsGender,
} from "@nns/domain/statistics";

/** What the needs analysis shows, in the page's address so a view can be bookmarked or sent to a board. */
export interface StatisticsSearch {
  /** A förbund's slug; NNS chooses, a förbund sees its own without it. */
  forbund?: string;
  period?: string;
  age?: string;
  gender?: StatisticsGender;
  benefit?: BenefitType;
  trend?: "year" | "month";
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AGE = /^\d{2}-\d{2}$/;

/** The route's search validation: anything unknown is dropped, so an edited address shows the defaults. */
export function statisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  // The router reads `?period=2024` as the number 2024.
  const text = (value: unknown) =>
    typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  const forbund = text(search.forbund);
  const period = text(search.period);
  const age = text(search.age);
  const gender = STATISTICS_GENDERS.find((g) => g === search.gender);
  const benefit = BENEFIT_TYPES.find((b) => b === search.benefit);
  const trend = search.trend === "year" || search.trend === "month" ? search.trend : undefined;
  return {
    ...(SLUG.test(forbund) ? { forbund } : {}),
    ...(isPeriod(period) ? { period } : {}),
    ...(AGE.test(age) ? { age } : {}),
    ...(gender ? { gender } : {}),
    ...(benefit ? { benefit } : {}),
    ...(trend ? { trend } : {}),
  };
}
