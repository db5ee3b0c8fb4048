import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatVatRate } from "../../lib/format";
import { isTimestamp } from "./diff";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "vatRateBasisPoints" → "Vat rate", "on_site" → "On site": a name in words, for a field without a label. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/(Ore|BasisPoints)$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An id (or a list of ids) says nothing to a person: the row's own object is named and linked above the
 * table, and the ids of others would need a page each to mean anything.
 */
export function isIdField(key: string, value: unknown): boolean {
  if (!(key === "id" || /Ids?$/.test(key))) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.every((v) => v === null || v === undefined || (typeof v === "string" && UUID.test(v)));
}

/** A label by key, or the fallback when there is none. */
export type Translate = (key: string, fallback: string) => string;

/**
 * A field's value as text people read: öre as kronor, basis points as percent, timestamps in Swedish time,
 * booleans as Ja/Nej, known codes by their label. `null` when the value is a structure for the caller to
 * lay out.
 */
export function formatFieldValue(key: string, value: unknown, t: Translate): string | null {
  if (value === null || value === undefined || value === "") return t("details.empty", "–");
  if (typeof value === "boolean") return value ? t("details.yes", "Ja") : t("details.no", "Nej");
  if (typeof value === "number") {
    if (key.endsWith("Ore")) return formatKronor(value);
    if (key.endsWith("BasisPoints")) return formatVatRate(value);
    return new Intl.NumberFormat("sv-SE").format(value);
  }
  if (typeof value === "string") {
    if (isTimestamp(value)) return formatDateTime(value);
    if (ISO_DATE.test(value)) return value;
    return t(`values.${key}.${value}`, value);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"))
    return value.length === 0
      ? t("details.empty", "–")
      : value.map((v) => formatFieldValue(key, v, t)).join(", ");
  return null;
}

export function fieldLabel(key: string, t: Translate): string {
  return t(`fields.${key}`, humanizeKey(key));
}

/** The log's labels for formatFieldValue and fieldLabel. */
export function useTranslate(): Translate {
  const { t } = useTranslation("auditLog");
  return (key, fallback) => t(key, { defaultValue: fallback });
}
