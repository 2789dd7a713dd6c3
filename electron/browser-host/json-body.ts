// A small JSON body from a page of this host: the browser host's few POSTs read it the same way,
// bounded in size and time, so a slow or endless body cannot hold the host.
import type { IncomingMessage } from 'node:http';

export type JsonBody = { ok: true; body: unknown } | { ok: false; status: number; text: string };

export function readSmallJson(req: IncomingMessage, options: { maxBytes: number; timeoutMs: number; tooLarge: string; notJson: string }): Promise<JsonBody> {
  const { maxBytes, timeoutMs } = options;
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return Promise.resolve({ ok: false, status: 415, text: 'This is sent as application/json.' });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve({ ok: false, status: 413, text: options.tooLarge });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (answer: JsonBody) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const timer = setTimeout(() => {
      done = true;
      req.destroy();
    }, timeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        finish({ ok: false, status: 413, text: options.tooLarge });
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => clearTimeout(timer));
    req.on('end', () => {
      try {
        finish({ ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        finish({ ok: false, status: 400, text: options.notJson });
      }
    });
  });
}
