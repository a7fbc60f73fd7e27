import { auditPort } from "./audit-port";
import { createEngine } from "./engine";
import { RESOURCES } from "./registry";

/**
 * The composition root: the engine over the registered resources and the
 * audit log. Pages, actions, routes, the CLI and the seed use these.
 */
export const engine = createEngine({ resources: RESOURCES, audit: auditPort });

export const { createRecord, updateRecord, deleteRecords, runBulkAction, setFieldOnRecords, getRecord, listRows, matchingIds, labelsFor, lookupOptions, findByLabel, allOptions, relatedSections, deleteEffects } = engine;
