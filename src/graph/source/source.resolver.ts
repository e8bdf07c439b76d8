import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../context';
import { checkName, STATEMENT_LIMIT } from '../entity/entity.service';
import { EntityRow, toEntity, toEntityRef, toStatement, toStub } from '../entity/entity.mapper';
import { Source } from '../entity/entity-types';

@Resolver()
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'A source by id (corpus file name without .txt, or public page id) with every fact it supports' })
  async source(@Arg('id', { description: 'Source id: a corpus file name without .txt, or the id of a public page' }) id: string, @Ctx() ctx: AppContext): Promise<Source | null> {
    checkName(id, 'id');
    const rows = await ctx.db.read<EntityRow & { supports: any[]; describes: any[]; claimKeys: string[] }>('source/profile', { key: id, statementLimit: STATEMENT_LIMIT });
    const row = rows[0];
    if (!row || row.entity.type !== 'Source') return null;
    const source = toEntity(row, ctx.catalog) as Source;
    source.supports = row.supports.map((s) => toStatement(toStub(s.from, ctx.catalog), { type: s.type, out: true, props: s.props, other: s.to }, ctx.catalog));
    source.describes = row.describes.map(toEntityRef);
    source.supportsClaims = row.claimKeys;
    return source;
  }
}
