/**
 * Where to go after signing in: only a path inside this app. "//evil.example" or "https://…"
 * would leave it (an open redirect, OWASP ASVS 5.0 V3), so those fall back to the start page.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
