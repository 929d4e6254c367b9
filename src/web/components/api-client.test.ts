import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, createRetryDelaysMs } from './api-client';

// The web side of decision 018: every create carries an Idempotency-Key, the same one on its
// own retries and on a double submit, and a new one for the next create.

type Sent = { url: string; key: string | undefined };

function stubServer(answers: (() => Response | Promise<Response>)[]) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, key: (init.headers as Record<string, string>)['Idempotency-Key'] });
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      return answer();
    }),
  );
  return sent;
}

const created = () => new Response(JSON.stringify({ id: 'c1' }), { status: 201 });
const networkDown = () => Promise.reject(new TypeError('Failed to fetch'));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('apiRequest for a create', () => {
  it('sends an Idempotency-Key of visible ASCII, and a new one for the next create', async () => {
    const sent = stubServer([created, created]);
    await apiRequest('/api/companies', { method: 'POST', body: { name: 'A' }, isCreate: true });
    await apiRequest('/api/companies', { method: 'POST', body: { name: 'A' }, isCreate: true });
    expect(sent[0]!.key).toMatch(/^[\x21-\x7E]{1,255}$/);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });

  it('sends a create again with the same key when the network fails, and gives up after two retries', async () => {
    vi.useFakeTimers();
    const sent = stubServer([networkDown, networkDown, created]);
    const answer = apiRequest('/api/companies', { method: 'POST', body: { name: 'B' }, isCreate: true });
    await vi.advanceTimersByTimeAsync(createRetryDelaysMs.reduce((a, b) => a + b, 0));
    expect(await answer).toEqual({ id: 'c1' });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);

    const failing = stubServer([networkDown, networkDown, networkDown]);
    const lost = apiRequest('/api/companies', { method: 'POST', body: { name: 'C' }, isCreate: true });
    const settled = expect(lost).rejects.toMatchObject({ code: 'unavailable' });
    await vi.advanceTimersByTimeAsync(createRetryDelaysMs.reduce((a, b) => a + b, 0));
    await settled;
    expect(failing).toHaveLength(3);
  });

  it('keeps the key of a create that got no answer for the next submit of the same form, and of a double click', async () => {
    const sent = stubServer([networkDown, networkDown, networkDown, created, created]);
    vi.useFakeTimers();
    const first = apiRequest('/api/activities', { method: 'POST', body: { title: 'D' }, isCreate: true });
    const settled = expect(first).rejects.toMatchObject({ code: 'unavailable' });
    await vi.advanceTimersByTimeAsync(createRetryDelaysMs.reduce((a, b) => a + b, 0));
    await settled;
    vi.useRealTimers();
    await Promise.all([
      apiRequest('/api/activities', { method: 'POST', body: { title: 'D' }, isCreate: true }),
      apiRequest('/api/activities', { method: 'POST', body: { title: 'D' }, isCreate: true }),
    ]);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
  });

  it('sends no key and never retries a request that is not a create', async () => {
    const sent = stubServer([networkDown]);
    await expect(apiRequest('/api/auth/logout', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(sent).toEqual([{ url: '/api/auth/logout', key: undefined }]);
  });
});
