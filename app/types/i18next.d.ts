import type { defaultNS, resources } from "../i18n";

// Typed keys: t("nav.addresses") is checked against the Vietnamese file.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)["vi"];
  }
}
