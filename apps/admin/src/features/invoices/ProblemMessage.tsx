import { useTranslation } from "react-i18next";
import { ApiError, localizedMessage } from "../../lib/api";
import "./i18n";

/**
 * Peppol's rule ids (BR-CO-10, PEPPOL-EN16931-R001, SE-R-005) are what a support person or the validation
 * report goes by, so they are shown; the platform's own rule names (seller_settings_missing) are not.
 */
const PEPPOL_RULE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/**
 * Why the API refused, in its own words (Swedish from the services), one line per named rule; announced
 * when it appears. Peppol findings carry their rule id.
 */
export function ProblemMessage({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation("invoices");
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const errors = problem?.errors ?? [];
  return (
    <div className="form-error" role="alert">
      <p className="form-error-title">{title}</p>
      {errors.length === 0 ? (
        <p>{problem?.detail ?? (error instanceof Error ? error.message : String(error))}</p>
      ) : (
        <ul>
          {errors.map((e) => (
            <li key={`${e.rule}:${e.message}`}>
              {localizedMessage(e.rule, e.message)}
              {PEPPOL_RULE.test(e.rule) ? (
                <>
                  {" "}
                  <span className="muted">({t("issue.rule", { rule: e.rule })})</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
