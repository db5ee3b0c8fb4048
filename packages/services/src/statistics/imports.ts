import { sqlInTransaction, statisticsImports, transaction } from "@nns/db";
import { AppError, type Page, SCB_SOURCE_TABLE } from "@nns/domain";
import { eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type Deps, type OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { activateImport, createImportRecord, discardImportFigures, writeImportFigures } from "./figures.js";
import { type ImportRowError, parseScbFile } from "./scb-file.js";
import { detectFormat } from "./scb-table.js";

/**
 * NNS's uploads of SCB's helårsekvivalenter table: the request keeps the file and queues a job; the job
 * reads it, writes its figures under the import's own id and makes them current for their periods in
 * one step (figures.ts), so a file with a single bad row, or a job that dies half-way, changes nothing
 * anyone sees.
 */

export const STATISTICS_IMPORT_JOB = "statistics.import";

/** Row errors kept on a failed import; the count says how many there were in all. */
const ERRORS_KEPT = 200;

export type StatisticsImportStatus = "queued" | "reading" | "writing" | "done" | "failed";

export interface StatisticsImportSummary {
  id: string;
  sourceTable: string;
  fileName: string;
  fileFormat: "csv" | "xlsx";
  status: StatisticsImportStatus;
  isDemo: boolean;
  periods: string[];
  progressDone: number;
  progressTotal: number;
  figureCount: number;
  errorCount: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface StatisticsImportView extends StatisticsImportSummary {
  errors: ImportRowError[];
  notes: string[];
}

const SUMMARY_COLUMNS = {
  id: statisticsImports.id,
  sourceTable: statisticsImports.sourceTable,
  fileName: statisticsImports.fileName,
  fileFormat: statisticsImports.fileFormat,
  status: statisticsImports.status,
  isDemo: statisticsImports.isDemo,
  periods: statisticsImports.periods,
  progressDone: statisticsImports.progressDone,
  progressTotal: statisticsImports.progressTotal,
  figureCount: statisticsImports.figureCount,
  errorCount: statisticsImports.errorCount,
  createdAt: statisticsImports.createdAt,
  startedAt: statisticsImports.startedAt,
  finishedAt: statisticsImports.finishedAt,
};

export interface StatisticsUpload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Keeps the file as an import waiting in the queue and queues its job. The file is read by the job, not
 * here: a large file takes longer than a request should, and the person follows the progress instead.
 */
export async function uploadStatisticsImport(
  ctx: OrgContext,
  upload: StatisticsUpload,
): Promise<StatisticsImportView> {
  requirePermission(ctx, "statistics:import");
  if (upload.bytes.byteLength === 0)
    throw new AppError("validation_failed", "The file is empty.", {
      errors: [{ field: "body", rule: "not_empty", message: "Send the file's bytes as the request body." }],
    });
  const db = ctx.deps.db;
  // createImportRecord writes in its own transaction; the file and the job follow in the next one, and
  // an import whose job could not be queued is marked failed rather than left waiting for ever.
  const id = await createImportRecord(db, {
    sourceTable: SCB_SOURCE_TABLE,
    fileName: upload.fileName,
    fileFormat: detectFormat(upload.bytes),
    createdByUserId: actorUserId(ctx.actor),
  });
  try {
    await transaction(db, { organizationId: ctx.organization.id }, async (tx) => {
      await tx.update(statisticsImports).set({ file: upload.bytes }).where(eq(statisticsImports.id, id));
      await ctx.deps.jobs.enqueue(tx, STATISTICS_IMPORT_JOB, { importId: id });
      await audit(tx, ctx, {
        action: "statistics.import_uploaded",
        entityType: "statistics_import",
        entityId: id,
        after: { fileName: upload.fileName, bytes: upload.bytes.byteLength },
      });
    });
  } catch (error) {
    await failImport(db, id, [
      { row: 0, column: null, value: null, message: "Importen kunde inte köas. Ladda upp filen igen." },
    ]);
    throw error;
  }
  return readImport(db, id);
}

export async function listStatisticsImports(
  ctx: OrgContext,
  page: PageRequest,
): Promise<Page<StatisticsImportSummary>> {
  requirePermission(ctx, "statistics:import");
  const keys = keyset(page, statisticsImports.createdAt, statisticsImports.id, "desc");
  return transaction(ctx.deps.db, {}, async (tx) => {
    const rows = await tx
      .select(SUMMARY_COLUMNS)
      .from(statisticsImports)
      .where(keys.after)
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows, (r) => [r.createdAt, r.id]);
  });
}

export async function getStatisticsImport(ctx: OrgContext, importId: string): Promise<StatisticsImportView> {
  requirePermission(ctx, "statistics:import");
  return readImport(ctx.deps.db, importId);
}

async function readImport(db: Deps["db"], importId: string): Promise<StatisticsImportView> {
  const [row] = await transaction(db, {}, (tx) =>
    tx
      .select({ ...SUMMARY_COLUMNS, errors: statisticsImports.errors, notes: statisticsImports.notes })
      .from(statisticsImports)
      .where(eq(statisticsImports.id, importId)),
  );
  if (!row) throw new AppError("not_found", "No statistics import has this id.");
  return { ...row, errors: row.errors as ImportRowError[], notes: row.notes as string[] };
}

/** Failed with its errors, the file dropped, no figures: nothing anyone reads has changed. */
async function failImport(
  db: Deps["db"],
  importId: string,
  errors: ImportRowError[],
  extra: { notes?: string[]; periods?: string[] } = {},
): Promise<void> {
  await transaction(db, {}, (tx) =>
    sqlInTransaction(
      tx,
      `update statistics_imports
          set status = 'failed', errors = $2, error_count = $3, notes = $4,
              periods = array(select json_array_elements_text($5::json)),
              file = null, finished_at = now()
        where id = $1 and status <> 'done'`,
      [importId, errors.slice(0, ERRORS_KEPT), errors.length, extra.notes ?? [], extra.periods ?? []],
    ),
  );
}

/**
 * The job: reads the kept file and writes its figures, or fails the import with the file's row errors.
 * A retry after a crash starts over from the file (kept until activation), having removed what the dead
 * attempt wrote; an import already done or failed is left as it is. An error thrown here (a lost
 * database, say) fails the import too, so no one waits on it: uploading the file again is the retry.
 */
export async function runStatisticsImport(deps: Pick<Deps, "db">, importId: string): Promise<void> {
  const { db } = deps;
  const file = await transaction(db, {}, async (tx) => {
    const [row] = await sqlInTransaction(
      tx,
      `update statistics_imports
          set status = 'reading', progress_done = 0, progress_total = 0, started_at = coalesce(started_at, now())
        where id = $1 and status not in ('done', 'failed')
        returning file`,
      [importId],
    );
    return row?.file as Uint8Array | null | undefined;
  });
  if (file === undefined) return;
  if (file === null) {
    await failImport(db, importId, [
      { row: 0, column: null, value: null, message: "Filen finns inte längre. Ladda upp den igen." },
    ]);
    return;
  }
  try {
    await discardImportFigures(db, importId);
    const parsed = await parseScbFile(file);
    if (parsed.errors.length > 0 || parsed.rows.length === 0) {
      const errors = parsed.errors.length
        ? parsed.errors
        : [{ row: 0, column: null, value: null, message: "Filen innehåller inga kommuner." }];
      await failImport(db, importId, errors, { notes: parsed.notes, periods: parsed.periods });
      return;
    }
    await transaction(db, {}, (tx) =>
      sqlInTransaction(tx, "update statistics_imports set notes = $2 where id = $1", [
        importId,
        parsed.notes,
      ]),
    );
    await writeImportFigures(db, importId, parsed.rows);
    await activateImport(db, importId);
  } catch (error) {
    await discardImportFigures(db, importId);
    await failImport(db, importId, [
      {
        row: 0,
        column: null,
        value: null,
        message: "Importen avbröts av ett fel i systemet. Inget ändrades. Ladda upp filen igen.",
      },
    ]);
    throw error;
  }
}
