/**
 * A reference picker without JavaScript is a text field named
 * `<field>__label`: the row's exact title or search field, which the record
 * action resolves to an id on the server. Safe to import from client code.
 */
export const LABEL_SUFFIX = "__label";
