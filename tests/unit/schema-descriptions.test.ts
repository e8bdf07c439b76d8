import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';

const BUILT_IN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/** Every type (enums and scalars included), field and argument the schema has but does not describe. */
function undescribed(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(buildAppSchema().getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description && !BUILT_IN_SCALARS.includes(type.name)) missing.push(`type ${type.name}`);
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describe every type, field and argument (add a description to the decorator of each one listed)', () => {
    expect(undescribed()).toEqual([]);
  });
});
