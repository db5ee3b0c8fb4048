import { newsletterDeliveries, transaction } from "@nns/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Deps } from "../context.js";

/** Sent rows waiting to be marked beyond this many are marked at once, whatever the flush interval. */
const FLUSH_AT = 200;

/**
 * Rows whose message the server accepted, marked sent a few milliseconds later in one UPDATE per
 * organization. A failed update is tried again: an unmarked row would be sent a second time.
 */
export class SentMarks {
  #waiting = new Map<string, string[]>();
  #count = 0;
  #timer: NodeJS.Timeout | null = null;
  readonly #flushing = new Set<Promise<void>>();

  constructor(
    private readonly deps: Deps,
    private readonly flushMs: number,
  ) {}

  add(org: string, id: string): void {
    const ids = this.#waiting.get(org) ?? [];
    ids.push(id);
    this.#waiting.set(org, ids);
    this.#count += 1;
    if (this.#count >= FLUSH_AT) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), this.flushMs);
  }

  async drain(): Promise<void> {
    this.#flush();
    while (this.#flushing.size > 0) await Promise.all(this.#flushing);
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#count === 0) return;
    const batches = [...this.#waiting];
    this.#waiting = new Map();
    this.#count = 0;
    const work = Promise.all(batches.map(([org, ids]) => this.#mark(org, ids))).then(() => undefined);
    this.#flushing.add(work);
    void work.finally(() => this.#flushing.delete(work));
  }

  async #mark(org: string, ids: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await transaction(this.deps.db, { organizationId: org }, (tx) =>
          tx
            .update(newsletterDeliveries)
            .set({ status: "sent", sentAt: sql`now()`, leasedUntil: null, error: null })
            .where(
              and(
                eq(newsletterDeliveries.organizationId, org),
                inArray(newsletterDeliveries.id, ids),
                // A row cancelled while its message was on the way was sent all the same.
                inArray(newsletterDeliveries.status, ["pending", "cancelled"]),
              ),
            ),
        );
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await sleep(Math.min(1_000, 50 * 2 ** attempt));
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
