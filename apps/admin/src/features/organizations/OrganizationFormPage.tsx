import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ruleText } from "../../i18n/problems";
import { ApiError } from "../../lib/api";
import {
  type Organization,
  organizationDetailQuery,
  useCreateOrganization,
  useSaveOrganization,
} from "./api";
import { OrganizationForm } from "./OrganizationForm";
import { PaymentMethodSection } from "./PaymentMethodSection";
import "./i18n";

const editRoute = getRouteApi("/app/nns/organizations/$id");

function BackLink() {
  const { t } = useTranslation("organizations");
  return (
    <p>
      <Link to="/nns/organizations">{t("backToList")}</Link>
    </p>
  );
}

export function NewOrganizationPage() {
  const { t } = useTranslation("organizations");
  const navigate = useNavigate();
  // One key per visit to the form: a double click or a retry after a lost answer registers it once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateOrganization(idempotencyKey);
  return (
    <>
      <PageHeader title={t("create.title")} description={t("create.description")} />
      <BackLink />
      <OrganizationForm
        kind="forbund"
        mode="create"
        isPending={create.isPending}
        error={create.error}
        submitted={create.variables}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (created) => {
              void navigate({
                to: "/nns/organizations/$id",
                params: { id: created.organization.id },
                state: { organizationCreated: created.organization.name },
              });
            },
          })
        }
      />
    </>
  );
}

export function EditOrganizationPage() {
  const { id } = editRoute.useParams();
  return <EditOrganization key={id} id={id} />;
}

function EditOrganization({ id }: { id: string }) {
  const detail = useQuery(organizationDetailQuery(id));
  // Bumped when the person reloads after a conflict: the form starts over from the latest version.
  const [generation, setGeneration] = useState(0);
  const created = useRouterState({
    select: (state) => state.location.state.organizationCreated,
  });
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  return (
    <EditForm
      key={generation}
      organization={detail.data.organization}
      etag={detail.data.etag}
      createdName={generation === 0 ? created : undefined}
      reloaded={generation > 0}
      onReload={async () => {
        const result = await detail.refetch();
        if (result.data) setGeneration((g) => g + 1);
      }}
    />
  );
}

function EditForm({
  organization,
  etag: initialEtag,
  createdName,
  reloaded,
  onReload,
}: {
  organization: Organization;
  etag: string | null;
  createdName: string | undefined;
  reloaded: boolean;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation("organizations");
  // The version this form was filled from. Only our own saves move it on: a background refetch must
  // not let a save silently overwrite someone else's change.
  const [etag, setEtag] = useState(initialEtag);
  const [name, setName] = useState(organization.name);
  const reloadedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The reload button is gone with the old form; keep keyboard focus somewhere meaningful.
    if (reloaded) reloadedRef.current?.focus();
  }, [reloaded]);

  const save = useSaveOrganization(organization.id, etag);
  const conflict = save.error instanceof ApiError && save.error.status === 412;

  return (
    <>
      <PageHeader
        title={t("edit.title", { name })}
        description={t(`kinds.${organization.kind}`)}
        actions={
          <Link to="/o/$orgId" params={{ orgId: organization.id }} className="btn btn-secondary">
            {t("edit.dashboard")}
          </Link>
        }
      />
      <BackLink />
      {createdName ? (
        <p className="success" role="status">
          {t("create.created", { name: createdName })}
        </p>
      ) : null}
      {reloaded ? (
        <p className="success" role="status" tabIndex={-1} ref={reloadedRef}>
          {t("edit.reloaded")}
        </p>
      ) : null}
      {organization.finsamIssues.length > 0 ? (
        <div className="notice">
          <p style={{ marginTop: 0 }}>
            <strong>{t("edit.finsamIssuesTitle")}</strong>
          </p>
          <ul>
            {organization.finsamIssues.map((rule) => (
              <li key={rule}>{ruleText(rule)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <OrganizationForm
        initial={organization}
        kind={organization.kind}
        mode="edit"
        isPending={save.isPending}
        error={conflict ? null : save.error}
        submitted={save.variables}
        onSubmit={(body) =>
          save.mutate(body, {
            onSuccess: (saved) => {
              setEtag(saved.etag);
              setName(saved.organization.name);
            },
          })
        }
        messages={
          <>
            {conflict ? (
              <div className="notice" role="alert">
                <p style={{ marginTop: 0 }}>
                  <strong>{t("edit.conflictTitle")}</strong>
                </p>
                <p>{t("edit.conflict")}</p>
                <Button variant="secondary" onPress={() => void onReload()}>
                  {t("edit.reload")}
                </Button>
              </div>
            ) : null}
            <div role="status">{save.isSuccess ? <p className="success">{t("edit.saved")}</p> : null}</div>
          </>
        }
      />
      {organization.kind === "forbund" ? <PaymentMethodSection forbundId={organization.id} /> : null}
    </>
  );
}
