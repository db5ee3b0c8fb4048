import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { formatAxisKronor } from "../../components/charts/format";
import { COLOURS, type Series } from "../../components/charts/palette";
import { StackedBars, stackedHeight } from "../../components/charts/StackedBars";
import { DataTable } from "../../components/DataTable";
import type { TrainingCosts } from "./api";
import { formatKronor } from "./format";
import "./i18n";

type Party = TrainingCosts["parties"][number];

/**
 * Each förbund's cost as one bar: its share of the shared cost, its print costs and the VAT on both, as
 * the costs API reports them (the owner sees every förbund, a förbund its own). Loaded lazily with
 * recharts (CostsSection).
 */
export default function CostsChart({ costs }: { costs: TrainingCosts }) {
  const { t } = useTranslation("trainings");
  // An event without costs (a förbund's own day, nothing added) has nothing to draw.
  if (costs.parties.every((party) => party.totalOre === 0)) return null;
  const rows = costs.parties.map((party: Party) => ({
    id: party.organizationId,
    name: party.organizationName,
    share: party.sharedNetOre,
    print: party.printNetOre,
    vat: party.vatOre,
    total: party.totalOre,
  }));
  const series: Series[] = [
    { key: "share", label: t("charts.costs.share"), colour: COLOURS.blue, fill: "solid" },
    { key: "print", label: t("charts.costs.print"), colour: COLOURS.orange, fill: "hatch" },
    { key: "vat", label: t("charts.costs.vat"), colour: COLOURS.grey, fill: "dots" },
  ];
  const summary = [
    t("charts.costs.summaryIntro"),
    ...rows.map((row) =>
      t("charts.costs.summaryRow", {
        name: row.name,
        share: formatKronor(row.share),
        print: formatKronor(row.print),
        vat: formatKronor(row.vat),
        total: formatKronor(row.total),
      }),
    ),
  ].join(" ");
  const money = (key: "share" | "print" | "vat" | "total", header: string) => ({
    id: key,
    header,
    className: "amount",
    cell: (row: (typeof rows)[number]) => formatKronor(row[key]),
  });
  return (
    <ChartFigure
      title={t("charts.costs.title")}
      summary={summary}
      legend={series}
      height={stackedHeight(rows.length)}
      table={
        <DataTable
          caption={t("charts.costs.title")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              id: "organization",
              header: t("charts.costs.organization"),
              rowHeader: true,
              cell: (row) => row.name,
            },
            money("share", t("charts.costs.share")),
            money("print", t("charts.costs.print")),
            money("vat", t("charts.costs.vat")),
            money("total", t("charts.costs.total")),
          ]}
        />
      }
    >
      <StackedBars rows={rows} series={series} format={formatKronor} tickFormat={formatAxisKronor} />
    </ChartFigure>
  );
}
