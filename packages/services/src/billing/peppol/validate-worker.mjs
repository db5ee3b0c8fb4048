// The worker thread that runs the official Peppol BIS Billing 3.0 rules (./rules, compiled for SaxonJS)
// on one UBL document per task and returns every failed assert as it is, for validator.ts to judge.
//
// Plain JavaScript on purpose: a worker thread does not inherit vitest's or tsx's TypeScript loader, and
// the built API (tsup) bundles TypeScript into dist/ but leaves this file where it is, beside the rules.
// So the same file runs unchanged in tests, in `tsx watch` and under `node apps/api/dist/server.js`.
import { readFileSync } from "node:fs";
import SaxonJS from "saxon-js";

const RULE_SETS = [
  { source: "CEN", file: "CEN-EN16931-UBL.sef.json" },
  { source: "PEPPOL", file: "PEPPOL-EN16931-UBL.sef.json" },
];

const ROOTS = new Set([
  "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 Invoice",
  "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2 CreditNote",
]);

const SVRL_XPATH = `
  //(svrl:failed-assert | svrl:successful-report) ! map {
    'id': string(@id),
    'flag': string(@flag),
    'location': string(@location),
    'message': normalize-space(string-join(svrl:text, ' '))
  }`;

// Loaded on the first task, once per thread: 13 MB of JSON that SaxonJS then keeps compiled.
let stylesheets = null;

function loadStylesheets() {
  stylesheets ??= RULE_SETS.map((set) => ({
    source: set.source,
    sef: JSON.parse(readFileSync(new URL(`./rules/${set.file}`, import.meta.url), "utf8")),
  }));
  return stylesheets;
}

/** @param {string} xml  @returns {{id: string, flag: string, location: string, message: string, source: string}[]} */
export default function validate(xml) {
  let doc;
  try {
    doc = SaxonJS.XPath.evaluate("parse-xml($xml)", null, { params: { xml: xml.replace(/^\uFEFF/, "") } });
  } catch (error) {
    return [xmlProblem("XML-PARSE", `Not well-formed XML: ${error?.message ?? String(error)}`)];
  }
  const root = SaxonJS.XPath.evaluate("/*!(namespace-uri() || ' ' || local-name())", doc);
  if (!ROOTS.has(root)) {
    return [
      xmlProblem("XML-ROOT", `The root element must be a UBL 2.1 Invoice or CreditNote, found ${root}`),
    ];
  }
  const asserts = [];
  for (const { source, sef } of loadStylesheets()) {
    const out = SaxonJS.transform(
      { stylesheetInternal: sef, sourceNode: doc, destination: "document" },
      "sync",
    );
    const items = SaxonJS.XPath.evaluate(SVRL_XPATH, out.principalResult, {
      namespaceContext: { svrl: "http://purl.oclc.org/dsdl/svrl" },
      resultForm: "array",
    });
    for (const item of items) asserts.push({ ...item, source });
  }
  return asserts;
}

function xmlProblem(id, message) {
  return { id, flag: "fatal", location: "/", message, source: "XML" };
}
