import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PublicFrame } from "../../components/PublicFrame";
import { ServerForm } from "../../components/ServerForm";
import { ErrorState, FormError, Loading } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { useAcceptInvitation, useInvitation } from "./api";
import "./i18n";

const route = getRouteApi("/accept-invitation");

export function AcceptInvitationPage() {
  const { t } = useTranslation("auth");
  const { t: tc } = useTranslation();
  const { token } = route.useLoaderData();
  const navigate = useNavigate();
  const preview = useInvitation(token);
  const accept = useAcceptInvitation(token);

  let content: React.ReactNode;
  // A malformed token (400) and an unknown, used or expired one (410) mean the same to the person.
  if (!token || (preview.error instanceof ApiError && [400, 410].includes(preview.error.status))) {
    content = <p role="alert">{t("invitation.invalid")}</p>;
  } else if (preview.isPending) {
    content = <Loading />;
  } else if (preview.error) {
    content = <ErrorState error={preview.error} onRetry={() => preview.refetch()} />;
  } else {
    const invitation = preview.data;
    content = (
      <>
        <p>
          {t("invitation.intro", {
            organization: invitation.organizationName,
            role: tc(`roles.${invitation.role}`).toLowerCase(),
            email: invitation.email,
          })}
        </p>
        {invitation.existingAccount ? <p>{t("invitation.existing")}</p> : null}
        <ServerForm
          error={accept.error}
          onEdit={accept.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            accept.mutate(
              {
                ...(invitation.existingAccount ? {} : { name: String(data.get("name")) }),
                password: String(data.get("password")),
              },
              {
                onSuccess: (signedIn) => {
                  const joined = signedIn.memberships.find(
                    (m) => m.organization.name === invitation.organizationName,
                  );
                  return navigate(
                    joined ? { to: "/o/$orgId", params: { orgId: joined.organization.id } } : { to: "/" },
                  );
                },
              },
            );
          }}
        >
          <FormError error={accept.error} />
          {invitation.existingAccount ? null : (
            <TextField name="name" label={t("invitation.name")} autoComplete="name" isRequired />
          )}
          <TextField
            name="password"
            type="password"
            label={invitation.existingAccount ? t("invitation.currentPassword") : t("invitation.password")}
            description={invitation.existingAccount ? undefined : t("reset.passwordHint")}
            autoComplete={invitation.existingAccount ? "current-password" : "new-password"}
            isRequired
          />
          <Button type="submit" isDisabled={accept.isPending}>
            {t("invitation.submit")}
          </Button>
        </ServerForm>
      </>
    );
  }
  return (
    <PublicFrame title={t("invitation.title")}>
      <div className="card narrow">
        <h1>{t("invitation.title")}</h1>
        {content}
      </div>
    </PublicFrame>
  );
}
