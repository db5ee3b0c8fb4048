import { TRAINING_STEP_MAX_PARTICIPANTS } from "./pairing.js";

/** The template step of the training in progression measurement (step 4), the one with a cap. */
export const TRAINING_STEP_KEY = "training";

/**
 * Seats a session offers beyond the training step's cap (seed 003: "max 25 personer/tillfälle"), which
 * NNS may still give after confirming, priced as extra participants (decision 0028). 0 for the other
 * steps and for sessions without a capacity.
 */
export function seatsAboveStepCap(session: { stepKey: string | null; capacity: number | null }): number {
  if (session.stepKey !== TRAINING_STEP_KEY || session.capacity === null) return 0;
  return Math.max(0, session.capacity - TRAINING_STEP_MAX_PARTICIPANTS);
}
