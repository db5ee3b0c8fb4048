import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "./api";

/** Reference data changes only with a new SCB code list, so it is fetched once per session. */
export const countiesQuery = queryOptions({
  queryKey: ["reference", "counties"],
  queryFn: async () => (await call(api.GET("/reference/counties"))).data,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The förbund one can share with (co-owners, co-publishers): the platform's public directory. */
export const forbundQuery = queryOptions({
  queryKey: ["reference", "forbund"],
  queryFn: async () => (await call(api.GET("/reference/forbund"))).data,
  staleTime: 5 * 60_000,
});

/** `countyCode` is one the counties query returned. */
export function municipalitiesQuery(countyCode: string) {
  return queryOptions({
    queryKey: ["reference", "municipalities", countyCode],
    queryFn: async () =>
      (
        await call(
          api.GET("/reference/municipalities", {
            params: { query: { countyCode: countyCode as Schemas["CountyCode"] } },
          }),
        )
      ).data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** SCB's kommunkod starts with the länskod of the county it lies in (1380 Halmstad → 13 Halland). */
export function countyOfMunicipality(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}
