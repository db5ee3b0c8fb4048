import { useTranslation } from "react-i18next";
import type { Participant, Training } from "./api";
import "./i18n";

/**
 * Who waits for a seat, per session, in the order they will be offered one: a förbund sees its own people
 * with their place in the whole queue (which counts every förbund's), the owner sees everyone.
 */
export function WaitingLists({
  training,
  participants,
}: {
  training: Training;
  participants: readonly Participant[];
}) {
  const { t } = useTranslation("trainings");
  const lists = training.sessions
    .map((session) => ({
      session,
      waiting: participants
        .flatMap((participant) =>
          participant.registrations
            .filter((r) => r.sessionId === session.id && r.status === "waitlisted")
            .map((r) => ({ name: participant.name, position: r.waitingPosition ?? 0, id: r.id })),
        )
        .sort((a, b) => a.position - b.position),
    }))
    .filter((list) => list.waiting.length > 0);
  if (lists.length === 0) return null;
  return (
    <div className="waiting-lists">
      <h3 id="waiting-heading">{t("participants.waitingHeading")}</h3>
      {lists.map(({ session, waiting }) => (
        <section key={session.id} aria-label={`${t("participants.waitingHeading")}: ${session.title}`}>
          <p className="waiting-session">
            <strong>{session.title}</strong> {t("sessions.waiting", { count: session.waitlisted })}
          </p>
          <ol className="waiting-order">
            {waiting.map((entry) => (
              <li key={entry.id}>
                <span className="waiting-position">
                  {t("participants.waitingPosition", { position: entry.position })}
                </span>{" "}
                {entry.name}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
