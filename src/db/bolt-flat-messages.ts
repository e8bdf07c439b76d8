import path from 'node:path';

/**
 * Makes the Neo4j driver decode large Bolt messages at the speed of small ones.
 *
 * Neo4j sends a record larger than one chunk (a few KB: a profile, a member list with its
 * citations) in several chunks. The driver (neo4j-driver-bolt-connection 6.x) keeps them as a
 * `CombinedBuffer`, and then reads every byte of that message by walking the list of chunks,
 * and every string with a fresh `StringDecoder` over all of them (channel/utf8.js,
 * `decodeCombinedBuffer`). Under load that was a fifth of the server's CPU on MembersAsOf.
 *
 * This joins the chunks of a finished message into one buffer (one copy of bytes that are about
 * to be decoded anyway), so the driver takes its single-buffer path: `buffer.toString` for
 * strings, `readUInt8` for the rest. The bytes and the decoded values are the same.
 *
 * It patches the driver's `Dechunker` only when it finds the shape it expects, so another
 * driver version stays correct, only without the speed-up (`boltMessagesFlattened()` says which).
 */
interface ChunkPart { _buffer?: unknown; position?: number; length?: number }
interface DechunkerPrototype { _onHeader(this: { _currentMessage: ChunkPart[] }, header: number): unknown }

let flattened = false;

export function flattenBoltMessages(): boolean {
  if (flattened) return true;
  try {
    // The bolt-connection copy the driver itself loads, not whichever one a hoisting puts first.
    const driverDir = path.dirname(require.resolve('neo4j-driver/package.json'));
    const resolveFromDriver = (id: string) => require.resolve(id, { paths: [driverDir] });
    const { Dechunker } = require(resolveFromDriver('neo4j-driver-bolt-connection/lib/channel/chunking'));
    const ChannelBuffer = require(resolveFromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf')).default;
    const proto = Dechunker?.prototype as DechunkerPrototype | undefined;
    if (typeof proto?._onHeader !== 'function' || typeof ChannelBuffer !== 'function') return false;
    const onHeader = proto._onHeader;
    proto._onHeader = function (header: number) {
      // header 0 ends a message; only join parts that are whole, unread Node buffers.
      const parts = this._currentMessage;
      if (header === 0 && parts.length > 1 && parts.every(isWholeNodeBuffer)) {
        this._currentMessage = [new ChannelBuffer(Buffer.concat(parts.map((part) => part._buffer as Buffer)))];
      }
      return onHeader.call(this, header);
    };
    flattened = true;
  } catch {
    // A driver without these modules: leave it as it is.
  }
  return flattened;
}

function isWholeNodeBuffer(part: ChunkPart): boolean {
  return Buffer.isBuffer(part._buffer) && part.position === 0 && part.length === part._buffer.length;
}

/** Whether large messages are joined (for the health log and the tests). */
export function boltMessagesFlattened(): boolean {
  return flattened;
}
