import { type ReactNode, useEffect } from "react";
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export function Button({
  variant = "primary",
  className,
  ...props
}: AriaButtonProps & { variant?: Variant }) {
  return <AriaButton {...props} className={`btn btn-${variant}${className ? ` ${className}` : ""}`} />;
}

/**
 * The small button of a table row or list entry. Its visible label is short ("Ta bort"), so
 * `aria-label` names what it acts on ("Ta bort Anna Svensson").
 */
export function RowButton({
  label,
  variant = "secondary",
  ...props
}: AriaButtonProps & { label: string; "aria-label": string; variant?: Variant }) {
  return (
    <Button {...props} variant={variant} className="btn-small">
      {label}
    </Button>
  );
}

/**
 * A field's label (with a visual * when required; the input itself carries `required`) and its optional
 * description, inside any react-aria field, which links both to the input.
 */
export function FieldLabel({
  label,
  description,
  isRequired,
}: {
  label: string;
  description?: string | undefined;
  isRequired?: boolean | undefined;
}) {
  return (
    <>
      <Label className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
    </>
  );
}

export interface TextFieldProps extends AriaTextFieldProps {
  label: string;
  description?: string;
  placeholder?: string;
}

/** A labelled input whose server-side error (react-aria Form validationErrors) appears beneath it. */
export function TextField({ label, description, placeholder, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <FieldLabel label={label} description={description} isRequired={props.isRequired} />
      <Input className="field-input" placeholder={placeholder} />
      <FieldError className="field-error" />
    </AriaTextField>
  );
}

/** Every page names itself in the browser tab (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("appName")}`;
  }, [title, t]);
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "success" | "warning" | "danger";
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
