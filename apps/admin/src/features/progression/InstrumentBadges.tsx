import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import type { Instrument } from "./types";

/** Placeholder wording is always marked, so nobody mistakes it for the real instrument. */
export function InstrumentBadges({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation("progression");
  return (
    <>
      {instrument.placeholder ? <Badge tone="warning">{t("placeholder")}</Badge> : null}
      {instrument.national ? <Badge>{t("national")}</Badge> : null}
      {instrument.archivedAt ? <Badge>{t("instruments.archived")}</Badge> : null}
    </>
  );
}
