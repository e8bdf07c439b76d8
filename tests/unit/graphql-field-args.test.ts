import { buildSchema, execute, parse } from 'graphql';
import { NO_ARGUMENTS, patchFieldArguments } from '../../src/util/graphql-field-args';

/**
 * src/util/graphql-field-args: a field without arguments gets one shared empty object from the
 * executor; a field with arguments gets what graphql-js works out, defaults and errors included.
 */
describe('field arguments', () => {
  const seen: Record<string, unknown> = {};
  const schema = buildSchema('type Query { plain: String withArgs(day: String, role: String = "member"): Row required(role: String!): Row } type Row { text: String }');
  // The default resolver calls a root value's function with the field's arguments.
  const rootValue = {
    plain: (args: unknown) => { seen.plain = args; return 'plain'; },
    withArgs: (args: { day?: string; role: string }) => ({ text: `${args.day ?? '-'} ${args.role}` }),
    required: (args: { role: string }) => ({ text: args.role }),
  };

  it('is installed in this graphql-js', () => {
    expect(patchFieldArguments()).toBe(true);
  });

  it('gives a field without arguments the shared empty object, and one with arguments its values', async () => {
    patchFieldArguments();
    const result = await execute({ schema, rootValue, document: parse('{ plain withArgs(day: "2015-11-11") { text } other: withArgs { text } }') });
    expect(result.errors).toBeUndefined();
    expect(seen.plain).toBe(NO_ARGUMENTS);
    expect(Object.isFrozen(seen.plain)).toBe(true);
    expect(Object.keys(seen.plain as object)).toEqual([]);
    expect(result.data).toEqual({ plain: 'plain', withArgs: { text: '2015-11-11 member' }, other: { text: '- member' } });
  });

  it('still refuses a missing required argument with graphql-js\'s error', async () => {
    patchFieldArguments();
    const result = await execute({ schema, rootValue, document: parse('{ required { text } }') });
    expect(result.errors?.[0].message).toBe('Argument "role" of required type "String!" was not provided.');
  });
});
