import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { problems } from "../../lib/schemas.js";
import { STATISTICS_MAX_AGE_SECONDS } from "../statistics/statistics.routes.js";
import { ForbundParams, PeriodQuery } from "../statistics/statistics.schemas.js";

export const getForbundBoardReport = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/forbund/{slug}/report.pdf",
    tags: ["Statistics (public)"],
    operationId: "getForbundBoardReport",
    summary: "Download a förbund's board report as PDF",
    description:
      "The needs analysis of `getForbundStatistics` as a printable Swedish A4 PDF for a board, in place of " +
      "a consultant's report: the förbund's name and period, SCB's table and the import date, the summary, " +
      "how to read the quartile colours, the försörjningsprofil (each benefit type for everyone, women and " +
      "men: every member kommun's share, change in procentenheter and quartile as colour and word, the " +
      "förbund's total, the län and riket, with the cut points), and per kommun two trend charts of all " +
      "benefits together up to the period (the kommun against the län, riket and the spread of all " +
      "kommuner; women and men against riket), each with its figures in a table. Demo figures are marked " +
      "on every page. The PDF is tagged (headings, tables, charts with alternative text) and in Swedish. " +
      "`period` is a year or a month (default: the latest year with figures); for a month the trends " +
      "show the same month of earlier years. An unknown förbund or a period without figures answers 404. " +
      "Public, no credentials needed, and the same for everyone: cached for " +
      `${STATISTICS_MAX_AGE_SECONDS / 60} minutes (\`Cache-Control: public, max-age=${STATISTICS_MAX_AGE_SECONDS}\`).`,
    request: { params: ForbundParams, query: z.object({ period: PeriodQuery }) },
    responses: {
      200: {
        description:
          "The PDF, shown in the browser (`inline`) and saved as `Behovsanalys <förbund> <period>.pdf`",
        headers: {
          "Content-Disposition": {
            description:
              "`inline` with the Swedish file name in `filename*` (RFC 6266, UTF-8) and an ASCII " +
              "`filename` for older clients: `behovsanalys-<slug>-<period>.pdf`",
            schema: {
              type: "string" as const,
              example:
                "inline; filename=\"behovsanalys-sundsvall-2020.pdf\"; filename*=UTF-8''Behovsanalys%20Samordningsf%C3%B6rbundet%20Sundsvall%202020.pdf",
            },
          },
        },
        content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
      },
      ...problems(400, 404),
    },
  },
);
