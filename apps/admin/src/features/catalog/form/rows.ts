import { useRef, useState } from "react";

/**
 * A repeatable group of fields (a budget year, a link, a contact). Its key is its index in the saved
 * content, whose values fill its fields; rows added here get keys past the end, so they start empty.
 */
export interface Row {
  key: number;
}

export function useRows<T extends Row>(initial: () => T[]) {
  const [rows, setRows] = useState(initial);
  // The first render's rows are the saved ones, so new keys start past the saved content.
  const nextKey = useRef(rows.length);
  return {
    rows,
    add: (row: Omit<T, "key">) => {
      const key = nextKey.current++;
      setRows((current) => [...current, { ...row, key } as T]);
    },
    remove: (key: number) => setRows((current) => current.filter((r) => r.key !== key)),
    update: (key: number, change: Partial<Omit<T, "key">>) =>
      setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r))),
  };
}

export type Rows<T extends Row> = ReturnType<typeof useRows<T>>;
