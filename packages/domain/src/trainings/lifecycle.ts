import { AppError } from "../errors.js";

export const TRAINING_STATUSES = ["requested", "planned", "confirmed", "completed", "cancelled"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

const NEXT: Record<TrainingStatus, readonly TrainingStatus[]> = {
  requested: ["planned", "cancelled"],
  planned: ["confirmed", "cancelled"],
  confirmed: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export function canMove(from: TrainingStatus, to: TrainingStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: TrainingStatus, to: TrainingStatus): void {
  if (!canMove(from, to)) {
    throw new AppError("conflict", `A training that is ${from} cannot become ${to}.`);
  }
}

/** Participants may be registered once dates are planned, until the training is over. */
export function registrationOpen(status: TrainingStatus): boolean {
  return status === "planned" || status === "confirmed";
}
