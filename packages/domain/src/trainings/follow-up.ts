/**
 * The post-event survey (seed 000: "hur nöjda deltagarna är … via en digital efterenkät"). Questions are
 * data with stable keys, so answers stay comparable across events when the wording is refined.
 */
export const SURVEY_SCALE = { min: 1, max: 5 } as const;

export const SURVEY_QUESTIONS = [
  { key: "overall", text: "Hur nöjd är du med dagen som helhet?" },
  { key: "content", text: "Hur nöjd är du med innehållet?" },
  { key: "usefulness", text: "Hur användbart är det du fick med dig i ditt arbete?" },
  { key: "organisation", text: "Hur nöjd är du med upplägg och organisation?" },
] as const;
export type SurveyQuestionKey = (typeof SURVEY_QUESTIONS)[number]["key"];

export const GENDERS = ["woman", "man", "other"] as const;
export type Gender = (typeof GENDERS)[number];

export interface FollowUpParticipant {
  organizationId: string;
  gender: Gender | null;
  registered: boolean;
  attended: boolean;
}

export interface SurveyAnswer {
  organizationId: string;
  scores: Partial<Record<SurveyQuestionKey, number>>;
  comment: string | null;
}

export interface Satisfaction {
  responses: number;
  /** Null when fewer responses than the minimum group size: small groups could identify a person. */
  averages: Record<SurveyQuestionKey, number | null> | null;
  /** How many answered each score, lowest first (index 0 is score 1); null below the minimum group size. */
  distribution: Record<SurveyQuestionKey, number[]> | null;
  comments: string[] | null;
}

export interface FollowUpFigures {
  registered: number;
  attended: number;
  attendedWomen: number;
  attendedMen: number;
  attendedOtherOrNotStated: number;
  satisfaction: Satisfaction;
}

function averageOf(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function satisfaction(answers: readonly SurveyAnswer[], minGroupSize: number): Satisfaction {
  if (answers.length < minGroupSize) {
    return { responses: answers.length, averages: null, distribution: null, comments: null };
  }
  const scoresOf = (key: SurveyQuestionKey) =>
    answers.flatMap((a) => (a.scores[key] === undefined ? [] : [a.scores[key] as number]));
  const averages = Object.fromEntries(
    SURVEY_QUESTIONS.map((q) => [q.key, averageOf(scoresOf(q.key))]),
  ) as Record<SurveyQuestionKey, number | null>;
  const steps = Array.from(
    { length: SURVEY_SCALE.max - SURVEY_SCALE.min + 1 },
    (_, i) => SURVEY_SCALE.min + i,
  );
  const distribution = Object.fromEntries(
    SURVEY_QUESTIONS.map((q) => {
      const scores = scoresOf(q.key);
      return [q.key, steps.map((step) => scores.filter((value) => value === step).length)];
    }),
  ) as Record<SurveyQuestionKey, number[]>;
  return {
    responses: answers.length,
    averages,
    distribution,
    comments: answers.flatMap((a) => (a.comment?.trim() ? [a.comment.trim()] : [])),
  };
}

/** Seed 000's follow-up: registered, attended, women and men attending, and satisfaction. */
export function followUpFigures(
  participants: readonly FollowUpParticipant[],
  answers: readonly SurveyAnswer[],
  minGroupSize: number,
): FollowUpFigures {
  const attended = participants.filter((p) => p.attended);
  return {
    registered: participants.filter((p) => p.registered).length,
    attended: attended.length,
    attendedWomen: attended.filter((p) => p.gender === "woman").length,
    attendedMen: attended.filter((p) => p.gender === "man").length,
    attendedOtherOrNotStated: attended.filter((p) => p.gender !== "woman" && p.gender !== "man").length,
    satisfaction: satisfaction(answers, minGroupSize),
  };
}
