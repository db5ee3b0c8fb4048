import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import "./i18n";

/** The first and last day of the current month, Swedish time: the period most exports are for. */
function thisMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = today.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(last).padStart(2, "0")}` };
}

/**
 * NNS's exports for a period: a CSV that Swedish Excel opens, and SIE 4 for the bookkeeping. Plain links
 * with the session cookie: the API names the file, and the browser saves it.
 */
export function ExportSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation("invoices");
  const [period, setPeriod] = useState(thisMonth);
  const ids = { from: useId(), to: useId(), hint: useId() };
  // The bookkeeping file declares one fiscal year: the period must lie within a calendar year.
  const valid = Boolean(
    period.from && period.to && period.from <= period.to && period.from.slice(0, 4) === period.to.slice(0, 4),
  );
  const query = new URLSearchParams(period).toString();
  const base = `/v1/orgs/${orgId}/billing/exports`;

  return (
    <section className="card" aria-labelledby="invoice-exports-heading">
      <h2 id="invoice-exports-heading">{t("exports.heading")}</h2>
      <p className="muted" id={ids.hint}>
        {t("exports.intro")}
      </p>
      <div className="filter-row">
        <div className="field">
          <label className="field-label" htmlFor={ids.from}>
            {t("exports.from")}
          </label>
          <input
            id={ids.from}
            type="date"
            className="field-input"
            value={period.from}
            aria-describedby={ids.hint}
            onChange={(event) => setPeriod((p) => ({ ...p, from: event.target.value }))}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.to}>
            {t("exports.to")}
          </label>
          <input
            id={ids.to}
            type="date"
            className="field-input"
            value={period.to}
            aria-describedby={ids.hint}
            onChange={(event) => setPeriod((p) => ({ ...p, to: event.target.value }))}
          />
        </div>
      </div>
      {valid ? (
        <div className="cell-actions export-actions">
          <a className="btn btn-secondary" href={`${base}/invoices.csv?${query}`} download>
            {t("exports.csv")}
          </a>
          <a className="btn btn-secondary" href={`${base}/bookkeeping.sie?${query}`} download>
            {t("exports.sie")}
          </a>
        </div>
      ) : (
        <p className="notice">{t("exports.choosePeriod")}</p>
      )}
    </section>
  );
}
