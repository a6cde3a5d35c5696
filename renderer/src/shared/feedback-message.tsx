// The outcome of an action next to its button: a polite status on success, an alert on error.
/** What an action reports: shown beside the control that started it. */
export type Feedback = { kind: 'ok' | 'error'; message: string };

export function FeedbackMessage({ feedback }: { feedback: Feedback | undefined }) {
  if (!feedback) return null;
  return feedback.kind === 'ok' ? (
    <p className="feedback feedback-ok" role="status">
      {feedback.message}
    </p>
  ) : (
    <p className="feedback feedback-error" role="alert">
      {feedback.message}
    </p>
  );
}
