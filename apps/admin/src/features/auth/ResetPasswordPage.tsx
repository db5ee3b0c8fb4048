import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PublicFrame } from "../../components/PublicFrame";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { useConfirmPasswordReset, useRequestPasswordReset } from "./api";
import "./i18n";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { token } = route.useLoaderData();
  const request = useRequestPasswordReset();
  const confirm = useConfirmPasswordReset(token);

  if (!token) {
    return (
      <PublicFrame title={t("reset.requestTitle")}>
        <div className="card narrow">
          <h1>{t("reset.requestTitle")}</h1>
          {request.isSuccess ? (
            <p role="status">{t("reset.sent")}</p>
          ) : (
            <>
              <p>{t("reset.requestIntro")}</p>
              <ServerForm
                error={request.error}
                onEdit={request.reset}
                onSubmit={(event) => {
                  event.preventDefault();
                  request.mutate(String(new FormData(event.currentTarget).get("email")));
                }}
              >
                <FormError error={request.error} />
                <TextField
                  name="email"
                  type="email"
                  label={t("login.email")}
                  autoComplete="email"
                  isRequired
                />
                <Button type="submit" isDisabled={request.isPending}>
                  {t("reset.send")}
                </Button>
              </ServerForm>
            </>
          )}
          <p>
            <Link to="/login">{t("reset.toLogin")}</Link>
          </p>
        </div>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={t("reset.setTitle")}>
      <div className="card narrow">
        <h1>{t("reset.setTitle")}</h1>
        {confirm.isSuccess ? (
          <>
            <p role="status">{t("reset.done")}</p>
            <Link to="/login">{t("reset.toLogin")}</Link>
          </>
        ) : (
          <ServerForm
            error={confirm.error}
            onEdit={confirm.reset}
            onSubmit={(event) => {
              event.preventDefault();
              confirm.mutate(String(new FormData(event.currentTarget).get("password")));
            }}
          >
            <FormError error={confirm.error} />
            <TextField
              name="password"
              type="password"
              label={t("reset.newPassword")}
              description={t("reset.passwordHint")}
              autoComplete="new-password"
              isRequired
            />
            <Button type="submit" isDisabled={confirm.isPending}>
              {t("reset.set")}
            </Button>
          </ServerForm>
        )}
      </div>
    </PublicFrame>
  );
}
