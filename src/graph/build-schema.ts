import 'reflect-metadata';
import { GraphQLSchema, isInterfaceType } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { patchFieldArguments } from '../util/graphql-field-args';
import { DateScalar } from './common/date.scalar';
import { Document, Meeting, Organization, Person, Place, Source, State } from './entity/entity-types';
import { EntityResolver } from './entity/entity.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { SourceResolver } from './source/source.resolver';
import { ResearchResolver } from './research/research.resolver';
import { MentionResolver } from './mention/mention.resolver';
import { DashboardResolver } from './dashboard/dashboard.resolver';

/** The resolvers of the API, in one list (the schema test and the SDL emitter use it too). */
export const RESOLVERS = [EntityResolver, OrganizationResolver, SourceResolver, ResearchResolver, MentionResolver, DashboardResolver] as const;

let cached: GraphQLSchema | undefined;

/** Builds the GraphQL schema from the type-graphql classes, validating arguments with class-validator. */
export function buildAppSchema(): GraphQLSchema {
  patchFieldArguments();
  cached ??= buildSchemaSync({
    resolvers: [...RESOLVERS] as any,
    orphanedTypes: [State, Organization, Person, Meeting, Document, Place, Source],
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
  // type-graphql gives the root types no description option: set them here.
  const query = cached.getQueryType();
  if (query) query.description ??= 'Reads: entities by any name or id, organization membership and meetings, paths and neighbourhoods, mentions, dashboard rows';
  const mutation = cached.getMutationType();
  if (mutation) mutation.description ??= 'Writes (need Authorization: Bearer <WRITE_TOKEN>)';
  // type-graphql wraps resolveType in an async function; graphql-jit needs the type's name at once
  // (and graphql-js then needs no promise per entity). An entity's type is its GraphQL type.
  const entity = cached.getType('Entity');
  if (isInterfaceType(entity)) entity.resolveType = (value: { type?: string }) => value.type;
  return cached;
}
