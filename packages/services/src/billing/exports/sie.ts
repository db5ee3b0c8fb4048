import {
  type BillingAccounts,
  type BookkeepingAccount,
  formatOrganizationNumber,
  journalLines,
  type LedgerEntry,
  verificationHeading,
} from "@nns/domain";
import iconv from "iconv-lite";

/**
 * The bookkeeping export in SIE 4 (SIE-gruppen's "SIE filformat, utgåva 4B"), the file every Swedish
 * accounting program imports: one verification per invoice, credit note and payment, with the accounts
 * it books on. It carries no opening balances or results (those are the accounting program's), so it is
 * a transaction file (4I in the spec's terms) that importers read under `#SIETYP 4`.
 *
 * Rules of the format followed here: PC8 (code page 437) encoding, CRLF line ends, `#FLAGGA` first and
 * the identification items before the chart and the verifications; text in quotation marks with `"`
 * escaped by a backslash and no control characters; dates `YYYYMMDD`; amounts with a decimal point and
 * two decimals, debit positive and credit negative; each `#VER` followed by its `#TRANS` rows in braces.
 */

export interface SieInput {
  company: { name: string; organizationNumber: string };
  /** The fiscal year the verifications belong to, `YYYY-MM-DD`. */
  fiscalYear: { start: string; end: string };
  generatedAt: Date;
  accounts: BillingAccounts;
  entries: readonly LedgerEntry[];
}

/** Invoices and credit notes in one series, payments in another, as a bookkeeper keeps them. */
const SERIES = { invoice: "F", credit_note: "F", payment: "B" } as const;

/** Characters CP437 lacks that invoice text commonly holds, written as their nearest ASCII. */
const PLAIN: Record<string, string> = {
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u00a0": " ",
  "\u202f": " ",
};

function inPc8(c: string): boolean {
  return iconv.decode(iconv.encode(c, "cp437"), "cp437") === c;
}

/**
 * A text field: CP437 has å, ä, ö and é but not every letter a name may hold, so a letter it lacks loses
 * its accent (š → s) and anything else becomes `?`; the spec allows no control characters (ASCII 0–31
 * and 127); a quotation mark, and the backslash that escapes it, are escaped with a backslash.
 */
function quote(text: string): string {
  const plain = [...text.normalize("NFC")]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) return " ";
      if (PLAIN[c]) return PLAIN[c];
      if (inPc8(c)) return c;
      const bare = c.normalize("NFD").replace(/\p{M}/gu, "");
      return bare !== "" && bare !== c && [...bare].every(inPc8) ? bare : "?";
    })
    .join("");
  return `"${plain.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function sieDate(isoDate: string): string {
  return isoDate.replaceAll("-", "");
}

/** Öre as kronor with a decimal point: 3125000 → `31250.00`, -50 → `-0.50`. */
export function sieAmount(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The BAS class of an account decides its type: assets (1), liabilities (2), income (3), costs. */
function accountType(number: string): "T" | "S" | "I" | "K" {
  const first = number[0];
  if (first === "1") return "T";
  if (first === "2") return "S";
  if (first === "3") return "I";
  return "K";
}

/** The calendar date in Sweden, whatever the server's time zone. */
function stockholmDate(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short" }).format(at);
}

export function writeSie4(input: SieInput): Buffer {
  const { start, end } = input.fiscalYear;
  const verifications = input.entries.map((entry) => ({
    entry,
    heading: verificationHeading(entry),
    lines: journalLines(entry, input.accounts),
  }));

  const used = new Map<string, BookkeepingAccount>();
  for (const { heading, lines } of verifications) {
    if (heading.date < start || heading.date > end)
      throw new RangeError(
        `"${heading.text}" is dated ${heading.date}, outside the fiscal year ${start}–${end}`,
      );
    for (const { account } of lines) {
      if (!/^\d+$/.test(account.number))
        throw new RangeError(`the account number "${account.number}" is not digits`);
      used.set(account.number, account);
    }
  }

  const out = [
    "#FLAGGA 0",
    `#PROGRAM ${quote("NNS-plattformen")} 1.0`,
    "#FORMAT PC8",
    `#GEN ${sieDate(stockholmDate(input.generatedAt))}`,
    "#SIETYP 4",
    `#ORGNR ${formatOrganizationNumber(input.company.organizationNumber)}`,
    `#FNAMN ${quote(input.company.name)}`,
    `#RAR 0 ${sieDate(start)} ${sieDate(end)}`,
    // EUBAS97 is the newest chart type the spec names; the BAS charts since (BAS 2014–2025) keep its
    // account structure, and importers take the account names from #KONTO.
    "#KPTYP EUBAS97",
    "#VALUTA SEK",
  ];
  const accounts = [...used.values()].sort((a, b) => a.number.localeCompare(b.number));
  for (const account of accounts) out.push(`#KONTO ${account.number} ${quote(account.name)}`);
  for (const account of accounts) out.push(`#KTYP ${account.number} ${accountType(account.number)}`);

  for (const { entry, heading, lines } of verifications) {
    out.push("");
    // No verification number: the accounting program gives each imported verification the next number
    // in its series, so two exports imported one after the other never collide.
    out.push(`#VER ${SERIES[entry.type]} "" ${sieDate(heading.date)} ${quote(heading.text)}`);
    out.push("{");
    for (const line of lines) out.push(`   #TRANS ${line.account.number} {} ${sieAmount(line.amountOre)}`);
    out.push("}");
  }
  return iconv.encode(`${out.join("\r\n")}\r\n`, "cp437");
}
