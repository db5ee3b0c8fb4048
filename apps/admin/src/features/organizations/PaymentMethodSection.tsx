import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RadioGroupField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button } from "../../components/ui";
import { useMe } from "../../lib/session";
import { type BillingCustomer, customerQuery, type PaymentMethod, useSetPaymentMethod } from "./api";
import "./i18n";

/**
 * On NNS's view of a förbund: how the förbund pays NNS's invoices. Stripe is offered only when the
 * installation has a Stripe key; the API refuses it otherwise (409), and the section says why instead.
 */
export function PaymentMethodSection({ forbundId }: { forbundId: string }) {
  const { t } = useTranslation("organizations");
  const nns = useMe().memberships.find((m) => m.organization.kind === "nns");
  const canManage = nns?.permissions.includes("billing:manage") ?? false;
  const customer = useQuery({ ...customerQuery(nns?.organization.id ?? "", forbundId), enabled: canManage });
  if (!nns || !canManage) return null;
  return (
    // Set apart from the organization form's own save button above it.
    <section
      className="card"
      style={{ marginTop: "var(--space-5)" }}
      aria-labelledby="payment-method-heading"
    >
      <h2 id="payment-method-heading">{t("payment.heading")}</h2>
      <p className="muted">{t("payment.intro")}</p>
      <QueryView query={customer}>
        {(data) => <PaymentMethodForm nnsId={nns.organization.id} customer={data} />}
      </QueryView>
    </section>
  );
}

function PaymentMethodForm({ nnsId, customer }: { nnsId: string; customer: BillingCustomer }) {
  const { t } = useTranslation("organizations");
  const [method, setMethod] = useState<PaymentMethod>(customer.paymentMethod);
  const save = useSetPaymentMethod(nnsId, customer.buyerOrganizationId);
  if (!customer.stripeAvailable && customer.paymentMethod === "bankgiro") {
    return (
      <>
        <p>
          <strong>{t("payment.bankgiro")}</strong>
        </p>
        <p className="notice">{t("payment.unavailable")}</p>
      </>
    );
  }
  return (
    <ServerForm
      aria-labelledby="payment-method-heading"
      error={save.error}
      onEdit={save.reset}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(method);
      }}
    >
      <FormError error={save.error} />
      <RadioGroupField
        label={t("payment.label")}
        name="paymentMethod"
        value={method}
        onChange={(value) => setMethod(value as PaymentMethod)}
        options={[
          { id: "bankgiro", label: t("payment.bankgiro") },
          { id: "stripe", label: t("payment.stripe") },
        ]}
      />
      {customer.stripeAvailable ? null : <p className="notice">{t("payment.unavailable")}</p>}
      <div role="status">{save.isSuccess ? <p className="success">{t("payment.saved")}</p> : null}</div>
      <div>
        <Button type="submit" variant="secondary" isDisabled={save.isPending}>
          {t("payment.save")}
        </Button>
      </div>
    </ServerForm>
  );
}
