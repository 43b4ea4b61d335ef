/**
 * One write per WebSocket connection per turn of the event loop.
 *
 * engine.io writes each packet as its own WebSocket frame with its own `writev`: the first packet
 * of a turn goes out at once, the ones created while that write is in flight wait for its callback
 * and then go out one frame and one system call each. A decision sends its author an ack and a
 * view update, and the facilitator an update for every event of every team, often several in one
 * turn. Each system call on a socket costs about as much as the whole of the echo baseline's work
 * for a small message, so here a connection's packets are held until the turn's I/O callbacks have
 * run (`setImmediate`) and then written together: the frames are the same, in the same order, and
 * the kernel gets them in one `writev` (the TCP socket is corked around the flush).
 *
 * This reaches into engine.io 6 and ws 8 internals (`Socket.flush`, `transport.socket._socket`),
 * which the pinned versions have; `turn-writes.spec.ts` fails when they change shape. Polling
 * transports are left alone: their writes wait for the client's next request anyway.
 */

/** The parts of engine.io's socket and WebSocket transport used here (not in its public types). */
interface CorkableStream {
  cork(): void;
  uncork(): void;
  destroyed?: boolean;
}
interface EngineTransport {
  name: string;
  writable: boolean;
  socket?: { _socket?: CorkableStream };
}
export interface EngineConnection {
  readyState: string;
  writeBuffer: unknown[];
  transport: EngineTransport;
  flush(): void;
}

const due = new Set<EngineConnection>();
const originals = new WeakMap<EngineConnection, () => void>();
let scheduled = false;

function flushDue(): void {
  scheduled = false;
  // A flush's write callbacks may queue more packets (engine.io flushes on 'ready'): those go in
  // the next turn's batch, so take this turn's connections first.
  const connections = [...due];
  due.clear();
  for (const conn of connections) {
    const flush = originals.get(conn);
    if (!flush || conn.readyState === 'closed') continue;
    const stream = conn.transport.name === 'websocket' ? conn.transport.socket?._socket : undefined;
    if (!stream || stream.destroyed) {
      flush.call(conn);
      continue;
    }
    stream.cork();
    try {
      flush.call(conn);
    } finally {
      stream.uncork();
    }
  }
}

/**
 * Makes `conn` write what it is sent in one turn once, at the end of the turn. Call it once per
 * engine.io connection, when it opens.
 */
export function coalesceTurnWrites(conn: EngineConnection): void {
  const flush = conn.flush;
  originals.set(conn, flush);
  conn.flush = function deferredFlush(this: EngineConnection) {
    if (this.transport.name !== 'websocket') {
      flush.call(this);
      return;
    }
    if (this.writeBuffer.length === 0 || due.has(this)) return;
    due.add(this);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flushDue);
    }
  };
}
