import { writeFileSync } from "node:fs";
import { GENERATED_TABLES, readDoc, repoRoot, withTable } from "./permission-tables.js";

/** Rewrites the permission tables in the docs from @nns/domain (see permission-tables.ts). */
for (const { file, name, render, indent } of GENERATED_TABLES) {
  writeFileSync(`${repoRoot}${file}`, withTable(readDoc(file), name, render(), indent));
  process.stdout.write(`Wrote ${name} in ${file}\n`);
}
