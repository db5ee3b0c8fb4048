import { useState } from "react";

/**
 * Page through a cursor-paginated list: `cursor` is what to send, `next(nextCursor)` and `previous()`
 * move, and `reset()` returns to the first page (e.g. when filters change).
 */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  return {
    cursor,
    pageNumber: stack.length,
    hasPrevious: stack.length > 1,
    next: (nextCursor: string) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;
