import { STATUS_CODES, type ServerResponse } from 'node:http';
import { JSON_TYPE, type SimResponse, bodyBytes, json } from './http';
import type { FaultAction, FaultRule } from './types';

export interface RequestFilter {
  method?: string;
  path?: string | RegExp;
}

/** Same matching for fault rules and request counts: method case-insensitive, path exact or RegExp. */
export function matchesFilter(filter: RequestFilter, method: string, path: string): boolean {
  if (filter.method && filter.method.toUpperCase() !== method.toUpperCase()) return false;
  if (filter.path === undefined) return true;
  if (typeof filter.path === 'string') return filter.path === path;
  filter.path.lastIndex = 0; // a /g or /y RegExp would otherwise remember where it stopped
  return filter.path.test(path);
}

/** Injected faults, consumed in order: the first matching rule with uses left fires. */
export class FaultQueue {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times >= 0)) throw new RangeError(`fault rule times must be >= 0, got ${times}`);
    this.rules.push({ rule, left: times });
  }

  clear(): void {
    this.rules = [];
  }

  take(method: string, path: string): FaultAction | undefined {
    const entry = this.rules.find((r) => r.left > 0 && matchesFilter(r.rule, method, path));
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.rule.action;
  }
}

export interface FaultIO {
  res: ServerResponse;
  path: string;
  /** The normal response (runs the real handler, with its side effects). */
  respond(): SimResponse;
  /** Write a complete response and record its status. */
  send(response: SimResponse): void;
  recordStatus(status: number): void;
  /** A timer the server cancels on close. */
  later(fn: () => void, ms: number): void;
}

function statusResponse(action: Extract<FaultAction, { kind: 'status' }>): SimResponse {
  const headers = action.headers ?? {};
  if (typeof action.body === 'string') {
    return { status: action.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: action.body };
  }
  const body = action.body ?? { message: STATUS_CODES[action.status] ?? 'Error', errors: [] };
  return json(action.status, body, headers);
}

/** Requests held by a 'gather' rule, per rule. */
const gathered = new WeakMap<FaultAction, (() => void)[]>();

export function applyFault(action: FaultAction, io: FaultIO): void {
  switch (action.kind) {
    case 'status':
      return io.send(statusResponse(action));
    case 'delay':
      return io.later(() => io.send(io.respond()), action.ms);
    case 'hold': {
      const answer = () => io.send(io.respond());
      Promise.resolve(action.until).then(answer, answer);
      return;
    }
    case 'hang':
      return; // the socket stays open until the client gives up or the sim closes
    case 'drop':
      io.res.socket?.destroy();
      return;
    case 'malformed-json':
      // Looks like a proxy error page served with a JSON content type.
      return io.send({ status: 200, headers: { 'Content-Type': JSON_TYPE }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
    case 'wrong-shape': {
      // Lists get an object, everything else gets an array: both must fail schema validation.
      const list = /\/activities$/.test(io.path);
      return io.send(json(200, list ? { unexpected: true } : [{ unexpected: true }]));
    }
    case 'truncated-json': {
      const normal = io.respond();
      const bytes = bodyBytes(normal.body);
      const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
      // Content-Length matches the cut body, so the message itself is complete and well-formed HTTP.
      return io.send({ status: 200, headers: { ...normal.headers, 'Content-Type': JSON_TYPE }, body: cut });
    }
    case 'gather': {
      // Answered when the group is complete, each by the real handler at that moment.
      const group = gathered.get(action) ?? [];
      gathered.set(action, group);
      group.push(() => io.send(io.respond()));
      if (group.length >= action.count) for (const answer of group.splice(0)) answer();
      return;
    }
    case 'latency': {
      const answer = io.respond();
      return io.later(() => io.send(answer), typeof action.ms === 'function' ? action.ms(answer.status) : action.ms);
    }
    case 'drip': {
      const normal = io.respond();
      const bytes = bodyBytes(normal.body);
      io.res.writeHead(normal.status, { ...normal.headers, 'Content-Length': String(bytes.length) });
      io.recordStatus(normal.status);
      let sent = 0;
      const next = () => {
        if (io.res.destroyed || sent >= bytes.length) return;
        io.res.write(bytes.subarray(sent, sent + 1));
        sent += 1;
        io.later(next, action.intervalMs);
      };
      next();
      return;
    }
    case 'headers': {
      const normal = io.respond();
      return io.send({ ...normal, headers: { ...normal.headers, ...action.headers } });
    }
    case 'patch-json': {
      const normal = io.respond();
      const merged = merge(JSON.parse(bodyBytes(normal.body).toString('utf8')) as unknown, action.patch);
      return io.send({ ...normal, body: JSON.stringify(merged) });
    }
    case 'drop-mid-body': {
      const normal = io.respond();
      // An empty body cannot be cut, so pad it: the point is a body that ends early.
      const bytes = bodyBytes(normal.body.length > 1 ? normal.body : '{"padding":"xxxxxxxx"}');
      io.res.writeHead(normal.status, { ...normal.headers, 'Content-Length': String(bytes.length) });
      io.recordStatus(normal.status);
      io.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
        setImmediate(() => io.res.socket?.destroy());
      });
      return;
    }
  }
}

/** `patch` laid over `base`: objects merged key by key, anything else replaced. */
function merge(base: unknown, patch: unknown): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(base[key], value);
  return out;
}
