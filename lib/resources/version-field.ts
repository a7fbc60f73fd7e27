/** The hidden field of an edit form that carries the record's version (shared by the form and the action). */
export const VERSION_FIELD = "__version";
