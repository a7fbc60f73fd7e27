/**
 * The one answer of every server action, which every form reads through
 * useActionState: whether it worked, the summary, the error of each field,
 * the values to show again (what the user typed, or a hidden field's new
 * value such as a record's version), and one optional slot for what an action
 * has more to say (a confirmation to ask for). Safe to import from client
 * components: types and constants only.
 */
export interface ActionState<D = never> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  data?: D;
}

/** What a form starts with, before its first submit. */
export const IDLE: ActionState = { ok: true };

/**
 * The two answers every form shares, as keys of the `actions` catalogue: an
 * action refuses with `refuse(FIX_FIELDS, …)` and the wrapper (client.ts)
 * puts it into the words of the request's language on the way out.
 */
export const FIX_FIELDS = "fixFields";
export const NOT_VALID = "notValid";
export const SHARED_ANSWERS: readonly string[] = [FIX_FIELDS, NOT_VALID];
