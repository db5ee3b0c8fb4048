import { describe, expect, it } from "vitest";
import { BgMaxError, parseBgMax } from "../src/billing/bgmax.js";

/** Places values at Bankgirot's 1-based positions in an 80-character record. */
function record(type: string, fields: [from: number, value: string][]): string {
  let chars = `${type}${" ".repeat(78)}`;
  for (const [from, value] of fields)
    chars = chars.slice(0, from - 1) + value + chars.slice(from - 1 + value.length);
  return chars;
}

const num = (value: number | string, width: number) => String(value).padStart(width, "0");
const ref = (value: string) => value.padEnd(25, " ");

function payment(type: "20" | "21", reference: string, code: number, ore: number, serial: string) {
  return record(type, [
    [3, num("9912346", 10)],
    [13, ref(reference)],
    [38, num(ore, 18)],
    [56, String(code)],
    [57, "1"],
    [58, serial.padEnd(12, " ")],
    [70, "0"],
  ]);
}

function file(body: string[], end: [number, number, number, number]): string {
  return [
    record("01", [
      [3, "BGMAX".padEnd(20, " ")],
      [23, "01"],
      [25, "20270301120000000000"],
      [45, "P"],
    ]),
    ...body,
    record(
      "70",
      end.map((n, i): [number, string] => [3 + 8 * i, num(n, 8)]),
    ),
  ].join("\r\n");
}

const opening = record("05", [
  [3, num("56781234", 10)],
  [23, "SEK"],
]);
const deposit = (payments: number, ore: number) =>
  record("15", [
    [3, num(0, 35)],
    [38, "20270302"],
    [46, "00001"],
    [51, num(ore, 18)],
    [69, "SEK"],
    [72, num(payments, 8)],
  ]);

describe("BgMax payment files", () => {
  it("reads each payment's OCR reference, amount, serial number, payer and the deposit's payment date", () => {
    const parsed = parseBgMax(
      file(
        [
          opening,
          payment("20", "0000202700012", 2, 3_125_000, "000000000101"),
          record("26", [[3, "Samordningsförbundet Halland"]]),
          payment("20", "2027000210", 2, 1_000_000, "000000000102"),
          record("22", [
            [13, ref("2027000313")],
            [38, num(500_000, 18)],
            [56, "2"],
          ]),
          deposit(2, 4_125_000),
        ],
        [2, 0, 1, 1],
      ),
    );
    expect(parsed.test).toBe(false);
    expect(parsed.deposits).toHaveLength(1);
    const [d] = parsed.deposits;
    expect(d?.receiverBankgiro).toBe("56781234");
    expect(d?.paymentDate).toBe("2027-03-02");
    expect(d?.payments.map((p) => [p.reference, p.referenceKind, p.amountOre, p.serial])).toEqual([
      ["202700012", "ocr", 3_125_000, "000000000101"],
      ["2027000210", "ocr", 1_000_000, "000000000102"],
    ]);
    expect(d?.payments[0]?.payerName).toBe("Samordningsförbundet Halland");
    expect(d?.payments[1]?.extraReferences).toEqual([
      { reference: "2027000313", kind: "ocr", amountOre: 500_000 },
    ]);
  });

  it("marks deductions and references that are free text or wrong, so they are reported rather than matched", () => {
    const parsed = parseBgMax(
      file(
        [
          opening,
          payment("20", "Faktura 2027-0001", 4, 100, "1"),
          payment("20", "123", 5, 200, "2"),
          payment("21", "2027000210", 2, 300, "3"),
          deposit(2, 0),
        ],
        [2, 1, 0, 1],
      ),
    );
    const kinds = parsed.deposits[0]?.payments.map((p) => [p.referenceKind, p.deduction]);
    expect(kinds).toEqual([
      ["text", false],
      ["invalid", false],
      ["ocr", true],
    ]);
  });

  it("refuses a file that is not BgMax, and one whose counts disagree (a truncated download)", () => {
    expect(() => parseBgMax("hello")).toThrow(BgMaxError);
    const truncated = file([opening, payment("20", "2027000210", 2, 1, "1"), deposit(1, 1)], [2, 0, 0, 1]);
    expect(() => parseBgMax(truncated)).toThrow(/Slutpostens antal/);
    const noEnd = file([opening, payment("20", "2027000210", 2, 1, "1"), deposit(1, 1)], [1, 0, 0, 1])
      .split("\r\n")
      .slice(0, -1)
      .join("\n");
    expect(() => parseBgMax(noEnd)).toThrow(/Slutposten 70 saknas/);
    const wrongDeposit = file([opening, payment("20", "2027000210", 2, 1, "1"), deposit(2, 1)], [1, 0, 0, 1]);
    expect(() => parseBgMax(wrongDeposit)).toThrow(/anger 2 betalningar men filen har 1/);
    const bad = payment("20", "2027000210", 2, 1, "1");
    const letters = file(
      [opening, `${bad.slice(0, 37)}${"x".repeat(18)}${bad.slice(55)}`, deposit(1, 1)],
      [1, 0, 0, 1],
    );
    expect(() => parseBgMax(letters)).toThrow(/Beloppet ska vara siffror/);
  });

  it("reads Bankgirot's own minimal example file", () => {
    // The layout of Bankgirot's published sample (BgMax technical manual), one OCR payment of 1 100 kr.
    const sample = [
      "01BGMAX               0120040525173035010331P                                   ",
      "050009912346          SEK                                                       ",
      "200097012333                   650861000000000000110000210000000000120          ",
      "15000000000000000000058410000010098232004052500074000000000000110000SEK00000001 ",
      "7000000001000000000000000000000001",
    ].join("\n");
    const parsed = parseBgMax(sample);
    expect(parsed.deposits[0]?.payments[0]).toMatchObject({
      reference: "650861",
      referenceKind: "ocr",
      amountOre: 110_000,
      serial: "000000000012",
    });
    expect(parsed.deposits[0]?.paymentDate).toBe("2004-05-25");
  });
});
