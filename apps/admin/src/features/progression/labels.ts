import type { TFunction } from "i18next";
import type { ChosenVersion } from "./types";

/** The age band a participant is counted in, as people read it; no band is "Okänd ålder". */
export function ageLabel(t: TFunction<"progression">, band: string | null): string {
  return t(`ageBand.${band ?? "unknown"}` as "ageBand.unknown");
}

/** "SKAPA (platshållare), version 1": how a chosen instrument version is named in lists and selects. */
export function versionLabel(t: TFunction<"progression">, version: ChosenVersion): string {
  return t("versionName", { name: version.instrumentName, number: version.number });
}
