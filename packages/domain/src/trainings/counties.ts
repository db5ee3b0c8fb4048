/**
 * Which län share a land border, by SCB länskod. Pairing suggests förbund in the same or a neighbouring
 * län, since a shared on-site training means travel. Gotland (09) has no land neighbour.
 */
const BORDERS: readonly (readonly [string, string])[] = [
  ["01", "03"],
  ["01", "04"],
  ["03", "19"],
  ["03", "20"],
  ["03", "21"],
  ["04", "05"],
  ["04", "18"],
  ["04", "19"],
  ["05", "06"],
  ["05", "08"],
  ["05", "18"],
  ["06", "07"],
  ["06", "08"],
  ["06", "13"],
  ["06", "14"],
  ["07", "08"],
  ["07", "10"],
  ["07", "12"],
  ["07", "13"],
  ["08", "10"],
  ["10", "12"],
  ["12", "13"],
  ["13", "14"],
  ["14", "17"],
  ["14", "18"],
  ["17", "18"],
  ["17", "20"],
  ["18", "19"],
  ["18", "20"],
  ["19", "20"],
  ["20", "21"],
  ["20", "23"],
  ["21", "22"],
  ["21", "23"],
  ["22", "23"],
  ["22", "24"],
  ["23", "24"],
  ["24", "25"],
];

const NEIGHBOURS = new Map<string, Set<string>>();
for (const [a, b] of BORDERS) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = NEIGHBOURS.get(from) ?? new Set<string>();
    set.add(to);
    NEIGHBOURS.set(from, set);
  }
}

export function neighbouringCounties(countyCode: string): ReadonlySet<string> {
  return NEIGHBOURS.get(countyCode) ?? new Set();
}

export type CountyRelation = "same" | "neighbouring" | "distant";

export function countyRelation(a: string | null, b: string | null): CountyRelation {
  if (!a || !b) return "distant";
  if (a === b) return "same";
  return neighbouringCounties(a).has(b) ? "neighbouring" : "distant";
}
