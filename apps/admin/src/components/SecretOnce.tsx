import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./ui";

/**
 * A secret the API shows this once (a new API key, a webhook signing secret): the warning as an alert,
 * the secret itself, and a copy button that gets focus, with the outcome in a status region. The secret
 * lives only in the caller's state, so closing what holds it forgets it for good.
 */
export function SecretOnce({
  warning,
  label,
  secret,
  copyLabel,
}: {
  warning: string;
  /** Says what the secret is for, e.g. "Ny API-nyckel för Kommunens system:". */
  label: string;
  secret: string;
  /** The copy button's accessible name, naming the thing copied ("Kopiera nyckeln"). */
  copyLabel: string;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <p className="notice" role="alert">
        {warning}
      </p>
      <p>{label}</p>
      <div className="secret">
        <code>{secret}</code>
      </div>
      <div className="dialog-actions" style={{ justifyContent: "flex-start", alignItems: "center" }}>
        <Button
          variant="secondary"
          aria-label={copyLabel}
          autoFocus
          onPress={() => {
            setCopy("idle");
            navigator.clipboard.writeText(secret).then(
              () => setCopy("copied"),
              () => setCopy("failed"),
            );
          }}
        >
          {t("secret.copy")}
        </Button>
        <span role="status">
          {copy === "copied" ? t("secret.copied") : copy === "failed" ? t("secret.copyFailed") : ""}
        </span>
      </div>
    </>
  );
}
