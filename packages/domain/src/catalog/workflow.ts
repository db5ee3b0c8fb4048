import { AppError } from "../errors.js";

/**
 * The editorial workflow of an intervention's working copy:
 * draft → submitted → published → archived, with "returned with comments" back to an editable state.
 * Editing a published intervention starts a new draft; the published version stays public meanwhile.
 */
export const INTERVENTION_STATES = ["draft", "submitted", "returned", "published", "archived"] as const;
export type InterventionState = (typeof INTERVENTION_STATES)[number];

export type WorkflowAction = "edit" | "submit" | "withdraw" | "publish" | "return" | "archive";

export interface Publisher {
  /** NNS's editorial capability (`catalog:editorial`). */
  editorial: boolean;
  /** An administrator of the owning förbund, and NNS has granted that förbund self-publishing. */
  selfPublishing: boolean;
}

/**
 * Who may publish or return: NNS's editorial role, or a förbund's own administrators where NNS has
 * granted that förbund self-publishing.
 */
export function mayPublish(publisher: Publisher): boolean {
  return publisher.editorial || publisher.selfPublishing;
}

const FROM: Record<WorkflowAction, readonly InterventionState[]> = {
  edit: ["draft", "returned", "published"],
  submit: ["draft", "returned"],
  withdraw: ["submitted"],
  publish: ["submitted"],
  return: ["submitted"],
  archive: ["draft", "submitted", "returned", "published"],
};

const TO: Record<WorkflowAction, InterventionState | null> = {
  // An edit keeps a returned entry returned, so its comments stay in view until it is resubmitted.
  edit: null,
  submit: "submitted",
  withdraw: "draft",
  publish: "published",
  return: "returned",
  archive: "archived",
};

/** The state after `action`, or a 403/409 saying why it is not allowed. */
export function nextState(
  state: InterventionState,
  action: WorkflowAction,
  publisher: Publisher,
): InterventionState {
  if ((action === "publish" || action === "return") && !mayPublish(publisher)) {
    throw new AppError(
      "forbidden",
      "Publishing and returning are for NNS's editorial team, or the förbund's administrators when NNS has granted self-publishing.",
    );
  }
  // A self-publishing förbund publishes its own drafts without a separate submit step.
  const from =
    action === "publish" && publisher.selfPublishing ? [...FROM.publish, "draft", "returned"] : FROM[action];
  if (!from.includes(state)) {
    throw new AppError(
      "conflict",
      `An intervention that is ${state} cannot be given the action "${action}".`,
    );
  }
  if (action === "edit") return state === "published" ? "draft" : state;
  return TO[action] as InterventionState;
}
