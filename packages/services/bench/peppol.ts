/**
 * Benchmark: Peppol BIS Billing 3.0 validation per document through the product's validator (worker
 * threads, src/billing/peppol) beside the floor: the offline kit's synchronous `validateUbl`
 * (../shared/peppol, CI's oracle) running the same compiled rules in this process with no thread hop.
 * 30 documents each of 1, 5 and 20 lines, one at a time, after both have loaded their rules; then the
 * same 5-line documents all at once, where two threads (on 3 cores or more) beat one loop. Also the time
 * toUbl takes to write a document.
 *
 * `pnpm --filter @nns/services bench` runs it with apps/api's tsx (this package has none of its own);
 * PEPPOL_KIT_DIR names the kit's folder when it is not ../shared/peppol beside the repository.
 */
import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PeppolValidator, toUbl } from "../src/billing/peppol/index.js";
import { invoiceWithLines } from "../test/peppol-documents.js";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 30);
const KIT_DIR =
  process.env.PEPPOL_KIT_DIR ??
  resolve(fileURLToPath(new URL("../../../", import.meta.url)), "../shared/peppol");
if (!existsSync(join(KIT_DIR, "peppol.mjs")))
  throw new Error(`The Peppol kit (the floor) is missing at ${KIT_DIR}; set PEPPOL_KIT_DIR to its folder.`);
const kit: { validateUbl: (xml: string) => { fatal: unknown[] } } = await import(
  pathToFileURL(join(KIT_DIR, "peppol.mjs")).href
);

/** Distinct documents (their numbers differ), as a day of issuing would give. */
function documents(lines: number): string[] {
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const doc = invoiceWithLines(lines);
    return toUbl({ ...doc, number: `2027-${String(i + 1).padStart(4, "0")}` });
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function timeEach(xmls: string[], validate: (xml: string) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const xml of xmls) {
    const started = performance.now();
    const result = (await validate(xml)) as { fatal: unknown[] };
    times.push(performance.now() - started);
    if (result.fatal.length > 0) throw new Error("a benchmark document failed validation");
  }
  return times.sort((a, b) => a - b);
}

const validator = new PeppolValidator();
// Load the rules in every thread and in this one, and let the JIT settle, so no figure includes either.
for (const xml of documents(3).slice(0, 10)) {
  await Promise.all(Array.from({ length: validator.threads }, () => validator.validate(xml)));
  kit.validateUbl(xml);
}

interface Row {
  name: string;
  value: number;
  floor: number;
  unit: string;
  higherIsBetter: boolean;
}
const rows: Row[] = [];
for (const lines of [1, 5, 20]) {
  const xmls = documents(lines);
  const ours = await timeEach(xmls, (xml) => validator.validate(xml));
  const floor = await timeEach(xmls, (xml) => kit.validateUbl(xml));
  for (const [label, q] of [
    ["median", 0.5],
    ["p95", 0.95],
  ] as const)
    rows.push({
      name: `${lines} line${lines > 1 ? "s" : ""}, ${label}`,
      value: quantile(ours, q),
      floor: quantile(floor, q),
      unit: "ms",
      higherIsBetter: false,
    });
}

// What the thread hop itself costs: a document the rules never see (refused as not UBL) both ways.
const notUbl = Array.from({ length: DOCUMENTS }, (_, i) => `<Order><ID>${i}</ID></Order>`);
const hop = async (validate: (xml: string) => unknown) => {
  const times: number[] = [];
  for (const xml of notUbl) {
    const started = performance.now();
    await validate(xml);
    times.push(performance.now() - started);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
};
rows.push({
  name: "not UBL (parse only), median",
  value: await hop((xml) => validator.validate(xml)),
  floor: await hop((xml) => kit.validateUbl(xml)),
  unit: "ms",
  higherIsBetter: false,
});

const batch = documents(5);
let started = performance.now();
await Promise.all(batch.map((xml) => validator.validate(xml)));
const parallelRate = batch.length / ((performance.now() - started) / 1000);
started = performance.now();
for (const xml of batch) kit.validateUbl(xml);
const sequentialRate = batch.length / ((performance.now() - started) / 1000);
rows.push({
  name: "5 lines, all at once",
  value: parallelRate,
  floor: sequentialRate,
  unit: "docs/s",
  higherIsBetter: true,
});

const generation: string[] = [];
for (const lines of [1, 5, 20]) {
  const doc = invoiceWithLines(lines);
  const rounds = 500;
  started = performance.now();
  for (let i = 0; i < rounds; i++) toUbl(doc);
  generation.push(`${lines}: ${(((performance.now() - started) / rounds) * 1000).toFixed(0)} µs`);
}
await validator.close();

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const cpu = cpus();
process.stdout.write(
  [
    "",
    `Peppol BIS Billing 3.0 validation (${DOCUMENTS} documents per size, CEN and Peppol rules v3.0.19)`,
    `  ours: PeppolValidator with ${validator.threads} worker thread(s), one document at a time (then all at once)`,
    "  floor: the kit's synchronous validateUbl in this process (no thread hop, blocks the event loop)",
    `  toUbl per document by lines: ${generation.join(", ")}`,
    `  machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    "",
    `${"figure".padEnd(40)} ${"value".padStart(10)} ${"floor".padStart(10)} ${"ratio".padStart(7)}`,
    ...rows.map(
      (r) =>
        `${`${r.name} (${r.unit})`.padEnd(40)} ${fmt(r.value).padStart(10)} ${fmt(r.floor).padStart(10)} ${(r.value / r.floor).toFixed(2).padStart(6)}×  ${r.higherIsBetter ? "higher is better" : "lower is better"}`,
    ),
    "",
  ].join("\n"),
);
