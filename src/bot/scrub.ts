/**
 * Errors as safe log objects: the bot token and interaction/webhook tokens
 * (which appear in REST URLs) are replaced, whatever property they hide in.
 */
const TOKEN_IN_PATH = /\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9._-]{20,}/g;

export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_IN_PATH, '/$1/[redacted]');
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out;
}

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  status?: number;
  method?: string;
  url?: string;
}

export function scrubError(error: unknown, secrets: readonly string[] = []): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(String(error), secrets) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  const out: SafeError = { type: e.name, message: scrubText(e.message, secrets) };
  if (e.stack) out.stack = scrubText(e.stack, secrets);
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.method === 'string') out.method = e.method;
  if (typeof e.url === 'string') out.url = scrubText(e.url, secrets);
  return out;
}
