import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type Invoice, sellerSettingsQuery } from "./api";
import { formatBankgiro, formatOrganizationNumber, formatPlusgiro } from "./format";
import "./i18n";

/**
 * Who sells and who buys. The invoice carries the buyer's name; the seller's identity is NNS's seller
 * settings, which only NNS may read. An issued invoice keeps the details it was issued with, which its
 * PDF shows; a note says so when they are not what is shown here.
 */
export function PartiesSection({
  orgId,
  invoice,
  isSeller,
}: {
  orgId: string;
  invoice: Invoice;
  isSeller: boolean;
}) {
  const { t } = useTranslation("invoices");
  const seller = useQuery({ ...sellerSettingsQuery(orgId), enabled: isSeller });
  const s = seller.data;
  return (
    <section className="card" aria-labelledby="invoice-parties-heading">
      <h2 id="invoice-parties-heading">{t("detail.partiesHeading")}</h2>
      <div className="grid-2">
        {s ? (
          <div className="party-block">
            <h3>{t("detail.seller")}</h3>
            <address>
              {s.legalName}
              <br />
              {s.address.street}
              {s.address.additionalStreet ? (
                <>
                  <br />
                  {s.address.additionalStreet}
                </>
              ) : null}
              <br />
              {s.address.postalCode} {s.address.city}
            </address>
            <ul className="plain-list">
              <li>{t("detail.orgNumber", { number: formatOrganizationNumber(s.organizationNumber) })}</li>
              <li>{t("detail.vatNumber", { number: s.vatNumber })}</li>
              {s.fSkatt ? <li>{t("detail.fSkatt")}</li> : null}
              {s.bankgiro ? <li>{t("detail.bankgiro", { number: formatBankgiro(s.bankgiro) })}</li> : null}
              {s.plusgiro ? <li>{t("detail.plusgiro", { number: formatPlusgiro(s.plusgiro) })}</li> : null}
            </ul>
            <p className="muted">
              {invoice.status === "draft" ? t("detail.sellerDraftNote") : t("detail.sellerIssuedNote")}
            </p>
          </div>
        ) : null}
        <div className="party-block">
          <h3>{t("detail.buyer")}</h3>
          <p>{invoice.buyer.name}</p>
          <dl className="facts">
            <dt>{t("detail.reference")}</dt>
            <dd>
              {invoice.buyerReference ?? (
                <span className="muted">
                  {invoice.status === "draft" ? t("detail.referenceOnIssue") : t("detail.noReference")}
                </span>
              )}
            </dd>
          </dl>
        </div>
      </div>
      {isSeller ? null : <p className="muted">{t("detail.pdfHasAll")}</p>}
    </section>
  );
}
