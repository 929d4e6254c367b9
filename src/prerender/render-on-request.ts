import { AsyncLocalStorage } from 'node:async_hooks';
import { sendApiRequestsWith } from '../web/components/api-client';
import type { Language } from '../web/i18n/i18n';
import { prepareRendering, renderOnRequest } from '../web/prerender';
import { inShell } from './shell';

// The signed-in pages drawn on the server when they are asked for (decision 052). Built by Vite for
// Node (`npm run build:prerender`) into dist/render/, which the server imports on the first such
// request; the server never imports the web app's source. The web code's API requests go to the
// sender of the request being drawn: the server's own API, with the visitor's cookie.

/** Sends one API request of the page being drawn; the server answers it as it would the browser. */
export type ApiSender = (path: string, init: RequestInit) => Promise<Response>;

const senders = new AsyncLocalStorage<ApiSender>();

sendApiRequestsWith((input, init) => {
  const send = senders.getStore();
  if (!send) throw new Error('An API request outside a page being drawn');
  return send(String(input), init ?? {});
});

/** A script the browser does not run: the answers the page was drawn with, for its query cache.
 * Every "<" is escaped, so no text in them can end the element. */
function queriesScript(queries: unknown): string {
  const json = JSON.stringify(queries).replace(/</g, '\\u003c');
  return `<script type="application/json" id="page-queries">${json}</script>`;
}

/** The whole document of a page, or null when the browser is to draw it (see renderOnRequest). */
export async function drawPage(
  template: string,
  request: { url: string; language: Language; hasSession: boolean },
  send: ApiSender,
) {
  const page = await senders.run(send, () => renderOnRequest(request.url, request.language, request.hasSession));
  return page && inShell(template, page.language, page.html, { after: queriesScript(page.queries) });
}

/** Loads every string and route once, so that the first visitor does not wait for it. */
export const prepare = prepareRendering;
