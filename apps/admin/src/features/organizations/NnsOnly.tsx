import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui";
import "./i18n";

/** What someone without NNS administration rights sees on the organizations pages. */
export function NnsOnly() {
  const { t } = useTranslation("organizations");
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="notice">{t("nnsOnly")}</p>
    </>
  );
}
