import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { trainingKeys } from "./api";

export type EventSeries = Schemas["EventSeries"];

/** The förbund's event series, each with its year-on-year view. */
export function eventSeriesQuery(orgId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.all(orgId), "series"],
    queryFn: async () => {
      const list = await call(api.GET("/orgs/{orgId}/event-series", { params: { path: { orgId } } }));
      return Promise.all(
        list.map((s) =>
          call(
            api.GET("/orgs/{orgId}/event-series/{seriesId}", { params: { path: { orgId, seriesId: s.id } } }),
          ),
        ),
      );
    },
  });
}
