import { useCallback, useEffect, useRef, useState } from "react";

export type Feedback = { kind: "success" | "error"; text: string } | null;

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

export function FeedbackRegion({ feedback }: { feedback: Feedback }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {feedback?.kind === "success" ? <p className="success">{feedback.text}</p> : null}
      </div>
      {feedback?.kind === "error" ? (
        <p role="alert" className="form-error">
          {feedback.text}
        </p>
      ) : null}
    </>
  );
}
