import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fromForm } from "./form-input";
import { translator } from "../i18n/translator";
import { FIX_FIELDS, NOT_VALID, SHARED_ANSWERS, type ActionState } from "./state";

/**
 * The one wrapper of the server actions, after dub's safe-action client: a
 * client whose `.use()` layers resolve the session, then the resource (see
 * clients.ts), and whose actions validate their bound arguments and their
 * input with zod before the body runs, and answer with ActionState.
 *
 * Local rather than next-safe-action: its result is `{ data, serverError,
 * validationErrors }`, so forms would read three shapes instead of one; its
 * validation errors carry no values, which a form re-rendered without
 * JavaScript needs to keep what was typed; a record form's rules depend on the
 * resource bound to the action, which its static input schemas cannot see;
 * and it turns unexpected errors into a returned `serverError` where we want
 * error.tsx. What it would add beyond that is these sixty lines.
 */

/** An expected refusal from a layer or a body: the form shows it, nothing is written. */
export class Refused {
  constructor(readonly state: ActionState & { ok: false }) {}
}

export function refuse(message: string, more: Omit<ActionState, "ok" | "message"> = {}): Refused {
  return new Refused({ ok: false, message, ...more });
}

/** A refusal's state with a shared answer (FIX_FIELDS, NOT_VALID) in the request's words. */
async function worded<D>(state: ActionState<D>): Promise<ActionState<D>> {
  if (!state.message || !SHARED_ANSWERS.includes(state.message)) return state;
  return { ...state, message: (await translator("actions"))(state.message as typeof FIX_FIELDS | typeof NOT_VALID) };
}

/** Where a successful action goes: redirected to (and the path revalidated) after the body, never inside its try/catch. */
export interface Done {
  redirect: string;
  revalidate?: string;
}

/** The untrusted request as the layers see it, after the bound arguments passed their schema. */
export interface Call {
  bound: readonly unknown[];
  form: FormData;
}

type Layer<In, Out> = (ctx: In, call: Call) => Promise<Out | Refused>;

interface Definition<Ctx, B extends unknown[], S extends z.ZodType, R> {
  /** The bound arguments (`action.bind(null, …)`), untrusted like the form: they travel in the request. */
  bound?: z.ZodType<B>;
  input: S | ((ctx: Ctx) => S);
  run: (args: { ctx: Ctx; input: z.output<S>; bound: B; form: FormData }) => Promise<R | Done | Refused>;
}

export class ActionClient<Ctx> {
  constructor(private readonly resolve: (call: Call) => Promise<Ctx | Refused>) {}

  /** Adds a layer that sees what the earlier ones resolved; a refusal stops the action there. */
  use<Next>(layer: Layer<Ctx, Next>): ActionClient<Next> {
    return new ActionClient(async (call) => {
      const ctx = await this.resolve(call);
      return ctx instanceof Refused ? ctx : layer(ctx, call);
    });
  }

  /** An action for useActionState: `(...bound, previous state, form)`. */
  stateAction<S extends z.ZodType, D = never, B extends unknown[] = []>(def: Definition<Ctx, B, S, ActionState<D>>) {
    return async (...args: [...B, ActionState<D>, FormData]): Promise<ActionState<D>> => {
      const done = await this.execute(def, args.slice(0, -2), args.at(-1));
      if (!("redirect" in done)) return done instanceof Refused ? worded(done.state as ActionState<D>) : done;
      if (done.revalidate) revalidatePath(done.revalidate);
      redirect(done.redirect);
    };
  }

  /**
   * An action for a plain `<form action>` without state: `(...bound, form)`.
   * Its own page's form cannot be refused short of a forged request, which
   * gets nothing done (and no error page: it is not our failure).
   */
  formAction<S extends z.ZodType, B extends unknown[] = []>(def: Definition<Ctx, B, S, never>) {
    return async (...args: [...B, FormData]): Promise<void> => {
      const done = await this.execute(def, args.slice(0, -1), args.at(-1));
      if (done instanceof Refused) return;
      if (done.revalidate) revalidatePath(done.revalidate);
      redirect(done.redirect);
    };
  }

  private async execute<B extends unknown[], S extends z.ZodType, R>(def: Definition<Ctx, B, S, R>, rawBound: unknown[], form: unknown): Promise<R | Done | Refused> {
    const bound = (def.bound ?? z.tuple([])).safeParse(rawBound);
    if (!(form instanceof FormData) || !bound.success) return refuse(NOT_VALID);
    const ctx = await this.resolve({ bound: bound.data as B, form });
    if (ctx instanceof Refused) return ctx;
    const schema = typeof def.input === "function" ? def.input(ctx) : def.input;
    const input = await schema.safeParseAsync(fromForm(form));
    if (!input.success) return refuse(FIX_FIELDS, { fieldErrors: Object.fromEntries(input.error.issues.map((i) => [String(i.path[0] ?? ""), i.message])) });
    return def.run({ ctx, input: input.data, bound: bound.data as B, form });
  }
}
