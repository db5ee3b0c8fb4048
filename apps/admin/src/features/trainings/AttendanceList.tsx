import { useState } from "react";
import { Input, SearchField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FeedbackRegion } from "../../components/Feedback";
import { CheckboxField } from "../../components/fields";
import { Button, FieldLabel } from "../../components/ui";
import "./i18n";
import "./attendance.css";

export interface AttendanceRow {
  registrationId: string;
  name: string;
  employer: string | null;
}

/**
 * The roster as a list made for a phone in one hand: each person is one wide row (name first, employer
 * under it) that ticks as a whole, a name filter for long lists, and the counts beside the save button,
 * which stays at the bottom of the screen while the list scrolls.
 */
export function AttendanceList({
  rows,
  present,
  onChange,
  locked,
  saving,
  status,
}: {
  rows: readonly AttendanceRow[];
  present: Record<string, boolean>;
  onChange: (next: Record<string, boolean>) => void;
  locked: boolean;
  saving: boolean;
  /** The outcome of the last save, shown in the save bar where the person is looking. */
  status: string | null;
}) {
  const { t } = useTranslation("trainings");
  const [query, setQuery] = useState("");
  const needle = query.trim().toLocaleLowerCase("sv");
  const shown = needle
    ? rows.filter((row) => `${row.name} ${row.employer ?? ""}`.toLocaleLowerCase("sv").includes(needle))
    : rows;
  const presentCount = rows.filter((row) => present[row.registrationId]).length;
  const setAll = (value: boolean) =>
    onChange({ ...present, ...Object.fromEntries(shown.map((row) => [row.registrationId, value])) });
  return (
    <>
      <div className="attendance-tools">
        <SearchField className="field attendance-search" value={query} onChange={setQuery}>
          <FieldLabel label={t("attendance.search")} />
          <Input className="field-input" />
        </SearchField>
        <div className="cell-actions">
          <Button variant="secondary" isDisabled={locked} onPress={() => setAll(true)}>
            {needle ? t("attendance.markShown") : t("attendance.markAll")}
          </Button>
          <Button variant="secondary" isDisabled={locked} onPress={() => setAll(false)}>
            {needle ? t("attendance.clearShown") : t("attendance.clearAll")}
          </Button>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t("attendance.noMatch", { query: query.trim() })}</p>
      ) : (
        <ul className="attendance-list" aria-label={t("attendance.listLabel")}>
          {shown.map((row) => (
            <li key={row.registrationId}>
              <CheckboxField
                isDisabled={locked}
                isSelected={present[row.registrationId] ?? false}
                onChange={(value) => onChange({ ...present, [row.registrationId]: value })}
              >
                <span className="attendance-person">
                  <span className="attendance-name">{row.name}</span>
                  {row.employer ? <span className="muted">{row.employer}</span> : null}
                </span>
                <span className="attendance-state" aria-hidden="true">
                  {present[row.registrationId] ? t("attendance.present") : t("attendance.absent")}
                </span>
              </CheckboxField>
            </li>
          ))}
        </ul>
      )}
      <div className="attendance-savebar">
        <p className="attendance-counts">
          <span>{t("attendance.presentCount", { count: presentCount })}</span>
          <span>{t("attendance.absentCount", { count: rows.length - presentCount })}</span>
        </p>
        {/* Focus moves to the outcome as after every other save; the bar keeps it on screen. */}
        <div className="attendance-status">
          <FeedbackRegion feedback={status ? { kind: "success", text: status } : null} />
        </div>
        <Button type="submit" isDisabled={saving || locked}>
          {t("attendance.save")}
        </Button>
      </div>
    </>
  );
}
