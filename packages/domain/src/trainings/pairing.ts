import { type CountyRelation, countyRelation } from "./counties.js";

export interface PairableRequest {
  id: string;
  organizationId: string;
  countyCode: string | null;
  periodStart: string;
  periodEnd: string;
  expectedParticipants: number;
  deliveryPreference: "digital" | "on_site" | "either";
  openToSharing: boolean;
}

export interface PairingSuggestion {
  requestIds: [string, string];
  countyRelation: Exclude<CountyRelation, "distant">;
  /** The period both förbund can do, inclusive. */
  overlap: { start: string; end: string };
  overlapDays: number;
  combinedParticipants: number;
  deliveryPreference: "digital" | "on_site" | "either";
}

/** The most participants in the training step per occasion (seed 003: max 25 per tillfälle). */
export const TRAINING_STEP_MAX_PARTICIPANTS = 25;

function days(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

function combinedPreference(
  a: PairableRequest["deliveryPreference"],
  b: PairableRequest["deliveryPreference"],
): PairingSuggestion["deliveryPreference"] | null {
  if (a === "either") return b;
  if (b === "either" || a === b) return a;
  return null;
}

/**
 * Pairs of open requests that could share one training: both open to sharing, from different förbund in
 * the same or a neighbouring län, with overlapping wished periods and compatible delivery preferences.
 * Best first: same län before neighbouring, then the longer overlap, then combined participants closest
 * to a full training step, then request ids so that the order is stable.
 */
export function suggestPairings(requests: readonly PairableRequest[]): PairingSuggestion[] {
  const suggestions: PairingSuggestion[] = [];
  for (let i = 0; i < requests.length; i++) {
    for (let j = i + 1; j < requests.length; j++) {
      const a = requests[i] as PairableRequest;
      const b = requests[j] as PairableRequest;
      if (!a.openToSharing || !b.openToSharing || a.organizationId === b.organizationId) continue;
      const relation = countyRelation(a.countyCode, b.countyCode);
      if (relation === "distant") continue;
      // ISO dates order as text (Math.max/min would turn them into NaN): the later start, the earlier end.
      const start = [a.periodStart, b.periodStart].sort()[1] as string;
      const end = [a.periodEnd, b.periodEnd].sort()[0] as string;
      if (start > end) continue;
      const deliveryPreference = combinedPreference(a.deliveryPreference, b.deliveryPreference);
      if (!deliveryPreference) continue;
      const [first, second] = a.id < b.id ? [a, b] : [b, a];
      suggestions.push({
        requestIds: [first.id, second.id],
        countyRelation: relation,
        overlap: { start, end },
        overlapDays: days(start, end),
        combinedParticipants: a.expectedParticipants + b.expectedParticipants,
        deliveryPreference,
      });
    }
  }
  const fit = (s: PairingSuggestion) => Math.abs(TRAINING_STEP_MAX_PARTICIPANTS - s.combinedParticipants);
  return suggestions.sort(
    (x, y) =>
      (x.countyRelation === y.countyRelation ? 0 : x.countyRelation === "same" ? -1 : 1) ||
      y.overlapDays - x.overlapDays ||
      fit(x) - fit(y) ||
      x.requestIds.join().localeCompare(y.requestIds.join()),
  );
}
