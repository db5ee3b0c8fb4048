import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PublicFrame } from "../../components/PublicFrame";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { useLogin } from "./api";
import "./i18n";

export function LoginPage() {
  const { t } = useTranslation("auth");
  const search = useSearch({ from: "/login" });
  const navigate = useNavigate();
  const login = useLogin();
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
            login.mutate(
              { email: String(data.get("email")), password: String(data.get("password")) },
              { onSuccess: () => navigate({ to: search.redirect ?? "/" }) },
            );
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
