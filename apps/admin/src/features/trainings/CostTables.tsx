import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
import type { TrainingCosts } from "./api";
import { formatKronor, formatVatRate } from "./format";
import "./i18n";

/**
 * One förbund's costs in two groups, each closed by its own subtotal: its share of the shared cost, then
 * its own print costs; below both, the sum before VAT, the VAT, the total and what NNS invoices. A print
 * line therefore never sits above a subtotal it is not part of. `invoiced`: NNS runs the training and
 * invoices the förbund, so which lines it invoices is shown.
 */
export function OwnShare({
  party,
  invoiced,
}: {
  party: TrainingCosts["parties"][number];
  invoiced: boolean;
}) {
  const { t } = useTranslation("trainings");
  const columns = invoiced ? 4 : 3;
  const groups = [
    {
      kind: "shared",
      heading: t("costs.sharedGroup"),
      subtotal: t("costs.ownShare"),
      sum: party.sharedNetOre,
    },
    {
      kind: "print",
      heading: t("costs.printGroup"),
      subtotal: t("costs.printCosts"),
      sum: party.printNetOre,
    },
  ] as const;
  return (
    <ScrollableTable labelledBy="own-costs-heading">
      <table className="cost-table">
        <caption id="own-costs-heading" className="visually-hidden">
          {t("costs.ownCaption", { name: party.organizationName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("costs.columns.item")}</th>
            <th scope="col" className="amount">
              {t("costs.columns.net")}
            </th>
            <th scope="col" className="amount">
              {t("costs.columns.vat")}
            </th>
            {invoiced ? <th scope="col">{t("costs.columns.payer")}</th> : null}
          </tr>
        </thead>
        {groups.map((group) => {
          const lines = party.lines.filter((line) => line.kind === group.kind);
          if (lines.length === 0) return null;
          return (
            <tbody key={group.kind}>
              <tr className="cost-group">
                <th scope="colgroup" colSpan={columns}>
                  {group.heading}
                </th>
              </tr>
              {lines.map((line, index) => (
                <tr key={index}>
                  <td>{line.description}</td>
                  <td className="amount">{formatKronor(line.netOre)}</td>
                  <td className="amount">
                    {formatKronor(line.vatOre)}{" "}
                    <span className="muted">({formatVatRate(line.vatRateBasisPoints)})</span>
                  </td>
                  {invoiced ? (
                    <td>{line.invoiced ? t("costs.invoicedByNns") : t("costs.paidDirectly")}</td>
                  ) : null}
                </tr>
              ))}
              <tr className="subtotal">
                <th scope="row">{group.subtotal}</th>
                <td className="amount">{formatKronor(group.sum)}</td>
                <td colSpan={columns - 2} />
              </tr>
            </tbody>
          );
        })}
        <tfoot>
          <tr>
            <th scope="row">{t("costs.netSum")}</th>
            <td className="amount">{formatKronor(party.sharedNetOre + party.printNetOre)}</td>
            <td colSpan={columns - 2} />
          </tr>
          <tr>
            <th scope="row">{t("costs.vat")}</th>
            <td />
            <td className="amount">{formatKronor(party.vatOre)}</td>
            {invoiced ? <td /> : null}
          </tr>
          <tr className="total">
            <th scope="row">{t("costs.total")}</th>
            <td className="amount" colSpan={2}>
              {formatKronor(party.totalOre)}
            </td>
            {invoiced ? <td /> : null}
          </tr>
          {invoiced ? (
            <tr>
              <th scope="row">{t("costs.invoicedTotal")}</th>
              <td className="amount" colSpan={2}>
                {formatKronor(party.invoicedTotalOre)}
              </td>
              <td />
            </tr>
          ) : null}
        </tfoot>
      </table>
    </ScrollableTable>
  );
}

/** Every förbund's part; the sum row adds up each column on its own, so every total is under its heading. */
export function AllParties({ costs, invoiced }: { costs: TrainingCosts; invoiced: boolean }) {
  const { t } = useTranslation("trainings");
  const sum = (amount: (party: TrainingCosts["parties"][number]) => number) =>
    costs.parties.reduce((total, party) => total + amount(party), 0);
  return (
    <ScrollableTable labelledBy="all-costs-heading">
      <table>
        <caption id="all-costs-heading" className="visually-hidden">
          {t("costs.allCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("costs.columns.organization")}</th>
            <th scope="col" className="amount">
              {t("costs.columns.share")}
            </th>
            <th scope="col" className="amount">
              {t("costs.columns.print")}
            </th>
            <th scope="col" className="amount">
              {t("costs.columns.vat")}
            </th>
            <th scope="col" className="amount">
              {t("costs.columns.total")}
            </th>
            {invoiced ? (
              <th scope="col" className="amount">
                {t("costs.columns.invoiced")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {costs.parties.map((party) => (
            <tr key={party.organizationId}>
              <th scope="row">{party.organizationName}</th>
              <td className="amount">{formatKronor(party.sharedNetOre)}</td>
              <td className="amount">{formatKronor(party.printNetOre)}</td>
              <td className="amount">{formatKronor(party.vatOre)}</td>
              <td className="amount">{formatKronor(party.totalOre)}</td>
              {invoiced ? <td className="amount">{formatKronor(party.invoicedTotalOre)}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total">
            <th scope="row">{t("costs.sum")}</th>
            <td className="amount">{formatKronor(sum((party) => party.sharedNetOre))}</td>
            <td className="amount">{formatKronor(sum((party) => party.printNetOre))}</td>
            <td className="amount">{formatKronor(costs.vatOre)}</td>
            <td className="amount">{formatKronor(costs.totalOre)}</td>
            {invoiced ? (
              <td className="amount">{formatKronor(sum((party) => party.invoicedTotalOre))}</td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </ScrollableTable>
  );
}
