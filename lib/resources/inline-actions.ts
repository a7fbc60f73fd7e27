"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refuse } from "../actions/client";
import { resourceAction } from "../actions/clients";
import { optionalText, text, whole } from "../actions/form-input";
import { parseInlineValue } from "./engine/form";
import { parseId } from "./engine/ids";
import { getVersion } from "./engine/record";
import { goneMessage } from "./engine/targets";
import { engineWords } from "./engine/words";
import { translator } from "../i18n/translator";
import { updateRecord } from "./panel";
import { VERSION_FIELD } from "./version-field";

const inlineInput = z.object({ id: text(200), field: text(100), value: whole, [VERSION_FIELD]: optionalText(100) });

/**
 * Saves one cell edited in a list (`inlineEditAction.bind(null, resource)`):
 * the record's id, the field, the typed value and the version the list was
 * read at. The same checks as the edit form (update permission, the field's
 * validation, the edit policy, the conflict check, the audit log) through
 * updateRecord; only fields marked `inlineEdit` are accepted. The answer's
 * `values` carry the record's version now (also after a conflict, when
 * nothing was written), so that the row's next edit saves against it.
 */
export const inlineEditAction = resourceAction("update").stateAction({
  bound: z.tuple([z.string().max(64)]),
  input: inlineInput,
  run: async ({ ctx: { resource, actor, editor }, input }) => {
    const key = input.field;
    if (!resource.fieldMap.get(key)?.inlineEdit) return refuse((await engineWords()).t("field.notHere"));
    const id = parseId(resource, input.id);
    if (id === null) return refuse(await goneMessage(resource, 1));
    const parsed = await parseInlineValue(resource, key, input.value);
    if (!parsed.ok) return refuse(parsed.error);
    const result = await updateRecord(resource, actor, editor, id, { [key]: parsed.value }, input[VERSION_FIELD] ?? null);
    // An answer without a redirect: the list is sent again with the new value (or, after a conflict, the current one).
    if (result.ok || result.version) revalidatePath(`/admin/${resource.name}`);
    if (!result.ok) {
      if (result.version) return refuse(result.listMessage ?? result.message, { values: { [VERSION_FIELD]: result.version } });
      return refuse(result.fieldErrors?.[key] ?? result.message ?? Object.values(result.fieldErrors ?? {})[0] ?? (await translator("actions"))("nothingSaved"));
    }
    const version = await getVersion(resource, id);
    return { ok: true, values: version ? { [VERSION_FIELD]: version } : undefined };
  },
});
