import type { InstrumentDefinition } from "@nns/domain";

/**
 * A stand-in for SKAPA (Skattning av progression mot arbete), shaped like it: nine questions to the
 * participant and eleven to the handledare, on a 1–5 scale, about every three months. SKAPA's official
 * wording is not public here, so every label says it is a placeholder; NNS replaces it by importing the
 * real version (docs/progression-instruments.md). The instrument row is marked `placeholder`, and every
 * screen and export that shows it says so.
 */
export const PLACEHOLDER_SKAPA = {
  key: "skapa",
  name: "SKAPA (platshållare)",
  description:
    "Platshållare med påhittade formuleringar i SKAPA:s form (9 frågor till deltagaren, 11 till handledaren, skala 1–5). NNS ersätter den med den officiella versionen.",
} as const;

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 3, label: "Stämmer delvis" },
    { value: 5, label: "Stämmer helt" },
  ],
};

const both = (code: string, group: string, label: string, participant: string, coach: string) => ({
  code,
  group,
  label: `${label} (platshållare)`,
  questions: { participant: `[Platshållare] ${participant}`, coach: `[Platshållare] ${coach}` },
  scale,
  direction: "higher_is_better" as const,
});

const coachOnly = (code: string, group: string, label: string, coach: string) => ({
  code,
  group,
  label: `${label} (platshållare)`,
  questions: { coach: `[Platshållare] ${coach}` },
  scale,
  direction: "higher_is_better" as const,
});

export const PLACEHOLDER_SKAPA_DEFINITION: InstrumentDefinition = {
  items: [
    both(
      "S1",
      "Arbete",
      "Söka arbete",
      "Jag vet hur jag söker arbete.",
      "Deltagaren vet hur hen söker arbete.",
    ),
    both(
      "S2",
      "Arbete",
      "Mål",
      "Jag har ett mål med arbete eller studier.",
      "Deltagaren har ett mål med arbete eller studier.",
    ),
    both(
      "S3",
      "Hälsa",
      "Hälsa",
      "Min hälsa hindrar mig inte från att arbeta.",
      "Deltagarens hälsa hindrar inte arbete.",
    ),
    both(
      "S4",
      "Hälsa",
      "Ork",
      "Jag orkar hålla en vardag med fasta tider.",
      "Deltagaren orkar hålla fasta tider.",
    ),
    both(
      "S5",
      "Vardag",
      "Vardag",
      "Jag klarar min vardag (boende, ekonomi, resor).",
      "Deltagaren klarar sin vardag.",
    ),
    both(
      "S6",
      "Samspel",
      "Samarbete",
      "Jag fungerar bra tillsammans med andra.",
      "Deltagaren samarbetar bra med andra.",
    ),
    both(
      "S7",
      "Samspel",
      "Stöd",
      "Jag har personer som stöttar mig.",
      "Deltagaren har ett stödjande nätverk.",
    ),
    both(
      "S8",
      "Tro på framtiden",
      "Självtillit",
      "Jag tror på min egen förmåga.",
      "Deltagaren tror på sin förmåga.",
    ),
    both(
      "S9",
      "Tro på framtiden",
      "Framtid",
      "Jag tror att jag kommer att få ett arbete.",
      "Deltagaren ser själv en väg till arbete.",
    ),
    coachOnly("H10", "Arbete", "Arbetsförmåga", "Deltagaren skulle klara ett arbete med stöd i dag."),
    coachOnly(
      "H11",
      "Tro på framtiden",
      "Handledarens tro på arbete",
      "Jag tror att deltagaren kommer att få ett arbete.",
    ),
  ],
};
