import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { asksAlternatives } from '../compiled/selection';
import { AppContext } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { ingestSource } from '../../mentions/ingest-source';
import { refreshCatalog } from '../../db/bootstrap';
import { foldName } from '../../util/fold-name';
import { checkName, describeMatch } from '../entity/entity.service';
import { toEntityRef } from '../entity/entity.mapper';
import { nameQueryParams } from '../entity/name-query';
import { MentionMethod } from './mention-method.enum';
import { IngestSourceInput, IngestSourceResult, MentionsResult, MentionSpan, SourceMentions } from './mention.types';
import { assertCanWrite } from '../../plugins/write-guard';

@Resolver()
export class MentionResolver {
  @Query(() => MentionsResult, { nullable: true, description: 'The sources that mention an entity, with every span and a snippet around it' })
  async mentions(
    @Arg('name', { description: 'Any name, alias, acronym or spelling, in any language' }) name: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Sources, at most 200' }) first: number,
    @Arg('methods', () => [MentionMethod], { nullable: true, description: 'Only spans matched in one of these ways (EXACT and ACRONYM are the most certain); all when absent' }) methods: MentionMethod[] | null | undefined,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MentionsResult | null> {
    checkName(name);
    if (first < 1 || first > 200) throw new BadUserInputError('first must be from 1 to 200');
    if (methods && methods.length === 0) throw new BadUserInputError('methods must name at least one method, or be left out', { argument: 'methods' });
    if (!foldName(name)) return null;
    const [row] = await ctx.db.read('mentions/by-entity', { ...nameQueryParams(name, null, asksAlternatives(info)), limit: first, spanLimit: 100, methods: methods ?? null });
    if (!row) return null;
    return Object.assign(new MentionsResult(), {
      entity: toEntityRef(row.entity), matchedBy: describeMatch(name, row.candidates),
      sources: row.sources.map((s: any) => Object.assign(new SourceMentions(), {
        source: toEntityRef({ ...s.source, type: 'Source' }), title: s.source.title ?? s.source.name, language: s.source.language ?? undefined,
        date: s.source.date ?? undefined, url: s.source.url ?? undefined, count: s.count,
        spans: s.spans.map((x: any) => Object.assign(new MentionSpan(), { ...x, method: x.method ?? null, evidence: x.evidence || null })),
      })),
    });
  }

  @Mutation(() => IngestSourceResult, { description: 'Stores a source text with its metadata and links every mention of a known entity; the same text again changes nothing, another text for a stored id is CONFLICT unless replace is set. Needs Authorization: Bearer <WRITE_TOKEN>; FORBIDDEN when the server has no write credential.' })
  async ingestSource(@Arg('input', () => IngestSourceInput, { description: 'The text and its metadata' }) input: IngestSourceInput, @Ctx() ctx: AppContext): Promise<IngestSourceResult> {
    assertCanWrite(ctx);
    const { replace, ...source } = input;
    const result = await ingestSource(ctx.db, ctx.names, source, { replace, maxChars: ctx.ingestLimits?.maxSourceChars, maxMentions: ctx.ingestLimits?.maxMentionsPerSource });
    if (result.changed) await refreshCatalog(ctx.db, ctx.catalog);
    const counts = new Map<string, number>();
    for (const m of result.mentions) counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
    const keys = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
    const known = new Map(ctx.names.entitiesOf(keys));
    return Object.assign(new IngestSourceResult(), {
      id: result.id, changed: result.changed, language: result.language, mentionCount: result.mentionCount, entityCount: result.entityCount,
      entities: keys.filter((k) => known.has(k)).map((k) => toEntityRef(known.get(k)!)), mentionsTruncated: result.mentionsTruncated,
    });
  }
}
