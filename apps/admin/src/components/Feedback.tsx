import { useCallback, useEffect, useRef, useState } from "react";
import "./Feedback.css";

/**
 * `keepFocus`: the control acted on keeps focus (a move button that follows its item through a list),
 * and the message is only announced; otherwise focus moves to the message.
 */
export type Feedback = { kind: "success" | "error"; text: string; keepFocus?: boolean } | null;

/**
 * One place on the page for the outcome of an action: successes in a polite status region (present
 * from the start, so screen readers announce changes), failures as an alert. The text is set a moment
 * after the action so that it is announced even when a dialog has just closed and the page stopped
 * being aria-hidden, and so that the same message twice is announced twice.
 */
export function useFeedback() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const show = useCallback((next: Feedback) => {
    window.clearTimeout(timer.current);
    setFeedback(null);
    if (next) timer.current = window.setTimeout(() => setFeedback(next), 60);
  }, []);
  return { feedback, show };
}

/**
 * The outcome, with keyboard focus moved onto it (which scrolls it into view): after a submit the message
 * may be far above the button pressed, the button may be gone with its row, or the dialog has closed, and
 * the message is where the person should be looking next. Focus moves when the message changes, not on
 * every render of the same one.
 */
export function FeedbackRegion({ feedback }: { feedback: Feedback }) {
  const ref = useRef<HTMLDivElement>(null);
  const kind = feedback?.kind;
  const text = feedback?.text;
  const keepFocus = feedback?.keepFocus ?? false;
  useEffect(() => {
    if (kind && text && !keepFocus) ref.current?.focus();
  }, [kind, text, keepFocus]);
  return (
    <div ref={ref} tabIndex={-1} className="feedback">
      <div role="status" aria-live="polite">
        {kind === "success" ? <p className="success">{text}</p> : null}
      </div>
      {kind === "error" ? (
        <p role="alert" className="form-error">
          {text}
        </p>
      ) : null}
    </div>
  );
}
