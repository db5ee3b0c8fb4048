/**
 * Validation of e-invoices against the official Peppol BIS Billing 3.0 rules (CEN EN 16931 and Peppol,
 * including the Swedish SE-R rules) before anything is issued. One document costs about 100 ms of
 * synchronous CPU in SaxonJS, so it runs in worker threads (validate-worker.mjs), never on the API's
 * event loop. The rules are vendored in ./rules (README.md there says where from and how to update).
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { AppError } from "@nns/domain";
import type { Piscina as PiscinaPool } from "piscina";

export interface PeppolFinding {
  /** The rule's id, e.g. `BR-CO-17`, `PEPPOL-COMMON-R049`, `SE-R-005`; `XML-PARSE`/`XML-ROOT` for non-UBL. */
  id: string;
  flag: "fatal" | "warning";
  /** Where in the document, as an XPath with the UBL prefixes, e.g. `/Invoice[1]/cac:TaxTotal[1]`. */
  location: string;
  message: string;
  source: "CEN" | "PEPPOL" | "XML";
}

export interface PeppolResult {
  fatal: PeppolFinding[];
  warnings: PeppolFinding[];
}

/** A failed assert as the worker reports it, before it is judged. */
export interface RawAssert {
  id: string;
  flag: string;
  location: string;
  message: string;
  source: PeppolFinding["source"];
}

/** The release of the official rules in ./rules. */
export const PEPPOL_RULES_RELEASE = "v3.0.19";

/**
 * Resolved through the package rather than this module's URL: in the built API this module is bundled
 * into apps/api/dist, while the worker and the rules stay in this package's folder (as @nns/db's
 * migrations do).
 */
const PACKAGE_JSON = createRequire(import.meta.url).resolve("@nns/services/package.json");
const PEPPOL_DIR = join(dirname(PACKAGE_JSON), "src/billing/peppol");
export const PEPPOL_RULES_DIR = join(PEPPOL_DIR, "rules");
const WORKER_FILE = join(PEPPOL_DIR, "validate-worker.mjs");

/**
 * Piscina starts its threads from a script beside its own files, which bundling into apps/api/dist
 * would lose; required at run time from this package, it stays where it was installed.
 */
const { Piscina } = createRequire(PACKAGE_JSON)("piscina") as typeof import("piscina");

const LOCATION_PREFIXES: Record<string, string> = {
  "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "",
  "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "",
  "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac:",
  "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "cbc:",
  "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "ext:",
};

/**
 * Splits the failed asserts into what blocks issuing and what does not. The rules flag asserts `fatal`
 * or `warning`; anything not explicitly non-blocking counts as fatal, so an unknown flag never lets a
 * document through.
 */
export function judgeAsserts(asserts: readonly RawAssert[]): PeppolResult {
  const result: PeppolResult = { fatal: [], warnings: [] };
  for (const a of asserts) {
    const warning = a.flag === "warning" || a.flag === "information";
    const finding: PeppolFinding = {
      id: a.id,
      flag: warning ? "warning" : "fatal",
      location: a.location.replace(/Q\{([^}]*)\}/g, (whole, uri: string) => LOCATION_PREFIXES[uri] ?? whole),
      message: a.message,
      source: a.source,
    };
    (warning ? result.warnings : result.fatal).push(finding);
  }
  return result;
}

export interface PeppolValidatorOptions {
  /** Worker threads; each holds the compiled rules (about 200 MB). Default: cores − 1, at least 1, at most 2. */
  threads?: number;
  /** How long an idle thread keeps its rules loaded; reloading costs about half a second. Default 5 min. */
  idleTimeoutMs?: number;
}

export class PeppolValidator {
  readonly #pool: PiscinaPool<string, RawAssert[]>;
  #closed = false;
  /** At most this many documents are validated at once; the rest wait in turn. */
  readonly threads: number;

  constructor(options: PeppolValidatorOptions = {}) {
    // One core is left to the event loop: validation must not slow the API's requests.
    this.threads = options.threads ?? Math.min(2, Math.max(1, availableParallelism() - 1));
    this.#pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: options.idleTimeoutMs ?? 5 * 60_000,
    });
  }

  async validate(xml: string): Promise<PeppolResult> {
    return judgeAsserts(await this.#pool.run(xml));
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool.destroy();
  }
}

let shared: PeppolValidator | null = null;

/**
 * The process-wide validator, created on first use so processes that never issue pay nothing, and again
 * after a shutdown closed it.
 */
export function sharedPeppolValidator(): PeppolValidator {
  if (!shared || shared.closed) shared = new PeppolValidator();
  return shared;
}

/** Refuses a document with fatal findings, naming every failed rule (warnings do not block issuing). */
export function assertValidUbl(result: PeppolResult): void {
  if (result.fatal.length === 0) return;
  const ids = [...new Set(result.fatal.map((f) => f.id))];
  throw new AppError("unprocessable", `Fakturan följer inte Peppol BIS Billing 3.0: ${ids.join(", ")}`, {
    errors: result.fatal.map((f) => ({ field: "document", rule: f.id, message: f.message })),
  });
}
