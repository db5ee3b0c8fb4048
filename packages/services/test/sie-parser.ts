import iconv from "iconv-lite";

/**
 * A small SIE 4 reader for the tests: it reads what the spec allows (quoted and bare fields, backslash
 * escapes, object lists in braces, `#VER` blocks) rather than what our writer happens to produce, so a
 * test that parses a file back checks the format and not the writer against itself.
 */

export interface SieItem {
  label: string;
  fields: (string | string[])[];
}

export interface SieTransaction {
  account: string;
  objects: string[];
  amountOre: number;
}

export interface SieVerification {
  series: string;
  number: string;
  date: string;
  text: string;
  transactions: SieTransaction[];
}

export interface SieFile {
  items: SieItem[];
  verifications: SieVerification[];
  /** The first of each label's fields, for labels that occur once. */
  one(label: string): (string | string[])[];
}

function tokens(line: string): (string | string[])[] {
  const out: (string | string[])[] = [];
  let list: string[] | null = null;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "{") {
      list = [];
      i++;
    } else if (c === "}") {
      if (!list) throw new Error(`unbalanced } in: ${line}`);
      out.push(list);
      list = null;
      i++;
    } else {
      let value = "";
      if (c === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === "\\" && i + 1 < line.length) i++;
          value += line[i];
          i++;
        }
        if (line[i] !== '"') throw new Error(`unterminated string in: ${line}`);
        i++;
      } else {
        while (i < line.length && !/[ \t{}]/.test(line[i] as string)) value += line[i++];
      }
      (list ?? out).push(value);
    }
  }
  if (list) throw new Error(`unbalanced { in: ${line}`);
  return out;
}

/** `-31250.00` → -3125000 öre, exactly; the spec allows up to two decimals. */
function ore(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not a SIE amount: ${amount}`);
  const value = Number(match[2]) * 100 + Number((match[3] ?? "0").padEnd(2, "0"));
  return match[1] ? -value : value;
}

export function parseSie(file: Buffer): SieFile {
  const text = iconv.decode(file, "cp437");
  const items: SieItem[] = [];
  const verifications: SieVerification[] = [];
  let open: SieVerification | null = null;
  let expectBrace = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (line === "{") {
      if (!expectBrace) throw new Error("{ without #VER");
      expectBrace = false;
      continue;
    }
    if (line === "}") {
      if (!open) throw new Error("} without {");
      verifications.push(open);
      open = null;
      continue;
    }
    const [label, ...fields] = tokens(line);
    if (typeof label !== "string" || !label.startsWith("#")) throw new Error(`not an item: ${line}`);
    if (label === "#VER") {
      const [series, number, date, text] = fields as string[];
      open = {
        series: series ?? "",
        number: number ?? "",
        date: date ?? "",
        text: text ?? "",
        transactions: [],
      };
      expectBrace = true;
    } else if (label === "#TRANS") {
      if (!open || expectBrace) throw new Error("#TRANS outside a verification");
      const [account, objects, amount] = fields;
      if (typeof account !== "string" || !Array.isArray(objects) || typeof amount !== "string")
        throw new Error(`malformed #TRANS: ${line}`);
      open.transactions.push({ account, objects, amountOre: ore(amount) });
    } else {
      if (open) throw new Error(`${label} inside a verification`);
      items.push({ label, fields });
    }
  }
  if (open || expectBrace) throw new Error("the file ends inside a verification");
  return {
    items,
    verifications,
    one(label) {
      const found = items.filter((item) => item.label === label);
      if (found.length !== 1) throw new Error(`${label} occurs ${found.length} times`);
      return (found[0] as SieItem).fields;
    },
  };
}
