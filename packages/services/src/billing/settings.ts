// Routes: apps/api/src/routes/billing-settings — the seller's (NNS's) invoicing identity and each förbund's
// invoicing details.
import { billingBuyerSettings, billingSellerSettings, organizations, type Tx, transaction } from "@nns/db";
import {
  AppError,
  type FieldError,
  normalizeBankgiro,
  normalizePlusgiro,
  organizationNumberOrError,
} from "@nns/domain";
import { eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization } from "../trainings/scope.js";

export interface AddressInput {
  street: string;
  additionalStreet?: string | null;
  postalCode: string;
  city: string;
}

export interface SellerSettingsInput {
  legalName: string;
  organizationNumber: string;
  vatNumber: string;
  fSkatt: boolean;
  address: AddressInput;
  invoiceEmail: string;
  bankgiro?: string | null;
  plusgiro?: string | null;
  paymentTermsDays?: number;
  lateInterestText: string;
}

export interface AddressView {
  street: string;
  additionalStreet: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
}

export interface SellerSettingsView {
  legalName: string;
  organizationNumber: string;
  vatNumber: string;
  fSkatt: boolean;
  address: AddressView;
  invoiceEmail: string;
  bankgiro: string | null;
  plusgiro: string | null;
  paymentTermsDays: number;
  lateInterestText: string;
  version: number;
  updatedAt: Date;
}

type SellerRow = typeof billingSellerSettings.$inferSelect;
type BuyerRow = typeof billingBuyerSettings.$inferSelect;

const addressOf = (row: SellerRow | BuyerRow): AddressView => ({
  street: row.street,
  additionalStreet: row.additionalStreet,
  postalCode: row.postalCode,
  city: row.city,
  countryCode: row.countryCode,
});

