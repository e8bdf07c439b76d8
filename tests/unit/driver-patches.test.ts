import path from 'node:path';
import { BOLT_WRITE_BUFFER_BYTES, driverPatches, patchDriver } from '../../src/db/driver-patches';

/**
 * The driver, patched by src/db/driver-patches: a message Neo4j sends in several chunks reaches
 * the unpacker as one buffer and decodes to the same value; a query goes out in one socket write.
 */
const fromDriver = (id: string) => require(require.resolve(id, { paths: [path.dirname(require.resolve('neo4j-driver/package.json'))] }));
const { Dechunker } = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking');
const ChannelBuffer = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf').default;
const { Unpacker, Packer } = fromDriver('neo4j-driver-bolt-connection/lib/packstream/packstream-v1');
// The module the connection takes its Chunker from when it opens.
const channelModule = fromDriver('neo4j-driver-bolt-connection/lib/channel');

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
    expect(patchDriver()).toEqual({ joinedMessages: true, largeWriteBuffer: true, assignedMapKeys: true });
    expect(driverPatches()).toEqual({ joinedMessages: true, largeWriteBuffer: true, assignedMapKeys: true });
  });

  it('hands a message of several chunks to the unpacker as one buffer with the same string', () => {
    patchDriver();
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

describe('Bolt maps', () => {
  /** A packstream tiny string (under 16 bytes). */
  const tiny = (text: string) => { const utf8 = Buffer.from(text, 'utf8'); return Buffer.concat([Buffer.from([0x80 | utf8.length]), utf8]); };
  /** A packstream tiny map of tiny-string keys and tiny-string or nested-map values. */
  const map = (entries: [string, string | Buffer][]) => Buffer.concat([Buffer.from([0xa0 | entries.length]),
    ...entries.flatMap(([k, v]) => [tiny(k), typeof v === 'string' ? tiny(v) : v])]);

  it('decode to the same plain objects, a __proto__ key staying an own key that changes no prototype', () => {
    patchDriver();
    const bytes = map([['role', 'member'], ['__proto__', map([['polluted', 'yes']])], ['2', 'two'], ['validFrom', '1999'], ['role', 'observer'], ['Ülke', map([['key', 'KAZ']])]]);
    const value = new Unpacker().unpack(new ChannelBuffer(bytes));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as any).polluted).toBeUndefined();
    expect(value.polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    // A repeated key keeps its last value and its first place, as defineProperty did; integer-like keys come first.
    expect(Object.keys(value)).toEqual(['2', 'role', '__proto__', 'validFrom', 'Ülke']);
    expect(value.role).toBe('observer');
    expect(value['Ülke']).toEqual({ key: 'KAZ' });
  });
});

describe('outgoing Bolt messages', () => {
  it('go to the socket in one write for a 5 KB query, with the same bytes', () => {
    patchDriver();
    const query = `MATCH (e:Entity) WHERE e.name = $name // Ölçü, СВМДА\n`.repeat(100);
    const writes: Buffer[] = [];
    const chunker = new channelModule.Chunker({ write: (buf: any) => writes.push(Buffer.from(buf._buffer.subarray(0, buf.length))) });
    expect(chunker._bufferSize).toBe(BOLT_WRITE_BUFFER_BYTES);
    new Packer(chunker).packable(query)();
    chunker.messageBoundary();
    chunker.flush();

    expect(writes).toHaveLength(1);
    // One chunk: its size, the string, then the end of the message.
    const payloadBytes = writes[0].readUInt16BE(0);
    expect(writes[0].length).toBe(2 + payloadBytes + 2);
    expect(new Unpacker().unpack(new ChannelBuffer(writes[0].subarray(2, 2 + payloadBytes)))).toBe(query);
  });
});
