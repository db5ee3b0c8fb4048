import type { Schemas } from "@nns/api-client";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { DescribedOption } from "../../components/choice";
import { eventTypesQuery } from "./api";

export type WebhookEndpoint = Schemas["WebhookEndpoint"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type DeliveryStatus = WebhookDelivery["status"];
export type WebhookEventType = Schemas["WebhookEventType"];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ["pending", "succeeded", "failed", "gave_up"];

/** An event type names its resource first: `training_request.scheduled` belongs with the requests. */
function groupOf(type: string): string {
  return type.split(".")[0] ?? type;
}

/**
 * An event type in words. The Swedish labels live in sv.ts under the type's own path (`training.created`
 * is `events.training.created`); a type the API has added since falls back to the API's own description,
 * so a person never sees only the code.
 */
export function useEventLabel(): (type: string) => string {
  const { t } = useTranslation("webhooks");
  const types = useQuery(eventTypesQuery);
  return (type) => {
    const fallback = types.data?.find((known) => known.type === type)?.description ?? type;
    return t(`events.${type}.label`, { defaultValue: fallback });
  };
}

/**
 * The event types as choices for the form, grouped by what they concern, in the API's order; `query`
 * carries the loading and error states of fetching them.
 */
export function useEventOptions() {
  const { t } = useTranslation("webhooks");
  const query = useQuery(eventTypesQuery);
  const label = useEventLabel();
  const types = query.data ?? [];
  const groups = [...new Set(types.map((type) => groupOf(type.type)))];
  const options: DescribedOption[] = groups.flatMap((group) =>
    types
      .filter((type) => groupOf(type.type) === group)
      .map((type) => ({
        id: type.type,
        label: label(type.type),
        description: t(`events.${type.type}.description`, { defaultValue: type.description }),
        group: t(`eventGroups.${group}`, { defaultValue: t("eventGroups.other") }),
      })),
  );
  return { query, options };
}
