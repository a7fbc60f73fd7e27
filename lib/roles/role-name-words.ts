import { translator } from "../i18n/translator";
import { ROLE_NAME_MAX, roleNameRule } from "./role-name";

/** What is wrong with role name `name` (`before`: its current name when renaming), in the request's language; null when it is fine. */
export async function roleNameMessage(name: string, before?: string): Promise<string | null> {
  const problem = roleNameRule(name, before);
  if (!problem) return null;
  const t = await translator("engine");
  return problem === "nameTooLong" ? t("roles.nameTooLong", { max: ROLE_NAME_MAX }) : t(`roles.${problem}`);
}
