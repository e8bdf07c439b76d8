import path from 'node:path';
import { boltMessagesFlattened, flattenBoltMessages } from '../../src/db/bolt-flat-messages';

/**
 * The driver's Dechunker, patched by src/db/bolt-flat-messages: a message Neo4j sends in several
 * chunks reaches the unpacker as one buffer, and decodes to the same value.
 */
const fromDriver = (id: string) => require(require.resolve(id, { paths: [path.dirname(require.resolve('neo4j-driver/package.json'))] }));
const { Dechunker } = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking');
const ChannelBuffer = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf').default;
const { Unpacker } = fromDriver('neo4j-driver-bolt-connection/lib/packstream/packstream-v1');

/** A packstream STRING_16 of `text`, sent as chunks cut at the given byte offsets, then the end marker. */
function chunkedString(text: string, cuts: number[]): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  const payload = Buffer.concat([Buffer.from([0xd1, utf8.length >> 8, utf8.length & 0xff]), utf8]);
  const bounds = [0, ...cuts, payload.length];
  const chunks = bounds.slice(1).map((end, i) => {
    const part = payload.subarray(bounds[i], end);
    return Buffer.concat([Buffer.from([part.length >> 8, part.length & 0xff]), part]);
  });
  return Buffer.concat([...chunks, Buffer.from([0, 0])]);
}

describe('large Bolt messages', () => {
  it('patches the installed driver', () => {
    expect(flattenBoltMessages()).toBe(true);
    expect(boltMessagesFlattened()).toBe(true);
  });

  it('hands a message of several chunks to the unpacker as one buffer with the same string', () => {
    flattenBoltMessages();
    // Turkish and Cyrillic, cut inside two-byte characters: the join must not split a character.
    const text = 'Asya’da Etkileşim ve Güven Artırıcı Önlemler Konferansı — СВМДА, '.repeat(12);
    const bytes = chunkedString(text, [101, 102, 517]);
    const messages: any[] = [];
    const dechunker = new Dechunker();
    dechunker.onmessage = (message: unknown) => messages.push(message);
    // The socket may deliver the bytes in any pieces; here in two.
    dechunker.write(new ChannelBuffer(bytes.subarray(0, 300)));
    dechunker.write(new ChannelBuffer(bytes.subarray(300)));

    expect(messages).toHaveLength(1);
    expect(Buffer.isBuffer(messages[0]._buffer)).toBe(true);
    expect(messages[0]._buffers).toBeUndefined();
    expect(new Unpacker().unpack(messages[0])).toBe(text);
  });
});
