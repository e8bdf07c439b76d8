import path from 'node:path';

/**
 * Three changes to how the Neo4j driver (neo4j-driver-bolt-connection 6.x) moves bytes, each found
 * in a CPU profile of this server under load, neither changing a byte sent or a value decoded.
 *
 * 1. Large messages read as one buffer. Neo4j sends a record larger than one chunk (a profile, a
 *    member list with its citations) in several chunks. The driver keeps them as a
 *    `CombinedBuffer`, then reads every byte of the message by walking the list of chunks, and
 *    every string through a fresh `StringDecoder` over all of them (channel/utf8.js,
 *    `decodeCombinedBuffer`): a fifth of the server's CPU on MembersAsOf. The chunks of a finished
 *    message are now joined into one buffer (one copy of bytes about to be decoded anyway), so
 *    the driver takes its single-buffer path (`buffer.toString`, `readUInt8`).
 * 2. A query goes out in one socket write. The driver packs outgoing messages into a 1,400-byte
 *    buffer and writes it to the socket each time it fills, so a 4 KB compiled query took four
 *    writes (system calls, and four wake-ups of Neo4j's network thread): the largest single
 *    item of the profile on Connection. The buffer is now 16 KB (chunks stay far below Bolt's
 *    64 KB limit).
 * 3. Maps decode by plain assignment. The driver sets every key of every Bolt map with
 *    `Object.defineProperty`, so that a key named `__proto__` cannot change the map's prototype.
 *    That is about ten times slower than an assignment (3.6 against 0.3 µs for an 8-key map
 *    here) and MembersAsOf decodes some 350 maps a request. Keys are now assigned, and only
 *    `__proto__` still goes through defineProperty, so it stays an own key as before.
 *
 * Each patch applies only when the driver has the shape it expects, so another driver version
 * stays correct, only without the speed-up; `driverPatches()` says which applied.
 */
interface ChunkPart { _buffer?: unknown; position?: number; length?: number }
interface DechunkerPrototype { _onHeader(this: { _currentMessage: ChunkPart[] }, header: number): unknown }
type ChunkerClass = new (channel: unknown, bufferSize?: number) => object;
interface UnpackerPrototype { unpack(buffer: unknown, hydrate: unknown): unknown; _unpackMapWithSize(size: number, buffer: unknown, hydrate: unknown): object }

/** What the outgoing buffer holds before it is written (the driver's default is 1,400 bytes). */
export const BOLT_WRITE_BUFFER_BYTES = 16 * 1024;

const applied = { joinedMessages: false, largeWriteBuffer: false, assignedMapKeys: false };

export function patchDriver(): Readonly<typeof applied> {
  let chunking: { Dechunker?: { prototype: DechunkerPrototype }; Chunker?: ChunkerClass };
  let ChannelBuffer: new (buffer: Buffer) => object;
  let packstream: { Unpacker?: { prototype: UnpackerPrototype } };
  try {
    // The bolt-connection copy the driver itself loads, not whichever one a hoisting puts first.
    const driverDir = path.dirname(require.resolve('neo4j-driver/package.json'));
    const fromDriver = (id: string) => require(require.resolve(id, { paths: [driverDir] }));
    chunking = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking');
    ChannelBuffer = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf').default;
    packstream = fromDriver('neo4j-driver-bolt-connection/lib/packstream/packstream-v1');
  } catch {
    return applied; // a driver without these modules: left as it is
  }
  if (!applied.joinedMessages && typeof chunking.Dechunker?.prototype._onHeader === 'function' && typeof ChannelBuffer === 'function') {
    const proto = chunking.Dechunker.prototype;
    const onHeader = proto._onHeader;
    proto._onHeader = function (header: number) {
      // header 0 ends a message; only whole, unread Node buffers are joined.
      const parts = this._currentMessage;
      if (header === 0 && parts.length > 1 && parts.every(isWholeNodeBuffer)) {
        this._currentMessage = [new ChannelBuffer(Buffer.concat(parts.map((part) => part._buffer as Buffer)))];
      }
      return onHeader.call(this, header);
    };
    applied.joinedMessages = true;
  }
  const Chunker = chunking.Chunker;
  if (!applied.largeWriteBuffer && typeof Chunker === 'function' && Object.getOwnPropertyDescriptor(chunking, 'Chunker')?.writable) {
    // The connection reads `Chunker` from this module when it opens, so a subclass here takes effect.
    chunking.Chunker = class extends Chunker {
      constructor(channel: unknown, bufferSize?: number) { super(channel, bufferSize ?? BOLT_WRITE_BUFFER_BYTES); }
    };
    applied.largeWriteBuffer = true;
  }
  const unpacker = packstream.Unpacker?.prototype;
  // Only the version whose map decoding is the defineProperty loop described above is replaced.
  if (!applied.assignedMapKeys && unpacker && typeof unpacker.unpack === 'function' && /defineProperty\(value, key/.test(String(unpacker._unpackMapWithSize))) {
    unpacker._unpackMapWithSize = function (size, buffer, hydrate) {
      const value: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) {
        const key = this.unpack(buffer, hydrate) as string;
        const unpacked = this.unpack(buffer, hydrate);
        if (key === '__proto__') Object.defineProperty(value, key, { value: unpacked, writable: true, enumerable: true, configurable: true });
        else value[key] = unpacked;
      }
      return value;
    };
    applied.assignedMapKeys = true;
  }
  return applied;
}

function isWholeNodeBuffer(part: ChunkPart): boolean {
  return Buffer.isBuffer(part._buffer) && part.position === 0 && part.length === part._buffer.length;
}

/** Which patches are in place (for the tests). */
export function driverPatches(): Readonly<typeof applied> {
  return applied;
}
