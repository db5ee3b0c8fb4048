import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PublicFrame } from "../../components/PublicFrame";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { api, call } from "../../lib/api";
import { meQuery } from "../../lib/session";
import "./i18n";

export function LoginPage() {
  const { t } = useTranslation("auth");
  const search = useSearch({ from: "/login" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST("/auth/login", { body })),
    onSuccess: async () => {
      // Fetch now: a cached "signed out" answer would send the router straight back to sign-in.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: search.redirect ?? "/" });
    },
  });
  return (
    <PublicFrame title={t("login.title")}>
      <div className="card narrow">
        <h1>{t("login.title")}</h1>
        <p>{t("login.intro")}</p>
        <ServerForm
          error={login.error}
          onEdit={login.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            login.mutate({ email: String(data.get("email")), password: String(data.get("password")) });
          }}
        >
          <FormError error={login.error} />
          <TextField
            name="email"
            type="email"
            label={t("login.email")}
            autoComplete="username"
            isRequired
            autoFocus
          />
          <TextField
            name="password"
            type="password"
            label={t("login.password")}
            autoComplete="current-password"
            isRequired
          />
          <Button type="submit" isDisabled={login.isPending}>
            {t("login.submit")}
          </Button>
        </ServerForm>
        <p>
          <Link to="/reset-password">{t("login.forgot")}</Link>
        </p>
      </div>
    </PublicFrame>
  );
}
