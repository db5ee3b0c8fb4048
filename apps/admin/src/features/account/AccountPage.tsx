import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { ErrorState, FormError, Loading } from "../../components/states";
import { Badge, Button, PageHeader, TextField } from "../../components/ui";
import { LANGUAGES, type Language, setLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useMe } from "../../lib/session";
import { type Session, useChangePassword, useSessions, useSignOutOtherSessions } from "./api";
import { summarizeUserAgent } from "./userAgent";
import "./i18n";

export function AccountPage() {
  const { t } = useTranslation("account");
  const me = useMe();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t("profile.title")}</h2>
        <dl className="facts">
          <dt>{t("profile.name")}</dt>
          <dd>{me.user.name}</dd>
          <dt>{t("profile.email")}</dt>
          <dd>{me.user.email}</dd>
        </dl>
      </section>
      <ChangePassword />
      <Sessions />
      <LanguageChoice />
    </>
  );
}

function ChangePassword() {
  const { t } = useTranslation("account");
  const formRef = useRef<HTMLFormElement>(null);
  const change = useChangePassword();
  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t("password.title")}</h2>
      <p>{t("password.intro")}</p>
      <ServerForm
        ref={formRef}
        error={change.error}
        onEdit={change.reset}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          change.mutate(
            {
              currentPassword: String(data.get("currentPassword")),
              newPassword: String(data.get("newPassword")),
            },
            { onSuccess: () => formRef.current?.reset() },
          );
        }}
        style={{ maxWidth: "28rem" }}
      >
        <FormError error={change.error} />
        <TextField
          name="currentPassword"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          isRequired
        />
        <TextField
          name="newPassword"
          type="password"
          label={t("password.new")}
          description={t("password.hint")}
          autoComplete="new-password"
          isRequired
        />
        <Button type="submit" isDisabled={change.isPending}>
          {t("password.submit")}
        </Button>
      </ServerForm>
      <div role="status">
        {change.isSuccess ? (
          <p className="success" style={{ marginBottom: 0 }}>
            {t("password.done")}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** "Firefox 128 på Windows", from the session's User-Agent. */
function BrowserSummary({ session }: { session: Session }) {
  const { t } = useTranslation("account");
  const { browser, os } = summarizeUserAgent(session.userAgent);
  if (browser && os) return <>{t("sessions.browserOnOs", { browser, os })}</>;
  return <>{browser ?? os ?? t("sessions.unknownBrowser")}</>;
}

function Sessions() {
  const { t } = useTranslation("account");
  const sessions = useSessions();
  const signOutOthers = useSignOutOtherSessions();

  let content: ReactNode;
  if (sessions.isPending) content = <Loading />;
  else if (sessions.error) content = <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />;
  else {
    const list = sessions.data.data;
    const others = list.filter((s) => !s.current).length;
    content = (
      <>
        <ScrollableTable label={t("sessions.caption")}>
          <table>
            <caption className="visually-hidden">{t("sessions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sessions.browser")}</th>
                <th scope="col">{t("sessions.created")}</th>
                <th scope="col">{t("sessions.lastActive")}</th>
                <th scope="col">{t("sessions.ipAddress")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((session) => (
                <tr key={session.id}>
                  <td>
                    <BrowserSummary session={session} />
                    {session.current ? (
                      <>
                        {" "}
                        <Badge tone="success">{t("sessions.current")}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
                  </td>
                  <td>
                    <time dateTime={session.lastActiveAt}>{formatDateTime(session.lastActiveAt)}</time>
                  </td>
                  <td>{session.ipAddress ?? <span className="muted">{t("sessions.unknownIp")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
        <div style={{ marginTop: "var(--space-4)" }}>
          {others === 0 ? (
            <p className="muted" style={{ margin: "0 0 var(--space-3)" }}>
              {t("sessions.noOthers")}
            </p>
          ) : null}
          {/* Kept after a successful sign-out, so focus returns to the button when the dialog closes. */}
          {others > 0 || signOutOthers.isSuccess ? (
            <ConfirmDialog
              trigger={<Button variant="danger">{t("sessions.signOutOthers")}</Button>}
              title={t("sessions.confirmTitle")}
              confirmLabel={t("sessions.confirm")}
              isPending={signOutOthers.isPending}
              onConfirm={() => signOutOthers.mutateAsync().catch(() => undefined)}
            >
              <p>{t("sessions.confirmBody")}</p>
            </ConfirmDialog>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t("sessions.title")}</h2>
      <p>{t("sessions.intro")}</p>
      {content}
      {signOutOthers.error ? (
        <div style={{ marginTop: "var(--space-3)" }}>
          <FormError error={signOutOthers.error} />
        </div>
      ) : null}
      <div role="status">
        {signOutOthers.isSuccess ? (
          <p className="success" style={{ marginBottom: 0 }}>
            {t("sessions.signedOut")}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function LanguageChoice() {
  const { t, i18n } = useTranslation("account");
  const { t: tc } = useTranslation();
  const current: Language = i18n.language === "en" ? "en" : "sv";
  return (
    <section className="card" aria-labelledby="account-language">
      <h2 id="account-language">{t("language.title")}</h2>
      <div style={{ maxWidth: "20rem" }}>
        <SelectField
          label={t("language.label")}
          description={t("language.description")}
          options={LANGUAGES.map((language) => ({ id: language, label: tc(`languages.${language}`) }))}
          value={current}
          onChange={(value) => {
            if ((LANGUAGES as readonly string[]).includes(value)) setLanguage(value as Language);
          }}
        />
      </div>
    </section>
  );
}
