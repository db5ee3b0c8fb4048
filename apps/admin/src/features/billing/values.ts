import { optional } from "../../lib/format";
import type { SellerSettings } from "./api";

export type AddressView = SellerSettings["address"];

export const text = (data: FormData, name: string): string => String(data.get(name) ?? "").trim();

/** The address as the API takes it, from the fields AddressFields names. */
export function addressOf(data: FormData) {
  return {
    street: text(data, "address.street"),
    additionalStreet: optional(data.get("address.additionalStreet")),
    postalCode: text(data, "address.postalCode"),
    city: text(data, "address.city"),
  };
}
