/**
 * Writes a BgMax file as Bankgirot's bank would deliver it, for tests and demonstrations of the bank-file
 * import (the product itself only reads BgMax: packages/domain/src/billing/bgmax.ts).
 */

/** A record with values at Bankgirot's 1-based positions, 80 characters wide. */
function record(type: string, fields: [from: number, value: string][]): string {
  let line = `${type}${" ".repeat(78)}`;
  for (const [from, value] of fields)
    line = line.slice(0, from - 1) + value + line.slice(from - 1 + value.length);
  return line;
}

const num = (value: number | string, width: number) => String(value).padStart(width, "0");

export interface BgMaxTestPayment {
  /** An OCR number (written with reference code 2) or free text (code 4). */
  reference: string;
  amountOre: number;
  /** Bankgirot's serial number of the payment. */
  serial: string;
  payerName?: string;
}

/**
 * One deposit to `bankgiro` on `date` (`YYYY-MM-DD`) holding `payments`, with the end record's counts,
 * encoded in ISO 8859-1 as Bankgirot writes it. `test` marks it as Bankgirot's test file.
 */
export function bgMaxFile(
  bankgiro: string,
  date: string,
  payments: readonly BgMaxTestPayment[],
  options: { test?: boolean } = {},
): Buffer {
  const lines = [
    record("01", [
      [3, "BGMAX".padEnd(20)],
      [23, "01"],
      [25, `${date.replaceAll("-", "")}060000000000`],
      [45, options.test ? "T" : "P"],
    ]),
    record("05", [
      [3, num(bankgiro.replace(/\D/g, ""), 10)],
      [23, "SEK"],
    ]),
    ...payments.flatMap((p) => [
      record("20", [
        [3, num("9912346", 10)],
        [13, p.reference.padEnd(25)],
        [38, num(p.amountOre, 18)],
        [56, /^\d+$/.test(p.reference) ? "2" : "4"],
        [58, p.serial.padEnd(12)],
      ]),
      ...(p.payerName ? [record("26", [[3, p.payerName]])] : []),
    ]),
    record("15", [
      [3, num(0, 35)],
      [38, date.replaceAll("-", "")],
      [46, "00001"],
      [
        51,
        num(
          payments.reduce((a, p) => a + p.amountOre, 0),
          18,
        ),
      ],
      [69, "SEK"],
      [72, num(payments.length, 8)],
    ]),
    record("70", [
      [3, num(payments.length, 8)],
      [11, num(0, 8)],
      [19, num(0, 8)],
      [27, num(1, 8)],
    ]),
  ];
  return Buffer.from(lines.join("\r\n"), "latin1");
}
