import { useEffect, useRef } from "react";
import { type Feedback, FeedbackRegion } from "./Feedback";
import "./FocusedFeedback.css";

/**
 * The outcome of an action, with keyboard focus moved onto it: after issuing an invoice or accepting, the button
 * pressed is gone or the dialog has closed, and the message is where the person should be looking next.
 */
export function FocusedFeedback({ feedback }: { feedback: Feedback }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (feedback) ref.current?.focus();
  }, [feedback]);
  return (
    <div ref={ref} tabIndex={-1} className="focused-feedback">
      <FeedbackRegion feedback={feedback} />
    </div>
  );
}
