import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, type HistoryState, Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ApiError, api, call } from "../../lib/api";
import { meQuery, useMe } from "../../lib/session";
import { NnsOnly } from "./NnsOnly";
import { type OrganizationBody, OrganizationForm } from "./OrganizationForm";
import { type Organization, organizationDetailQuery, organizationKeys } from "./queries";
import "./i18n";

const editRoute = getRouteApi("/app/nns/organizations/$id");

/** Carried in the history entry from the create page to the edit page, for the success message. */
interface CreatedState {
  organizationCreated?: string;
}

function BackLink() {
  const { t } = useTranslation("organizations");
  return (
    <p>
      <Link to="/nns/organizations">{t("backToList")}</Link>
    </p>
  );
}

export function NewOrganizationPage() {
  const me = useMe();
  return me.nnsAdmin ? <NewOrganization /> : <NnsOnly />;
}

function NewOrganization() {
  const { t } = useTranslation("organizations");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // One key per visit to the form: a repeated submit (double click, retry after a lost answer) cannot
  // register the förbund twice. The API frees the key when a request fails, so corrections can be sent.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: async (body: OrganizationBody) => {
      const request = api.POST("/organizations", {
        params: { header: { "idempotency-key": idempotencyKey } },
        body: { ...body, memberParties: body.memberParties ?? [] },
      });
      const organization = await call(request);
      const { response } = await request;
      return { organization, etag: response.headers.get("etag") };
    },
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
        queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
      ]);
      queryClient.setQueryData(organizationKeys.detail(created.organization.id), created);
      const state: CreatedState = { organizationCreated: created.organization.name };
      await navigate({
        to: "/nns/organizations/$id",
        params: { id: created.organization.id },
        // HistoryState is the router's own (all-optional) interface; ours rides along beside it.
        state: state as HistoryState,
      });
    },
  });
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
        onSubmit={(body) => create.mutate(body)}
      />
    </>
  );
}

export function EditOrganizationPage() {
  const me = useMe();
  const { id } = editRoute.useParams();
  return me.nnsAdmin ? <EditOrganization key={id} id={id} /> : <NnsOnly />;
}

function EditOrganization({ id }: { id: string }) {
  const detail = useQuery(organizationDetailQuery(id));
  // Bumped when the person reloads after a conflict: the form starts over from the latest version.
  const [generation, setGeneration] = useState(0);
  const created = useRouterState({
    select: (state) => (state.location.state as CreatedState).organizationCreated,
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
  const queryClient = useQueryClient();
  // The version this form was filled from. Only our own saves move it on: a background refetch must
  // not let a save silently overwrite someone else's change.
  const [etag, setEtag] = useState(initialEtag);
  const [name, setName] = useState(organization.name);
  const reloadedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The reload button is gone with the old form; keep keyboard focus somewhere meaningful.
    if (reloaded) reloadedRef.current?.focus();
  }, [reloaded]);

  const save = useMutation({
    mutationFn: async (body: OrganizationBody) => {
      const request = api.PATCH("/orgs/{orgId}", {
        params: { path: { orgId: organization.id }, header: etag ? { "if-match": etag } : {} },
        body,
      });
      const updated = await call(request);
      const { response } = await request;
      return { organization: updated, etag: response.headers.get("etag") };
    },
    onSuccess: async (result) => {
      setEtag(result.etag);
      setName(result.organization.name);
      queryClient.setQueryData(organizationKeys.detail(organization.id), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
        queryClient.invalidateQueries({ queryKey: ["org", organization.id] }),
        queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
      ]);
    },
  });
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
      <OrganizationForm
        initial={organization}
        kind={organization.kind}
        mode="edit"
        isPending={save.isPending}
        error={conflict ? null : save.error}
        submitted={save.variables}
        onSubmit={(body) => save.mutate(body)}
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
    </>
  );
}
