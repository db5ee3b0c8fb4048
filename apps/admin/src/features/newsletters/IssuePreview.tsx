import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { RadioGroupField } from "../../components/fields";
import { QueryView } from "../../components/states";
import { previewQuery } from "./api";
import "./i18n";

const WIDTHS = { desktop: 600, phone: 390 } as const;
type Width = keyof typeof WIDTHS;

/**
 * The issue as the API renders it for sending. The HTML goes into a frame with no scripts, forms or
 * same-origin rights (sandbox=""), at the width of a desktop mail program or a phone; the plain-text
 * version is shown as it is.
 */
export function IssuePreview({
  orgId,
  publicationId,
  issueId,
}: {
  orgId: string;
  publicationId: string;
  issueId: string;
}) {
  const { t } = useTranslation("newsletters");
  const preview = useQuery(previewQuery(orgId, publicationId, issueId));
  const [width, setWidth] = useState<Width>("desktop");
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("preview.heading")}</h2>
      <p>{t("preview.intro")}</p>
      <QueryView query={preview}>
        {(data) => (
          <Tabs className="newsletter-preview-tabs">
            <TabList aria-label={t("preview.tabsLabel")} className="newsletter-tablist">
              <Tab id="html" className="newsletter-tab">
                {t("preview.html")}
              </Tab>
              <Tab id="text" className="newsletter-tab">
                {t("preview.text")}
              </Tab>
            </TabList>
            <TabPanel id="html" className="newsletter-tabpanel">
              <RadioGroupField
                label={t("preview.width")}
                name="previewWidth"
                options={(Object.keys(WIDTHS) as Width[]).map((id) => ({ id, label: t(`preview.${id}`) }))}
                value={width}
                onChange={(value) => setWidth(value as Width)}
              />
              <iframe
                className="newsletter-preview-frame"
                style={{ width: `${WIDTHS[width]}px` }}
                title={t("preview.frameTitle", { width: t(`preview.${width}`) })}
                sandbox=""
                srcDoc={data.html}
              />
            </TabPanel>
            <TabPanel id="text" className="newsletter-tabpanel">
              <pre className="newsletter-preview-text">{data.text}</pre>
            </TabPanel>
          </Tabs>
        )}
      </QueryView>
    </section>
  );
}
