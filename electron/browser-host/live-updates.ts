// GET /api/content-events: server-sent events, one `snapshot` event per new good pack, to every
// screen connected. Bounded: in all, per network address, and in what one slow reader may owe.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import type { ContentService } from '../content/content-service';
import { isLoopbackAddress } from './access-control';
import { sendText } from './http-answers';
import type { LogLine } from '../logging/log-line';

export interface LiveUpdateOptions {
  content: Pick<ContentService, 'current' | 'subscribe'>;
  maxClients: number;
  /** Live-update clients one network address may hold, so a few machines cannot take every place. */
  maxClientsPerAddress: number;
  /** Unsent bytes a client may fall behind by before it is dropped (it reconnects and catches up). */
  maxBacklogBytes: number;
  treatAsRemote: (address: string) => boolean;
  log: LogLine;
}

export interface LiveUpdates {
  answer(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

const eventHeaders = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' };

export function startLiveUpdates(options: LiveUpdateOptions): LiveUpdates {
  const { content, maxClients, maxClientsPerAddress, maxBacklogBytes, treatAsRemote, log } = options;
  const clients = new Set<ServerResponse>();

  // A screen that stopped reading (a frozen tab, a stalled network) would make the host buffer
  // every snapshot for it without end: past the bound it is dropped, and reconnects when it can.
  const send = (client: ServerResponse, text: string) => {
    const behind = client.writableLength;
    if (behind > maxBacklogBytes) {
      clients.delete(client);
      client.destroy();
      log(`browser host: dropped a live-update client that fell ${behind} bytes behind`);
      return;
    }
    client.write(text);
  };
  const unsubscribe = content.subscribe((snapshot) => {
    const event = snapshotEvent(snapshot);
    for (const client of clients) send(client, event);
  });
  const keepAlive = setInterval(() => {
    for (const client of clients) send(client, ': keep-alive\n\n');
  }, 25_000);

  return {
    answer(req, res) {
      // HEAD asks only whether the stream is there: it gets the headers and no place.
      if (req.method === 'HEAD') {
        res.writeHead(200, eventHeaders);
        return void res.end();
      }
      if (clients.size >= maxClients) return sendText(res, 503, 'Too many screens are connected.');
      // This machine (a local browser, a reverse proxy in front) is bound only by the total.
      const address = req.socket.remoteAddress ?? '';
      if (!isLoopbackAddress(address, treatAsRemote)) {
        const fromAddress = [...clients].filter((client) => client.req.socket.remoteAddress === address).length;
        if (fromAddress >= maxClientsPerAddress) return sendText(res, 503, 'Too many screens are connected from this address.');
      }
      res.writeHead(200, { ...eventHeaders, Connection: 'keep-alive' });
      res.write('retry: 2000\n\n');
      // A screen that (re)connects may have missed changes: start it with the current pack.
      const snapshot = content.current();
      if (snapshot) res.write(snapshotEvent(snapshot));
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const client of clients) client.end();
    },
  };
}

function snapshotEvent(snapshot: ContentSnapshot): string {
  return `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`;
}
