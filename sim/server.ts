import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { apiPath, handleApi } from './api';
import { type FaultQueue, applyFault } from './faults';
import { type SimRequest, type SimResponse, bodyBytes, json, notFound, readBody } from './http';
import { handleOAuth } from './oauth';
import type { SimState } from './state';
import type { RecordedRequest } from './types';

function route(req: SimRequest, state: SimState): SimResponse {
  const path = req.url.pathname;
  if (path.startsWith('/oauth/')) return handleOAuth(req, state);
  // Both roots: /api/v3 (www.strava.com) and directly under the host (www.api-v3.strava.com, from June 2027).
  const api = apiPath(path);
  if (api !== undefined) return handleApi(req, state, api);
  return notFound();
}

/** Runs the handler but never lets a bug in the sim surface as a hung request. */
function safeRoute(req: SimRequest, state: SimState): SimResponse {
  try {
    return route(req, state);
  } catch (error) {
    return json(500, { message: 'Internal Server Error', errors: [], detail: String(error) });
  }
}

export interface SimServer {
  server: Server;
  /** Cancels pending delayed responses and drops every connection, including hung ones. */
  shutdown(): Promise<void>;
}

/** `onHandled` is told about each request once the sim has acted on it (answered, or held its answer back). */
export function createSimServer(
  state: SimState,
  faults: FaultQueue,
  requests: RecordedRequest[],
  onHandled: (record: RecordedRequest) => void = () => {},
): SimServer {
  const timers = new Set<NodeJS.Timeout>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      at: state.clock.now(),
      ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}),
      body: '',
    };
    requests.push(record);

    let body: string;
    try {
      body = await readBody(req);
    } catch {
      record.status = 413;
      res.writeHead(413).end();
      onHandled(record);
      return;
    }
    record.body = body;
    const simReq: SimRequest = { method, url, headers: req.headers, body };
    const send = (response: SimResponse) => {
      if (res.destroyed || res.headersSent) return;
      const bytes = bodyBytes(response.body);
      record.status = response.status;
      res.writeHead(response.status, { ...response.headers, 'Content-Length': String(bytes.length) });
      res.end(bytes);
    };

    const action = faults.take(method, url.pathname);
    if (!action) {
      send(safeRoute(simReq, state));
      onHandled(record);
      return;
    }
    applyFault(action, {
      res,
      path: url.pathname,
      respond: () => safeRoute(simReq, state),
      send,
      recordStatus: (status) => {
        record.status = status;
      },
      later: (fn, ms) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms);
        timers.add(timer);
      },
    });
    onHandled(record);
  }

  const server = createServer((req, res) => {
    // Like Strava, every answer carries the server's time, here the simulated clock.
    res.sendDate = false;
    res.setHeader('Date', new Date(state.clock.now()).toUTCString());
    void handle(req, res);
  });

  return {
    server,
    shutdown: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
