import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type Vocabularies = Schemas["CatalogVocabularies"];
export type VocabularyTerm = Schemas["VocabularyTerm"];
export type VocabularyKind = "focus-areas" | "methods" | "outcome-categories" | "target-groups";

/** Every cached copy of the vocabularies (the catalogue's forms and the progression feature read them too). */
const vocabulariesKey = ["catalog", "vocabularies"];

/** The four lists with their retired terms, for NNS to keep. */
export const allVocabulariesQuery = queryOptions({
  queryKey: [...vocabulariesKey, "with-retired"],
  queryFn: () => call(api.GET("/catalog/vocabularies", { params: { query: { includeRetired: "true" } } })),
});

export function useAddTerm(kind: VocabularyKind) {
  return useApiMutation({
    mutationFn: (body: Schemas["VocabularyTermInput"]) =>
      call(api.POST("/nns/catalog/vocabularies/{kind}/terms", { params: { path: { kind } }, body })),
    invalidates: [vocabulariesKey],
  });
}

export function useChangeTerm(kind: VocabularyKind) {
  return useApiMutation({
    mutationFn: ({ code, ...body }: Schemas["VocabularyTermChanges"] & { code: string }) =>
      call(
        api.PATCH("/nns/catalog/vocabularies/{kind}/terms/{code}", {
          params: { path: { kind, code } },
          body,
        }),
      ),
    invalidates: [vocabulariesKey],
    invalidateOnError: true,
  });
}
