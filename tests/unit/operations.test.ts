import fs from 'node:fs';
import path from 'node:path';
import { parse, validate, OperationDefinitionNode } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';

const dir = path.resolve(__dirname, '..', '..', 'schema', 'operations');
const EXPECTED: Record<string, string[]> = {
  EntitySearch: ['text'], StateProfile: ['name'], OrganizationProfile: ['name'], PersonProfile: ['name'],
  MembersAsOf: ['organization', 'date'], MembershipHistory: ['organization'], Summits: ['organization'], Meetings: ['organization'],
  Chairmanships: ['organization'], Coordinators: ['organization'], Documents: ['organization'], SourceProfile: ['id'],
  Connection: ['from', 'to', 'maxHops', 'asOf'], Neighborhood: ['name', 'depth', 'asOf', 'limit'], CoMembership: ['name', 'asOf'], Timeline: ['name'], Mentions: ['name'],
  MembershipTimeline: ['organization', 'from', 'to'], ChairmanshipTimeline: ['organization'], SummitAttendance: ['organization'], GraphStats: [],
};

describe('the named operations in schema/operations', () => {
  it.each(Object.entries(EXPECTED))('%s exists with its variables and validates against the schema', (name, variables) => {
    const doc = parse(fs.readFileSync(path.join(dir, `${name}.graphql`), 'utf8'));
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    expect(op.name?.value).toBe(name);
    expect(op.variableDefinitions?.map((v) => v.variable.name.value)).toEqual(variables);
    expect(validate(buildAppSchema(), doc)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'examples', `${name}.json`))).toBe(true);
  });
});

describe('schema/operations as one document', () => {
  it('all operations validate together (unique operation and fragment names), as code generators read them', () => {
    const text = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const doc = parse(text);
    expect(validate(buildAppSchema(), doc)).toEqual([]);
    const names = doc.definitions.map((d: any) => d.name?.value);
    expect(new Set(names).size).toBe(names.length);
    expect(doc.definitions.filter((d) => d.kind === 'OperationDefinition')).toHaveLength(Object.keys(EXPECTED).length);
  });
});
