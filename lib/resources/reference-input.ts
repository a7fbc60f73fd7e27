/**
 * A reference picker without JavaScript is a text field named
 * `<field>__label`: the row's exact title or search field, which the record
 * action resolves to an id on the server. Safe to import from client code.
 */
export const LABEL_SUFFIX = "__label";

/**
 * Beside it, the row it showed when the form was drawn: its id (as `<field>`)
 * and the label shown (`<field>__was`). Sent back unchanged, the field keeps
 * that row without looking the label up again (two rows may share a title).
 */
export const WAS_SUFFIX = "__was";
