import type { Schemas } from "@nns/api-client";
import { isProblem } from "@nns/api-client";
import { useQuery } from "@tanstack/react-query";
import { ApiError, api, call } from "../../lib/api";

export type StatisticsImport = Schemas["StatisticsImport"];
export type StatisticsImportSummary = Schemas["StatisticsImportSummary"];

const PAGE_SIZE = 25;
const POLL_MS = 1000;

export const isSettled = (status: StatisticsImport["status"]) => status === "done" || status === "failed";

/** The imports, newest first; polled while one of them is still being read or written. */
export function useStatisticsImports(orgId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ["org", orgId, "statistics-imports", "list", cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/statistics-imports", {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.data.some((i) => !isSettled(i.status)) ? POLL_MS : false),
  });
}

/** One import, polled until the job has finished with it. */
export function useStatisticsImport(orgId: string, importId: string | null) {
  return useQuery({
    queryKey: ["org", orgId, "statistics-imports", importId],
    enabled: importId !== null,
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/statistics-imports/{importId}", {
          params: { path: { orgId, importId: importId ?? "" } },
        }),
      ),
    refetchInterval: (query) => (query.state.data && isSettled(query.state.data.status) ? false : POLL_MS),
  });
}

/** The media type the API takes the file as: XLSX by its name, anything else as text. */
function mediaType(file: File): string {
  return /\.xlsx$/i.test(file.name)
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : /\.(tsv|tab)$/i.test(file.name)
      ? "text/tab-separated-values"
      : "text/csv";
}

/**
 * Sends the file as the raw request body. XMLHttpRequest rather than fetch: only it reports how much of
 * the body has been sent, which the upload's progress bar shows for a file of tens of megabytes.
 */
export function uploadStatisticsFile(
  orgId: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<StatisticsImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/v1/orgs/${orgId}/statistics-imports?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", mediaType(file));
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(xhr.response as StatisticsImport);
      else
        reject(
          new ApiError(
            isProblem(xhr.response)
              ? xhr.response
              : {
                  type: "about:blank",
                  title: "Upload failed",
                  status: xhr.status,
                  detail: `Oväntat svar (${xhr.status}).`,
                  code: "internal",
                  instance: "",
                  requestId: "",
                },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: "about:blank",
          title: "Network error",
          status: 0,
          detail: "Kunde inte nå servern.",
          code: "network",
          instance: "",
          requestId: "",
        }),
      );
    xhr.send(file);
  });
}
