import { getTranslations } from "@/lib/i18n/server";
import type { Resource } from "@/lib/resources/types";

/**
 * The way back above a record page: the resource's list, then (when given)
 * the record itself, whose title is data and stays untranslated.
 */
export async function Breadcrumb({ resource, record }: { resource: Pick<Resource, "name" | "label">; record?: { href: string; title: string } }) {
  const t = await getTranslations("record");
  return (
    <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
      <a href={`/admin/${resource.name}`} className="link">
        {resource.label}
      </a>
      {record ? (
        <>
          <span aria-hidden="true"> / </span>
          <a href={record.href} className="link break-all" translate="no">
            {record.title}
          </a>
        </>
      ) : null}
    </nav>
  );
}
