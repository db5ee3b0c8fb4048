import { LOCAL_RULE } from "../../i18n/problems";
import { ApiError } from "../../lib/api";

/**
 * Problems found before sending (an amount that is not kronor), as the same kind of error the API gives,
 * so that they show beside their fields and in the summary, and clear on the next edit, like the API's.
 */
export function localProblem(errors: Record<string, string>, detail: string): ApiError {
  return new ApiError({
    type: "about:blank",
    title: "Invalid input",
    status: 400,
    detail,
    code: "validation_failed",
    instance: "",
    requestId: "",
    errors: Object.entries(errors).map(([field, message]) => ({
      field: `body.${field}`,
      rule: LOCAL_RULE,
      message,
    })),
  });
}
