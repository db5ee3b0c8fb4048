import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { usePermissions } from "../../lib/session";
import { useIntervention } from "./api";
import { isEditable } from "./badges";
import { InterventionForm } from "./form/InterventionForm";
import { InterventionTabs } from "./Tabs";
import "./i18n";
import "./catalog.css";

const newRoute = getRouteApi("/app/o/$orgId/interventions/new");
const editRoute = getRouteApi("/app/o/$orgId/interventions/$interventionId/edit");

/** "Ny insats": a draft in the förbund's name. */
export function NewInterventionPage() {
  const { orgId } = newRoute.useParams();
  const { t } = useTranslation("catalog");
  return (
    <>
      <PageHeader title={t("form.newTitle")} />
      <p>
        <Link to="/o/$orgId/interventions" params={{ orgId }}>
          {t("form.backList")}
        </Link>
      </p>
      <InterventionForm key={orgId} orgId={orgId} />
    </>
  );
}

/** "Redigera": a new revision of the working copy; a published entry stays public until republished. */
export function EditInterventionPage() {
  const { orgId, interventionId } = editRoute.useParams();
  const { t } = useTranslation("catalog");
  const query = useIntervention(orgId, interventionId);
  const can = usePermissions(orgId);
  return (
    <QueryView query={query}>
      {({ intervention, etag }) => (
        <>
          <PageHeader title={t("form.editTitle", { title: intervention.content.title })} />
          <InterventionTabs
            orgId={orgId}
            interventionId={interventionId}
            canEdit={can.has("interventions:write")}
          />
          {isEditable(intervention) ? null : (
            <p className="notice">{t("form.notEditable", { state: t(`state.${intervention.state}`) })}</p>
          )}
          <InterventionForm
            key={`${orgId}/${interventionId}/${intervention.version}`}
            orgId={orgId}
            initial={intervention}
            etag={etag}
            onReload={() => query.refetch()}
          />
        </>
      )}
    </QueryView>
  );
}
