import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a fact comes from: a source and the words it uses' })
export class Citation {
  @Field({ description: 'Source id: a corpus file name without .txt, or the id of a public page' })
  source: string;

  @Field({ description: 'The evidence, exactly as the source writes it' })
  quote: string;

  @Field({ nullable: true, description: 'Title of the source' })
  sourceTitle?: string;

  @Field({ nullable: true, description: 'Address of a public source' })
  url?: string;

  @Field({ nullable: true, description: 'The source date (EDTF)' })
  sourceDate?: string;
}
