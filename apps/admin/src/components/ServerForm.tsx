import { type Ref, useCallback, useEffect, useRef } from "react";
import { Form, type FormProps } from "react-aria-components";
import { fieldErrors } from "../lib/api";

/**
 * A form whose submit goes to the API: problem+json field errors show next to their fields, and all of
 * them clear as soon as the person edits anything. (react-aria would clear a field's server error only on
 * blur, so the layout jumped under the pointer of someone pressing the submit button.) A form whose
 * fields are not named like the API's (`body.x`) passes its own `validationErrors`, made from the same error.
 */
export function ServerForm({
  error,
  onEdit,
  ref,
  validationErrors,
  ...props
}: FormProps & { error: unknown; onEdit: () => void; ref?: Ref<HTMLFormElement> }) {
  const local = useRef<HTMLFormElement | null>(null);
  const setRef = useCallback(
    (node: HTMLFormElement | null) => {
      local.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  useEffect(() => {
    const form = local.current;
    if (!form || !error) return;
    form.addEventListener("input", onEdit, { once: true });
    return () => form.removeEventListener("input", onEdit);
  }, [error, onEdit]);
  return (
    <Form
      {...props}
      ref={setRef}
      validationBehavior="aria"
      validationErrors={validationErrors ?? fieldErrors(error)}
    />
  );
}
