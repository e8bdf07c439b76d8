import { Field, ObjectType } from 'type-graphql';
import { parsePartialDate } from '../../util/partial-date';
import { DateScalar } from './date.scalar';
import { DatePrecision } from './enums';

@ObjectType({ description: 'A date as the sources give it: a day, month or year, possibly approximate, or an interval' })
export class PartialDateType {
  @Field({ description: 'As recorded, in EDTF: 1999-09-14, 2010-06, 2007, 2014-06~ (approximate), 2010-06/2014-05' })
  text: string;

  @Field(() => DatePrecision, { description: 'DAY, MONTH, YEAR or INTERVAL' })
  precision: DatePrecision;

  @Field({ description: 'True when the source gives it as approximate (EDTF ~)' })
  approximate: boolean;

  @Field(() => DateScalar, { description: 'First day the date can denote' })
  earliest: string;

  @Field(() => DateScalar, { description: 'Last day the date can denote' })
  latest: string;
}

/** The GraphQL form of an EDTF text, or null. */
export function toPartialDate(text?: string | null): PartialDateType | null {
  if (!text) return null;
  const parsed = parsePartialDate(text);
  return parsed ? Object.assign(new PartialDateType(), parsed) : null;
}