export function sellerView(row: SellerRow): SellerSettingsView {
  return {
    legalName: row.legalName,
    organizationNumber: row.organizationNumber,
    vatNumber: row.vatNumber,
    fSkatt: row.fSkatt,
    address: addressOf(row),
    invoiceEmail: row.invoiceEmail,
    bankgiro: row.bankgiro,
    plusgiro: row.plusgiro,
    paymentTermsDays: row.paymentTermsDays,
    lateInterestText: row.lateInterestText,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** Postal codes are five digits; people write `302 31` as often as `30231`, the document prints `302 31`. */
function postalCodeOf(input: string, field: string, errors: FieldError[]): string {
  const digits = input.replace(/\s/g, "");
  if (/^\d{5}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3)}`;
  errors.push({ field, rule: "postal_code", message: "Postnumret ska ha fem siffror, t.ex. 302 31." });
  return input;
}

function addressValues(address: AddressInput, prefix: string, errors: FieldError[]) {
  return {
    street: address.street,
    additionalStreet: address.additionalStreet ?? null,
    postalCode: postalCodeOf(address.postalCode, `${prefix}.postalCode`, errors),
    city: address.city,
    countryCode: "SE",
  };
}

function failIfAny(errors: FieldError[]): void {
  const [first] = errors;
  if (first) throw new AppError("validation_failed", first.message, { errors });
}

/** Expected version 0 means "create": the settings must not exist yet. */
function checkVersion(before: { version: number } | undefined, expected: number | null, what: string) {
  if (expected === null) return;
  if ((before?.version ?? 0) !== expected) {
    throw new AppError("precondition_failed", `${what} har ändrats sedan du läste dem.`);
  }
}

export async function readSellerSettings(tx: Tx, sellerId: string): Promise<SellerRow | undefined> {
  const [row] = await tx
    .select()
    .from(billingSellerSettings)
    .where(eq(billingSellerSettings.organizationId, sellerId));
  return row;
}

export async function getSellerSettings(ctx: OrgContext): Promise<SellerSettingsView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const row = await readSellerSettings(tx, ctx.organization.id);
    if (!row) throw new AppError("not_found", "Säljaruppgifterna för fakturering är inte ifyllda ännu.");
    return sellerView(row);
  });
}

/**
 * Sets NNS's invoicing identity. Each rule is checked here and named in the answer: the organisationsnummer
 * by Luhn, the VAT number as `SE` + that number + `01`, bankgiro and plusgiro by their check digit, and at
 * least one of them, since the invoice must say where to pay.
 */
export async function putSellerSettings(
  ctx: OrgContext,
  input: SellerSettingsInput,
  expectedVersion: number | null,
): Promise<SellerSettingsView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  const errors: FieldError[] = [];
  const orgNumber = organizationNumberOrError(input.organizationNumber, "body.organizationNumber");
  if (orgNumber.error) errors.push(orgNumber.error);
  const vatNumber = input.vatNumber.replace(/\s/g, "").toUpperCase();
  if (orgNumber.value && vatNumber !== `SE${orgNumber.value}01`) {
    errors.push({
      field: "body.vatNumber",
      rule: "vat_number_of_organization",
      message: `Momsregistreringsnumret ska vara SE, organisationsnumret och 01: SE${orgNumber.value}01.`,
    });
  }
  const giro = (value: string | null | undefined, field: "bankgiro" | "plusgiro") => {
    if (!value) return null;
    const digits = field === "bankgiro" ? normalizeBankgiro(value) : normalizePlusgiro(value);
    if (!digits) {
      errors.push({
        field: `body.${field}`,
        rule: field,
        message:
          field === "bankgiro"
            ? "Bankgironumret ska ha 7 eller 8 siffror med korrekt kontrollsiffra, t.ex. 5050-1055."
            : "Plusgironumret ska ha 2–8 siffror med korrekt kontrollsiffra, t.ex. 445267-8.",
      });
    }
    return digits;
  };
  const bankgiro = giro(input.bankgiro, "bankgiro");
  const plusgiro = giro(input.plusgiro, "plusgiro");
  if (!input.bankgiro && !input.plusgiro) {
    errors.push({
      field: "body.bankgiro",
      rule: "giro_required",
      message: "Ange bankgiro eller plusgiro (eller båda) så att fakturan säger vart man betalar.",
    });
  }
  const address = addressValues(input.address, "body.address", errors);
  failIfAny(errors);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readSellerSettings(tx, ctx.organization.id);
    checkVersion(before, expectedVersion, "Säljaruppgifterna");
    const values = {
      legalName: input.legalName,
      organizationNumber: orgNumber.value as string,
      vatNumber,
      fSkatt: input.fSkatt,
      ...address,
      invoiceEmail: input.invoiceEmail,
      bankgiro,
      plusgiro,
      paymentTermsDays: input.paymentTermsDays ?? 30,
      lateInterestText: input.lateInterestText,
    };
    const [row] = before
      ? await tx
          .update(billingSellerSettings)
          .set({ ...values, version: sql`${billingSellerSettings.version} + 1`, updatedAt: new Date() })
          .where(eq(billingSellerSettings.organizationId, ctx.organization.id))
          .returning()
      : await tx
          .insert(billingSellerSettings)
          .values({ ...values, organizationId: ctx.organization.id })
          .returning();
    const after = sellerView(row as SellerRow);
    await audit(tx, ctx, {
      action: "billing.seller_settings_updated",
      entityType: "organization",
      entityId: ctx.organization.id,
      before: before ? sellerView(before) : null,
      after,
    });
    return after;
  });
}

export interface InvoicingDetailsInput {
  legalName?: string;
  organizationNumber?: string;
  vatNumber?: string | null;
  address: AddressInput;
  invoiceEmail?: string | null;
  peppolId?: { scheme?: string; value?: string } | null;
  defaultReference?: string | null;
}

export interface InvoicingDetailsView {
  legalName: string;
  organizationNumber: string;
  vatNumber: string | null;
  address: AddressView;
  invoiceEmail: string | null;
  peppolId: { scheme: string; value: string };
  defaultReference: string | null;
  version: number;
  updatedAt: Date;
}

export function buyerView(row: BuyerRow): InvoicingDetailsView {
  return {
    legalName: row.legalName,
    organizationNumber: row.organizationNumber,
    vatNumber: row.vatNumber,
    address: addressOf(row),
    invoiceEmail: row.invoiceEmail,
    peppolId: { scheme: row.peppolScheme, value: row.peppolId },
    defaultReference: row.defaultReference,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export async function readBuyerSettings(tx: Tx, buyerId: string): Promise<BuyerRow | undefined> {
  const [row] = await tx
    .select()
    .from(billingBuyerSettings)
    .where(eq(billingBuyerSettings.organizationId, buyerId));
  return row;
}

function requireForbund(ctx: OrgContext): void {
  if (ctx.organization.kind !== "forbund") {
    throw new AppError("not_found", "Faktureringsuppgifter finns för förbund, inte för NNS.");
  }
}

/** A förbund's invoicing details; `invoices:read` (everyone who may read its invoices) or the managers. */
export async function getInvoicingDetails(ctx: OrgContext): Promise<InvoicingDetailsView> {
  if (!ctx.permissions.has("invoicing:manage")) requirePermission(ctx, "invoices:read");
  requireForbund(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const row = await readBuyerSettings(tx, ctx.organization.id);
    if (!row) throw new AppError("not_found", "Förbundets faktureringsuppgifter är inte ifyllda ännu.");
    return buyerView(row);
  });
}

/**
 * Sets a förbund's invoicing details. The legal name and organisationsnummer default to the organization's
 * own, the Peppol id to scheme 0007 (organisationsnummer) with that number; a VAT number, when given, must
 * be the one of that organisationsnummer.
 */
export async function putInvoicingDetails(
  ctx: OrgContext,
  input: InvoicingDetailsInput,
  expectedVersion: number | null,
): Promise<InvoicingDetailsView> {
  requirePermission(ctx, "invoicing:manage");
  requireForbund(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [org] = await tx
      .select({ name: organizations.name, organizationNumber: organizations.organizationNumber })
      .from(organizations)
      .where(eq(organizations.id, ctx.organization.id));
    if (!org) throw new AppError("not_found", "The organization does not exist.");
    const errors: FieldError[] = [];
    const orgNumber = organizationNumberOrError(
      input.organizationNumber ?? org.organizationNumber,
      "body.organizationNumber",
    );
    if (orgNumber.error) errors.push(orgNumber.error);
    const vatNumber = input.vatNumber ? input.vatNumber.replace(/\s/g, "").toUpperCase() : null;
    if (vatNumber && orgNumber.value && vatNumber !== `SE${orgNumber.value}01`) {
      errors.push({
        field: "body.vatNumber",
        rule: "vat_number_of_organization",
        message: `Momsregistreringsnumret ska vara SE, organisationsnumret och 01: SE${orgNumber.value}01.`,
      });
    }
    const scheme = input.peppolId?.scheme ?? "0007";
    const peppolValue = input.peppolId?.value ?? orgNumber.value ?? "";
    if (scheme === "0007" && peppolValue && !organizationNumberOrError(peppolValue, "").value) {
      errors.push({
        field: "body.peppolId.value",
        rule: "organization_number",
        message:
          "Med schema 0007 är Peppol-id ett organisationsnummer: tio siffror med korrekt kontrollsiffra.",
      });
    }
    const address = addressValues(input.address, "body.address", errors);
    failIfAny(errors);
    const before = await readBuyerSettings(tx, ctx.organization.id);
    checkVersion(before, expectedVersion, "Faktureringsuppgifterna");
    const values = {
      legalName: input.legalName ?? org.name,
      organizationNumber: orgNumber.value as string,
      vatNumber,
      ...address,
      invoiceEmail: input.invoiceEmail ?? null,
      peppolScheme: scheme,
      peppolId: peppolValue.replace(/-/g, ""),
      defaultReference: input.defaultReference ?? null,
    };
    const [row] = before
      ? await tx
          .update(billingBuyerSettings)
          .set({ ...values, version: sql`${billingBuyerSettings.version} + 1`, updatedAt: new Date() })
          .where(eq(billingBuyerSettings.organizationId, ctx.organization.id))
          .returning()
      : await tx
          .insert(billingBuyerSettings)
          .values({ ...values, organizationId: ctx.organization.id })
          .returning();
    const after = buyerView(row as BuyerRow);
    await audit(tx, ctx, {
      action: "billing.invoicing_details_updated",
      entityType: "organization",
      entityId: ctx.organization.id,
      before: before ? buyerView(before) : null,
      after,
    });
    return after;
  });
}
