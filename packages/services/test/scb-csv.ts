/**
 * SCB's own CSV dialect (comma, decimal point, quoted text), which the statistics reader must take as it
 * comes: the product's writeCsv writes Swedish Excel's dialect instead.
 */
export function scbCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) =>
    typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`;
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\n")}\n`;
}
