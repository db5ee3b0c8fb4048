import type {
  Dimension,
  GroupFigures,
  InstrumentDefinition,
  InstrumentItem,
  ItemFigures,
  Occasion,
  Respondent,
} from "@nns/domain";

/**
 * The progression API's shapes (docs/progression-*.md). Written before the API was merged; the integrator
 * replaces these with the generated @nns/api-client Schemas once it is.
 */
export type { Dimension, InstrumentDefinition, InstrumentItem, ItemFigures, Occasion, Respondent };

export type VersionStatus = "draft" | "published" | "retired";

export interface InstrumentVersionSummary {
  id: string;
  number: number;
  status: VersionStatus;
  publishedAt: string | null;
  itemCount: number;
  participantItemCount: number;
  coachItemCount: number;
}

export interface ChosenVersion extends InstrumentVersionSummary {
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
}

export interface Instrument {
  id: string;
  key: string;
  name: string;
  description: string | null;
  national: boolean;
  placeholder: boolean;
  owner: { id: string; name: string };
  isOwn: boolean;
  archivedAt: string | null;
  version: number;
  versions: InstrumentVersionSummary[];
  createdAt: string;
  updatedAt: string;
}

export interface InstrumentVersion extends InstrumentVersionSummary {
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
  definition: InstrumentDefinition;
  changeNote: string | null;
  version: number;
}

/** Which item of an older version answers to which item of this one. */
export interface ItemMapping {
  fromVersionId: string;
  fromVersionNumber: number;
  toVersionId: string;
  items: { from: string; to: string }[];
}

export type Gender = "woman" | "man" | "other" | "not_stated";

export interface Participant {
  id: string;
  code: string;
  intervention: { id: string; name: string };
  coach: { id: string; name: string } | null;
  gender: Gender;
  birthYear: number | null;
  ageBand: string | null;
  startDate: string;
  endDate: string | null;
  outcome: string | null;
  status: "active" | "ended";
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantDetail extends Participant {
  instruments: ChosenVersion[];
  occasions: { instrumentVersionId: string; respondent: Respondent; occasions: Occasion[] }[];
  measurementCount: number;
}

export interface ParticipantInput {
  interventionId: string;
  coachUserId?: string;
  gender: Gender;
  birthYear?: number;
  ageBand?: string;
  startDate: string;
}

export interface ParticipantChange {
  coachUserId?: string;
  endDate?: string | null;
  outcome?: string | null;
}

export interface Measurement {
  id: string;
  participantId: string;
  instrumentVersionId: string;
  instrument: { id: string; name: string; versionNumber: number; placeholder: boolean };
  respondent: Respondent;
  measuredOn: string;
  answers: Record<string, number>;
  comment: string | null;
  source: "coach" | "self_rating";
  recordedBy: { id: string; name: string } | null;
  createdAt: string;
}

export interface MeasurementInput {
  instrumentVersionId: string;
  respondent: Respondent;
  measuredOn: string;
  answers: Record<string, number>;
  comment?: string;
}

interface ComparisonEnd {
  measurementId: string;
  measuredOn: string;
  instrumentVersionId: string;
  versionNumber: number;
}

export interface Comparison {
  participantId: string;
  respondent: Respondent;
  from: ComparisonEnd;
  to: ComparisonEnd;
  items: {
    code: string;
    label: string;
    group: string;
    min: number;
    max: number;
    direction: "higher_is_better" | "lower_is_better";
    from: number;
    to: number;
    change: number;
  }[];
  unmappedItems: string[];
}

/** An open occasion of one of the caller's participants (GET /progression/due). */
export interface DueOccasion {
  participantId: string;
  code: string;
  intervention: { id: string; name: string };
  coach: { id: string; name: string } | null;
  instrumentVersionId: string;
  instrumentName: string;
  placeholder: boolean;
  respondent: Respondent;
  kind: Occasion["kind"];
  dueOn: string;
  state: "overdue" | "due" | "upcoming";
}

export interface AccessLogEntry {
  id: string;
  participantId: string | null;
  participantCode: string;
  action: "list" | "read" | "record" | "export" | "self_rating_link" | "erase";
  actor: { type: "user" | "api_key" | "system"; id: string | null; name: string };
  at: string;
}

export interface SelfRatingLink {
  id: string;
  url: string;
  expiresAt: string;
}

export interface ProgressionSettings {
  retentionMonths: number;
}

export type Scope = "national" | "organization" | "intervention";

export interface ActivityCell {
  group: string | null;
  label: string;
  suppressed: boolean;
  participants: number | null;
  measuredParticipants: number | null;
  measurements: number | null;
}

export type GroupFiguresView = GroupFigures & { label: string };

export interface Report {
  scope: Scope;
  intervention: { id: string; name: string } | null;
  instrument: { id: string; name: string; placeholder: boolean; versionId: string; versionNumber: number };
  respondent: Respondent;
  dimension: Dimension;
  minGroupSize: number;
  improvementThresholdSteps: number;
  generatedAt: string;
  activity: { total: ActivityCell; groups: ActivityCell[] };
  total: GroupFiguresView;
  groups: GroupFiguresView[];
}

export interface ReportQuery {
  scope: Scope;
  interventionId?: string;
  instrumentVersionId: string;
  respondent: Respondent;
  dimension: Dimension;
}

export interface ReportOptions {
  /** Versions with readings in reach, and whose readings (respondents) there are. */
  instruments: (ChosenVersion & { respondents: Respondent[] })[];
  interventions: { id: string; name: string }[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
