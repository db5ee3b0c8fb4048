import { writeAudit } from "../audit.js";
import { type Deps, systemContext } from "../context.js";
import { eraseSubscriberRow, unsubscribeRow, withTokenSubscriber } from "./subscriber-records.js";
import { type SubscriberView, subscriberView } from "./subscribers.js";

/**
 * One-click unsubscribe (RFC 8058) from the link in `List-Unsubscribe`: no sign-in, no confirmation, and
 * the same again changes nothing. An erased subscriber counts as unsubscribed. Null for a forged link;
 * otherwise the publication's name when the subscriber still exists.
 */
export async function unsubscribeByToken(
  deps: Deps,
  token: string,
): Promise<{ publicationName: string | null } | null> {
  return withTokenSubscriber(deps, token, "unsubscribe", async (tx, found) => {
    if (found) await unsubscribeRow(tx, found.row);
    return { publicationName: found?.publicationName ?? null };
  });
}

/** Whether an unsubscribe link holds, for the page a GET shows (which never unsubscribes by itself). */
export async function unsubscribeLinkFor(
  deps: Deps,
  token: string,
): Promise<{ publicationName: string | null } | null> {
  return withTokenSubscriber(deps, token, "unsubscribe", async (_tx, found) => ({
    publicationName: found?.publicationName ?? null,
  }));
}

/** What the subscriber's own page shows: everything stored about them. Null when the link does not hold. */
export async function ownSubscriberData(
  deps: Deps,
  token: string,
): Promise<{ publicationName: string; subscriber: SubscriberView } | null> {
  return withTokenSubscriber(deps, token, "manage", async (_tx, found) =>
    found ? { publicationName: found.publicationName, subscriber: subscriberView(found.row) } : null,
  );
}

/** The subscriber erases themselves: only the address's hash stays, so they are never mailed again. */
export async function eraseOwnSubscriberData(deps: Deps, token: string): Promise<boolean> {
  const erased = await withTokenSubscriber(deps, token, "manage", async (tx, found) => {
    if (!found) return false;
    await writeAudit(tx, systemContext(deps, "prenumerantens egen länk"), found.row.organizationId, {
      action: "newsletter.subscriber_erased",
      entityType: "newsletter_subscriber",
      entityId: found.row.id,
      after: { publicationId: found.row.publicationId, by: "subscriber" },
    });
    await eraseSubscriberRow(tx, found.row);
    return true;
  });
  return erased ?? false;
}
