import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeCsv } from "../src/csv.js";

const DANGEROUS_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const readBack = (csv: string) =>
  parse(csv, { relax_quotes: false, delimiter: ";", bom: true }) as string[][];

describe("writeCsv", () => {
  it("turns a formula into text with a leading quote", () => {
    const csv = writeCsv(["titel"], [['=HYPERLINK("http://x","y")']]);
    expect(csv).toBe('\uFEFF"titel"\n"\'=HYPERLINK(""http://x"",""y"")"\n');
    expect(readBack(csv)[1]).toEqual(['\'=HYPERLINK("http://x","y")']);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+46 70 123", "'+46 70 123"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\r=1", "'\r=1"],
    ["＝1+1", "'＝1+1"],
    ["a=1", "a=1"],
    [" =1", " =1"],
    ["", ""],
  ])("writes the string %j as %j", (cell, expected) => {
    expect(readBack(writeCsv(["c"], [[cell]]))[1]).toEqual([expected]);
  });

  it("writes numbers as numbers, negative ones too, and null as an empty cell", () => {
    const csv = writeCsv(["a", "b", "c", "d"], [[-3, 60.2, 0, null]]);
    expect(csv.split("\n")[1]).toBe("-3;60,2;0;");
  });

  it("quotes every string cell, so another separator cannot start a cell", () => {
    expect(writeCsv(["a"], [["x;=1+1"]]).split("\n")[1]).toBe('"x;=1+1"');
    expect(writeCsv(["a"], [["x,=1+1"]]).split("\n")[1]).toBe('"x,=1+1"');
  });

  it("writes Swedish Excel's dialect: semicolons, a BOM, decimal commas and amounts in kronor", () => {
    const csv = writeCsv(["a", "b", "c", "d"], [["x", 60.2, { ore: -3_125_050 }, { ore: 5 }]]);
    expect(csv).toBe('\uFEFF"a";"b";"c";"d"\n"x";60,2;-31250,50;0,05\n');
  });

  it("refuses a fraction of an öre", () => {
    expect(writeCsv(["a"], [[{ ore: 3_125_000 }]]).split("\n")[1]).toBe("31250,00");
    expect(() => writeCsv(["a"], [[{ ore: 0.5 }]])).toThrow(RangeError);
  });

  it("reads back every string exactly, or with one leading quote when it could start a formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const back = readBack(writeCsv(["a", "b"], rows)).slice(1);
          expect(back).toEqual(
            rows.map((row) => row.map((cell) => (DANGEROUS_START.test(cell) ? `'${cell}` : cell))),
          );
          for (const cell of back.flat()) expect(cell).not.toMatch(DANGEROUS_START);
        },
      ),
    );
  });
});
