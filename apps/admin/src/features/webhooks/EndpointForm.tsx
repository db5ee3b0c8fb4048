import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DescribedCheckboxGroupField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import type { EndpointBody } from "./api";
import { useEventOptions, type WebhookEventType } from "./events";
import "./i18n";

/** The fields of an endpoint, for adding one and for changing it; the caller sends what was filled in. */
export function EndpointForm({
  initial,
  error,
  onEdit,
  isPending,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  initial?: EndpointBody;
  error: unknown;
  onEdit: () => void;
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (body: EndpointBody) => void;
}) {
  const { t } = useTranslation("webhooks");
  const [events, setEvents] = useState<string[]>(initial?.events ?? []);
  const { query, options } = useEventOptions();
  return (
    <QueryView query={query}>
      {() => (
        <ServerForm
          error={error}
          onEdit={onEdit}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            onSubmit({
              url: String(data.get("url")).trim(),
              description: optional(data.get("description")),
              // The choices are the API's own event types (GET /webhook-event-types).
              events: events as WebhookEventType[],
            });
          }}
        >
          <FormError error={error} />
          <TextField
            name="url"
            type="url"
            label={t("form.url")}
            description={t("form.urlDescription")}
            defaultValue={initial?.url}
            placeholder="https://"
            autoComplete="off"
            maxLength={2000}
            isRequired
            autoFocus
          />
          <TextField
            name="description"
            label={t("form.description")}
            description={t("form.descriptionDescription")}
            defaultValue={initial?.description ?? ""}
            maxLength={200}
            autoComplete="off"
          />
          <DescribedCheckboxGroupField
            name="events"
            label={t("form.events")}
            description={t("form.eventsDescription")}
            options={options}
            value={events}
            onChange={setEvents}
            isRequired
          />
          <DialogActions onCancel={onCancel} submitLabel={submitLabel} isPending={isPending} />
        </ServerForm>
      )}
    </QueryView>
  );
}
