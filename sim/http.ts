import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Handlers return a value instead of writing, so faults like truncation can reshape a real response. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export function bodyBytes(body: string | Buffer): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, data: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(data) };
}

export function html(status: number, markup: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body: markup };
}

/** Strava's error envelope: {"message", "errors":[{resource, field, code}]}. */
export function stravaError(
  status: number,
  message: string,
  error: { resource: string; field: string; code: string },
  headers: Record<string, string> = {},
): SimResponse {
  return json(status, { message, errors: [error] }, headers);
}

export function notFound(headers: Record<string, string> = {}): SimResponse {
  return stravaError(404, 'Record Not Found', { resource: 'resource', field: 'path', code: 'invalid' }, headers);
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parameters from the query string overlaid with a form-urlencoded or JSON body: Strava accepts all
 * three on its OAuth endpoints, and real clients use each of them.
 */
export function params(req: SimRequest): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(req.url.searchParams);
  const type = String(req.headers['content-type'] ?? '');
  if (req.body === '') return out;
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed)) {
          if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
        }
      }
    } catch {
      // An unparsable body is treated as empty: the caller then reports the missing fields.
    }
    return out;
  }
  for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  return out;
}

export function bearerToken(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
