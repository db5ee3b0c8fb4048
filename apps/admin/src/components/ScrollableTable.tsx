import type { ReactNode } from "react";

/**
 * The .table-wrap around a table, focusable and named, so that keyboard users can scroll a table wider
 * than the screen (axe scrollable-region-focusable, WCAG 2.1.1). A table without buttons, e.g. for a
 * reader, would otherwise be unreachable on a phone. (biome.json turns off noNoninteractiveTabindex here.) Name it by a heading's id or by a label.
 */
export function ScrollableTable({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <section
      className="table-wrap"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      tabIndex={0}
    >
      {children}
    </section>
  );
}
