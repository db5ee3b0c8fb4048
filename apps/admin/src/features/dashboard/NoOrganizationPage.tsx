import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui";
import { useMe } from "../../lib/session";
import "./i18n";

export function NoOrganizationPage() {
  const { t } = useTranslation("dashboard");
  const me = useMe();
  return (
    <>
      <PageHeader title={t("welcome", { name: me.user.name })} />
      <p>{t("noOrganization")}</p>
    </>
  );
}
