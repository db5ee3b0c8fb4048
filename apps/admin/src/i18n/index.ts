import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { sv } from "./sv";
import type { Translations } from "./types";

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "nns.language";

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "sv";
}

/** Swedish first, English second. Each feature adds its own namespace, so features never share a file. */
i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: "sv",
  resources: { sv: { common: sv }, en: { common: en } },
  defaultNS: "common",
  interpolation: { escapeValue: false },
});

/**
 * A feature registers its namespace when its first screen loads: its strings live beside it, Swedish in
 * `sv.ts` and English in `en.ts`, typed by the Swedish so the two cannot drift apart.
 */
export function registerTranslations<T extends object>(
  namespace: string,
  resources: { sv: T; en: Translations<T> },
): void {
  if (!i18n.hasResourceBundle("sv", namespace)) {
    i18n.addResourceBundle("sv", namespace, resources.sv);
    i18n.addResourceBundle("en", namespace, resources.en);
  }
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;

export { i18n };
