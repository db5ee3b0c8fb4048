import { useTranslation } from "react-i18next";
import { PEPPOL_RULE } from "../../i18n/problems";
import { ApiError, fieldErrorText, problemText } from "../../lib/api";
import "./i18n";

/**
 * Why the API refused, one line per named rule; announced when it appears. Peppol findings carry their
 * rule id (BR-CO-10, PEPPOL-EN16931-R001, SE-R-005): it is what a support person or the validation report
 * goes by, unlike the platform's own rule names (seller_settings_missing), which are not shown.
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
        <p>{problemText(error)}</p>
      ) : (
        <ul>
          {errors.map((e) => (
            <li key={`${e.rule}:${e.message}`}>
              {fieldErrorText(e)}
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
