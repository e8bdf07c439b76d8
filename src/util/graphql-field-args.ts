/**
 * graphql-js works out the argument values of every field it executes, also of the many fields
 * that take none (a statement's role, a citation's quote): each time an object for the values and
 * another for the argument nodes, both in dictionary mode (execution/values.js getArgumentValues).
 * That was 3% of Node's time on MembersAsOf in a CPU profile, before the garbage it leaves.
 *
 * For a field whose definition has no arguments the answer is always the same empty object
 * (validation has refused any argument such a field was given), so it is one shared, frozen
 * empty object here. Fields with arguments go to graphql-js as before. The executor reads the
 * function from the module at each call, which is what lets this take effect; with another
 * graphql version whose module is not shaped so, nothing changes.
 */
interface ValuesModule { getArgumentValues: (def: { args: readonly unknown[] }, node: unknown, variables?: unknown) => Record<string, unknown> }

/** What a field without arguments gets as its arguments. */
export const NO_ARGUMENTS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null));

let applied = false;

/** Installs the shortcut once; true when it is in place. */
export function patchFieldArguments(): boolean {
  if (applied) return true;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const values = require('graphql/execution/values') as ValuesModule;
  const original = values.getArgumentValues;
  if (typeof original !== 'function' || !Object.getOwnPropertyDescriptor(values, 'getArgumentValues')?.writable) return false;
  values.getArgumentValues = (def, node, variables) => (def.args.length === 0 ? NO_ARGUMENTS : original(def, node, variables));
  applied = true;
  return true;
}
