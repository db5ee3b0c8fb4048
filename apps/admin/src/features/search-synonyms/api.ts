import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type SearchSynonym = Schemas["SearchSynonym"];
export type SearchSynonymInput = Schemas["SearchSynonymInput"];

const synonymsKey = ["nns", "search-synonyms"] as const;

export const searchSynonymsQuery = queryOptions({
  queryKey: synonymsKey,
  queryFn: async () => (await call(api.GET("/nns/catalog/search-synonyms"))).data,
});

/** Adds a synonym, or with `synonym` changes that one. */
export function useSaveSearchSynonym(synonym?: SearchSynonym) {
  return useApiMutation({
    mutationFn: (body: SearchSynonymInput) =>
      synonym
        ? call(
            api.PUT("/nns/catalog/search-synonyms/{synonymId}", {
              params: { path: { synonymId: synonym.id } },
              body,
            }),
          )
        : call(api.POST("/nns/catalog/search-synonyms", { body })),
    invalidates: [synonymsKey],
  });
}

export function useDeleteSearchSynonym() {
  return useApiMutation({
    mutationFn: (synonym: SearchSynonym) =>
      call(
        api.DELETE("/nns/catalog/search-synonyms/{synonymId}", {
          params: { path: { synonymId: synonym.id } },
        }),
      ),
    invalidates: [synonymsKey],
  });
}
