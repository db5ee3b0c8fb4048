import { createContext, type Ref, useCallback, useEffect, useMemo, useRef } from "react";
import { Form, type FormProps } from "react-aria-components";
import { fieldErrors } from "../lib/api";

/** The errors a ServerForm marks on its fields, so that its FormError summarises exactly those. */
export const MarkedErrors = createContext<Record<string, string> | null>(null);

/**
 * A form whose submit goes to the API: problem+json field errors show next to their fields, and all of
 * them clear as soon as the person edits anything. (react-aria would clear a field's server error only on
 * blur, so the layout jumped under the pointer of someone pressing the submit button.) A form whose
 * fields are not named like the API's (`body.x`) passes its own `validationErrors`, made from the same
 * error or from its own checks; where it passes an API error on unchanged, the form's reading of it (an
 * empty field asks to be filled in) is used instead.
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
  // Read once per error, from the form as it was sent: editing clears the error before the values change.
  const inForm = useMemo(() => fieldErrors(error, local.current), [error]);
  const marked = useMemo(() => {
    if (!validationErrors) return inForm;
    const plain = fieldErrors(error);
    const out: Record<string, string> = {};
    for (const [name, message] of Object.entries(validationErrors)) {
      const text = Array.isArray(message) ? message.join(" ") : message;
      out[name] = text === plain[name] && inForm[name] !== undefined ? inForm[name] : text;
    }
    return out;
  }, [validationErrors, error, inForm]);
  return (
    <MarkedErrors value={marked}>
      <Form {...props} ref={setRef} validationBehavior="aria" validationErrors={marked} />
    </MarkedErrors>
  );
}
