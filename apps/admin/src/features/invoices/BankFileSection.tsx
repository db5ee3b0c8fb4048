import { formatKronor } from "@nns/domain/money";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion } from "../../components/Feedback";
import { type BankFileReport, useImportBankFile } from "./api";
import { ProblemMessage } from "./ProblemMessage";
import "./i18n";

/** The file's bytes as base64, without the data-URL prefix the reader adds. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * NNS reads in the payment file its bank gives for the bankgiro (BgMax): payments whose OCR names an open
 * invoice are registered, the rest are listed for a person to handle by hand.
 */
export function BankFileSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation("invoices");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<BankFileReport | null>(null);
  const importFile = useImportBankFile(orgId);
  const ids = { input: useId(), hint: useId() };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    setReport(null);
    importFile.mutate({ filename: file.name, content: await readAsBase64(file) }, { onSuccess: setReport });
  }

  return (
    <section className="card" aria-labelledby="bank-file-heading">
      <h2 id="bank-file-heading">{t("bankFile.heading")}</h2>
      <p className="muted" id={ids.hint}>
        {t("bankFile.intro")}
      </p>
      <form onSubmit={submit} className="bank-file-form">
        <div className="field">
          <label className="field-label" htmlFor={ids.input}>
            {t("bankFile.file")}
          </label>
          <input
            id={ids.input}
            type="file"
            accept=".txt,.dat,text/plain"
            className="field-input"
            aria-describedby={ids.hint}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="btn btn-secondary" disabled={!file || importFile.isPending}>
          {importFile.isPending ? t("bankFile.importing") : t("bankFile.import")}
        </button>
      </form>
      <ProblemMessage error={importFile.error} title={t("bankFile.failed")} />
      {report ? (
        <>
          <FeedbackRegion
            feedback={{
              kind: "success",
              text: t("bankFile.done", {
                count: report.registeredCount,
                amount: formatKronor(report.registeredOre),
              }),
            }}
          />
          <DataTable
            caption={t("bankFile.caption", { filename: report.filename })}
            rows={report.items.map((item, index) => ({ ...item, index }))}
            rowKey={(item) => String(item.index)}
            columns={[
              {
                id: "payer",
                header: t("bankFile.payer"),
                rowHeader: true,
                cell: (item) => item.payerName ?? t("bankFile.unknownPayer"),
              },
              { id: "date", header: t("bankFile.date"), noWrap: true, cell: (item) => item.paymentDate },
              { id: "reference", header: t("bankFile.reference"), cell: (item) => item.reference },
              {
                id: "amount",
                header: t("bankFile.amount"),
                className: "amount",
                cell: (item) => formatKronor(item.amountOre),
              },
              { id: "outcome", header: t("bankFile.outcome"), cell: (item) => item.message },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
