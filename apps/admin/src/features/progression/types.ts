import type { Schemas } from "@nns/api-client";

/** The progression API's shapes, as the generated client has them. */
export type Instrument = Schemas["ProgressionInstrument"];
export type InstrumentVersion = Schemas["ProgressionInstrumentVersion"];
export type InstrumentDefinition = Schemas["ProgressionInstrumentDefinition"];
export type InstrumentItem = Schemas["ProgressionInstrumentItem"];
export type ItemMapping = Schemas["ProgressionItemMapping"];
export type ChosenVersion = Schemas["ProgressionChosenInstrumentVersion"];
export type Participant = Schemas["ProgressionParticipant"];
export type ParticipantDetail = Schemas["ProgressionParticipantDetail"];
export type ParticipantInput = Schemas["ProgressionParticipantInput"];
export type ParticipantChange = Schemas["ProgressionParticipantChanges"];
export type Measurement = Schemas["ProgressionMeasurement"];
export type MeasurementInput = Schemas["ProgressionMeasurementInput"];
export type Comparison = Schemas["ProgressionComparison"];
export type DueOccasion = Schemas["ProgressionDueOccasion"];
export type SelfRatingLink = Schemas["ProgressionSelfRatingLink"];
export type ProgressionSettings = Schemas["ProgressionSettings"];
export type Report = Schemas["ProgressionReport"];
export type ReportOptions = Schemas["ProgressionReportOptions"];
export type ActivityCell = Schemas["ProgressionActivityCell"];
export type GroupFiguresView = Schemas["ProgressionGroupFigures"];
export type ItemFigures = Schemas["ProgressionItemFigures"];

export type Gender = Participant["gender"];
export type Respondent = Measurement["respondent"];
export type Occasion = ParticipantDetail["occasions"][number]["occasions"][number];
export type Scope = Report["scope"];
export type Dimension = Report["dimension"];

export interface ReportQuery {
  scope: Scope;
  interventionId?: string;
  instrumentVersionId: string;
  respondent: Respondent;
  dimension: Dimension;
}
