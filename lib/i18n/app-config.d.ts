import type en from "../../messages/en/index";
import type { Locale } from "./locales";

// Message keys and locales are checked by TypeScript: t("login.nope") does not compile.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
