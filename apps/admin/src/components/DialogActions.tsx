import { useTranslation } from "react-i18next";
import { Button } from "./ui";
import "./DialogActions.css";

/**
 * The footer of every form dialog: Avbryt, then the action. The action submits the surrounding form, or
 * with `onConfirm` acts by itself (a confirmation without a form). While the request runs the button
 * is pending, not disabled: it keeps keyboard focus, screen readers hear that it is busy, and a second
 * press does nothing. `submitLabel` names what happens ("Skicka inbjudan"); the default is "Spara".
 */
export function DialogActions({
  onCancel,
  submitLabel,
  isPending = false,
  isDisabled = false,
  variant = "primary",
  onConfirm,
}: {
  onCancel: () => void;
  submitLabel?: string;
  isPending?: boolean;
  /** Nothing to send yet (e.g. no choice made); unlike pending, the button cannot be focused. */
  isDisabled?: boolean;
  variant?: "primary" | "danger";
  onConfirm?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <Button variant="secondary" onPress={onCancel}>
        {t("cancel")}
      </Button>
      {/* A pending submit button turns into a plain button, which would let Enter in a lone text field
          send the form again: a disabled default button stops that implicit submission. */}
      {isPending && !onConfirm ? <button type="submit" disabled hidden /> : null}
      <Button
        type={onConfirm ? "button" : "submit"}
        variant={variant}
        isPending={isPending}
        isDisabled={isDisabled}
        onPress={onConfirm}
      >
        {isPending ? <span className="spinner" aria-hidden="true" /> : null}
        {submitLabel ?? t("save")}
      </Button>
    </div>
  );
}
