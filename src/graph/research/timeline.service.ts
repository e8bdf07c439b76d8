import { AppContext } from '../../context';
import { PartialDateType } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { findEntityByName } from '../entity/entity.service';
import { toEntityRef } from '../entity/entity.mapper';
import { Meeting } from '../entity/entity-types';
import { TimelineEvent, TimelineResult } from './research.types';

const verb = (s: Statement) => s.type.toLowerCase().replace(/_/g, ' ') + (s.role ? ` (${s.role})` : s.level ? ` (${s.level})` : '');

function event(date: PartialDateType, kind: string, summary: string, statement: Statement | null, citations = statement?.citations ?? []): TimelineEvent {
  return Object.assign(new TimelineEvent(), { date, event: kind, summary, statement, claim: null, citations });
}

/**
 * Every dated fact that involves an entity, in date order: starts, ends and attestations of its
 * relationships, meetings by their dates, and stated values by their dates. One query (the profile).
 */
export async function buildTimeline(ctx: AppContext, name: string, type: string | null = null): Promise<TimelineResult | null> {
  const entity = await findEntityByName(ctx, name, type);
  if (!entity) return null;
  const events: TimelineEvent[] = [];
  if (entity instanceof Meeting) {
    const start = entity.start();
    if (start) events.push(event(start, 'held', `${entity.name} held`, null, entity.citations));
  }
  for (const s of entity.statementsOf()) {
    const line = `${s.subject.name} — ${verb(s)} — ${s.object.name}`;
    if (s.start) events.push(event(s.start, 'start', line, s));
    if (s.end) events.push(event(s.end, 'end', line, s));
    if (s.attested && !s.start) events.push(event(s.attested, 'attested', line, s));
    // Attending or hosting a meeting dates by the meeting when the fact itself carries no date.
    if (!s.start && !s.end && !s.attested && s.other.type === 'Meeting' && s.other.start()) events.push(event(s.other.start()!, 'held', line, s));
  }
  for (const claim of entity.claims) {
    if (!claim.date) continue;
    events.push(Object.assign(new TimelineEvent(), {
      date: claim.date, event: 'stated', summary: `${entity.name}: ${claim.property} = ${claim.value}`, statement: null, claim, citations: claim.citations,
    }));
  }
  events.sort((a, b) => a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest) || a.summary.localeCompare(b.summary));
  return Object.assign(new TimelineResult(), { entity: toEntityRef(entity as any), events });
}

