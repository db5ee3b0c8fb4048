/**
 * Bankgirot's BgMax payment file ("Bankgiro Inbetalningar"), the file a bankgiro receiver downloads from its
 * bank with every incoming payment and its reference. Fixed-width records of 80 characters, ISO 8859-1;
 * positions below are Bankgirot's (1-based, inclusive). Only what matching needs is read: each payment's
 * references, amount, BGC serial number and the deposit's payment date. No npm library parses BgMax, so
 * this does, and refuses a file whose end record's counts disagree with what was read.
 */

/** Bankgirot's reference codes (TK20/TK22 position 56). */
export const BGMAX_REFERENCE_CODES = {
  0: "none",
  1: "none",
  2: "ocr",
  3: "several",
  4: "text",
  5: "invalid",
} as const;
export type BgMaxReferenceKind = (typeof BGMAX_REFERENCE_CODES)[keyof typeof BGMAX_REFERENCE_CODES];

export interface BgMaxPayment {
  /** The payer's bankgiro, when paid from one. */
  senderBankgiro: string | null;
  /** The reference as given (an OCR number when kind is `ocr`), trimmed. */
  reference: string;
  referenceKind: BgMaxReferenceKind;
  /** Further references from TK22/TK23 records (several invoices paid at once). */
  extraReferences: { reference: string; kind: BgMaxReferenceKind; amountOre: number }[];
  amountOre: number;
  /** Bankgirot's serial number of the payment: unique per payment, so an import is idempotent on it. */
  serial: string;
  payerName: string | null;
  /** Deductions (TK21) are negative amounts; they are reported, never matched. */
  deduction: boolean;
}

export interface BgMaxDeposit {
  receiverBankgiro: string;
  currency: string;
  /** `YYYY-MM-DD`, from the deposit record that closes the section. */
  paymentDate: string;
  payments: BgMaxPayment[];
}

export interface BgMaxFile {
  /** Bankgirot's test files carry `T`; production files `P`. */
  test: boolean;
  createdAt: string;
  deposits: BgMaxDeposit[];
}

export class BgMaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Rad ${line}: ${message}`);
    this.name = "BgMaxError";
  }
}

/** Characters `from`–`to` (1-based, inclusive) of a record, as Bankgirot's specification numbers them. */
function field(record: string, from: number, to: number): string {
  return record.slice(from - 1, to);
}

function digits(record: string, from: number, to: number, line: number, what: string): string {
  const value = field(record, from, to);
  if (!/^\d+$/.test(value)) throw new BgMaxError(line, `${what} ska vara siffror (tecken ${from}–${to}).`);
  return value;
}

function dateOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function referenceKind(code: string): BgMaxReferenceKind {
  return BGMAX_REFERENCE_CODES[Number(code) as keyof typeof BGMAX_REFERENCE_CODES] ?? "none";
}

/** An OCR reference as the payer typed it, without the leading zeros Bankgirot pads with. */
function trimmedReference(value: string): string {
  return value.trim().replace(/^0+(?=\d)/, "");
}

/** Parses a BgMax file's text (already decoded from ISO 8859-1). */
export function parseBgMax(text: string): BgMaxFile {
  const records = text.split(/\r?\n/).filter((r) => r.trim() !== "");
  const first = records[0] ?? "";
  if (!first.startsWith("01") || field(first, 3, 22).trim() !== "BGMAX") {
    throw new BgMaxError(1, "Filen är inte en BgMax-fil från Bankgirot (startposten 01 BGMAX saknas).");
  }
  const file: BgMaxFile = {
    test: field(first, 45, 45) === "T",
    createdAt: field(first, 25, 44).trim(),
    deposits: [],
  };
  let open: { receiverBankgiro: string; currency: string; payments: BgMaxPayment[] } | null = null;
  const counts = { payments: 0, deductions: 0, extraReferences: 0, deposits: 0 };
  let ended = false;
  for (const [index, record] of records.entries()) {
    if (index === 0) continue;
    const line = index + 1;
    const type = record.slice(0, 2);
    if (ended) throw new BgMaxError(line, "Det finns poster efter slutposten 70.");
    const last = open?.payments.at(-1);
    switch (type) {
      case "05":
        open = {
          receiverBankgiro: digits(record, 3, 12, line, "Mottagarens bankgironummer").replace(/^0+/, ""),
          currency: field(record, 23, 25).trim() || "SEK",
          payments: [],
        };
        break;
      case "20":
      case "21": {
        if (!open) throw new BgMaxError(line, "En betalning står före öppningsposten 05.");
        const sender = field(record, 3, 12).trim().replace(/^0+/, "");
        open.payments.push({
          senderBankgiro: sender === "" ? null : sender,
          reference: trimmedReference(field(record, 13, 37)),
          referenceKind: referenceKind(field(record, 56, 56)),
          extraReferences: [],
          amountOre: Number(digits(record, 38, 55, line, "Beloppet")),
          serial: field(record, 58, 69).trim(),
          payerName: null,
          deduction: type === "21",
        });
        if (type === "20") counts.payments += 1;
        else counts.deductions += 1;
        break;
      }
      case "22":
      case "23":
        if (!last) throw new BgMaxError(line, "En extra referens står före sin betalning.");
        last.extraReferences.push({
          reference: trimmedReference(field(record, 13, 37)),
          kind: referenceKind(field(record, 56, 56)),
          amountOre: Number(digits(record, 38, 55, line, "Beloppet")) * (type === "23" ? -1 : 1),
        });
        counts.extraReferences += 1;
        break;
      case "26":
        if (last) last.payerName = field(record, 3, 37).trim() || null;
        break;
      case "15": {
        if (!open) throw new BgMaxError(line, "Insättningsposten 15 saknar sin öppningspost 05.");
        const expected = Number(digits(record, 72, 79, line, "Antalet betalningar"));
        const held = open.payments.filter((p) => !p.deduction).length;
        if (expected !== held) {
          throw new BgMaxError(line, `Insättningen anger ${expected} betalningar men filen har ${held}.`);
        }
        file.deposits.push({ ...open, paymentDate: dateOf(digits(record, 38, 45, line, "Betalningsdagen")) });
        counts.deposits += 1;
        open = null;
        break;
      }
      case "70": {
        const declared = {
          payments: Number(digits(record, 3, 10, line, "Antalet betalningar")),
          deductions: Number(digits(record, 11, 18, line, "Antalet avdrag")),
          extraReferences: Number(digits(record, 19, 26, line, "Antalet extra referenser")),
          deposits: Number(digits(record, 27, 34, line, "Antalet insättningar")),
        };
        if (JSON.stringify(declared) !== JSON.stringify(counts)) {
          throw new BgMaxError(
            line,
            "Slutpostens antal stämmer inte med filens innehåll; filen är ofullständig.",
          );
        }
        ended = true;
        break;
      }
      default:
        // Address, organisation number and free-text records (25, 27–29) are not needed to match a payment.
        break;
    }
  }
  if (!ended) throw new BgMaxError(records.length, "Slutposten 70 saknas; filen är ofullständig.");
  if (open) throw new BgMaxError(records.length, "En insättning saknar sin insättningspost 15.");
  return file;
}
