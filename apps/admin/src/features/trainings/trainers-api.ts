import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { type Mode, type PriceItem, type Trainer, trainingKeys } from "./api";

// NNS's registries behind the trainings: certified trainers, the price list and the BIP/SKAPA template.

export type TrainerBody = {
  name: string;
  email: string;
  phone: string | null;
  countyCodes: Schemas["CountyCode"][];
  deliveryModes: Mode[];
  notes: string | null;
};

export const trainersQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "trainers"],
  queryFn: async () => (await call(api.GET("/nns/trainers"))).data,
});

export const expiringQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "expiring"],
  queryFn: async () => (await call(api.GET("/nns/certifications/expiring"))).data,
});

export const priceListQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "price-list"],
  queryFn: async () => (await call(api.GET("/nns/price-list"))).data,
});

export const templateQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "template"],
  queryFn: () => call(api.GET("/nns/training-template")),
  staleTime: 5 * 60_000,
});

/** Adds a trainer, or with `trainer` changes that one (and whether it is archived) against its version. */
export function useSaveTrainer(trainer?: Trainer) {
  return useApiMutation({
    mutationFn: ({ archived, ...body }: TrainerBody & { archived: boolean }) =>
      trainer
        ? call(
            api.PATCH("/nns/trainers/{trainerId}", {
              params: { path: { trainerId: trainer.id }, header: { "if-match": `"${trainer.version}"` } },
              body: { ...body, archived },
            }),
          )
        : call(api.POST("/nns/trainers", { body })),
    invalidates: [trainingKeys.nns],
    invalidateOnError: true,
  });
}

export function useAddCertification(trainerId: string) {
  return useApiMutation({
    mutationFn: (body: {
      issuer: string;
      certifiedOn: string;
      validUntil: string | null;
      evidence: string | null;
    }) =>
      call(
        api.POST("/nns/trainers/{trainerId}/certifications", {
          params: { path: { trainerId } },
          body,
        }),
      ),
    invalidates: [trainingKeys.nns],
  });
}

export function useRevokeCertification(trainerId: string) {
  return useApiMutation({
    mutationFn: (certificationId: string) =>
      call(
        api.POST("/nns/trainers/{trainerId}/certifications/{certificationId}/revoke", {
          params: { path: { trainerId, certificationId } },
        }),
      ),
    invalidates: [trainingKeys.nns],
  });
}

/** Changes a price against the version shown; a refusal refreshes the list. */
export function useSavePrice(item: PriceItem) {
  return useApiMutation({
    mutationFn: (body: {
      name: string;
      unitPriceOre: number;
      vatRateBasisPoints: number;
      maxParticipants: number | null;
      active: boolean;
    }) =>
      call(
        api.PUT("/nns/price-list/{code}", {
          params: { path: { code: item.code }, header: { "if-match": `"${item.version}"` } },
          body,
        }),
      ),
    invalidates: [trainingKeys.nns],
    invalidateOnError: true,
  });
}
