import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { AddSubscriberDialog } from "./AddSubscriberDialog";
import { exportUrl, publicationQuery, type SubscriberFilters } from "./api";
import { ImportDialog } from "./ImportDialog";
import { SubscriberFiltersForm } from "./SubscriberFiltersForm";
import { SubscriberList } from "./SubscriberList";
import "./i18n";
import "./newsletter-subscribers.css";

const route = getRouteApi("/app/o/$orgId/nyhetsbrev/$publicationId/prenumeranter");

/**
 * A publication's subscribers, for its administrators (subscribers:manage: the list is personal data):
 * the list with each person's consent, adding one, importing a file, exporting, and unsubscribing or
 * erasing someone who asks.
 */
export function SubscribersPage() {
  const { orgId, publicationId } = route.useParams();
  // A fresh page per publication: search, loaded rows and messages never carry over to another list.
  return <Subscribers key={`${orgId}/${publicationId}`} orgId={orgId} publicationId={publicationId} />;
}

function Subscribers({ orgId, publicationId }: { orgId: string; publicationId: string }) {
  const { t } = useTranslation("newsletterSubscribers");
  const publication = useQuery(publicationQuery(orgId, publicationId));
  const { feedback, show } = useFeedback();
  const [filters, setFilters] = useState<SubscriberFilters>({});
  const say = (text: string) => show({ kind: "success", text });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          publication.data
            ? t("description", { publication: publication.data.name })
            : t("descriptionFallback")
        }
        actions={
          publication.data ? (
            <>
              <AddSubscriberDialog
                orgId={orgId}
                publicationId={publicationId}
                onAdded={(subscriber) =>
                  say(
                    t(subscriber.status === "confirmed" ? "add.doneConfirmed" : "add.doneUnconfirmed", {
                      email: subscriber.email,
                    }),
                  )
                }
              />
              <ImportDialog orgId={orgId} publicationId={publicationId} onImported={say} />
              <a className="btn btn-secondary" href={exportUrl(orgId, publicationId)} download>
                {t("export")}
              </a>
            </>
          ) : null
        }
      />
      <FeedbackRegion feedback={feedback} />
      <QueryView query={publication}>
        {() => (
          <section className="card" aria-labelledby="subscribers-heading">
            <h2 id="subscribers-heading">{t("list.heading")}</h2>
            <SubscriberFiltersForm filters={filters} onApply={setFilters} />
            {/* A new search starts again from the first page. */}
            <SubscriberList
              key={JSON.stringify(filters)}
              orgId={orgId}
              publicationId={publicationId}
              filters={filters}
              onChanged={say}
            />
          </section>
        )}
      </QueryView>
    </>
  );
}
