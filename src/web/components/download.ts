import { ApiRequestError } from './api-client';

// Files from the API (exports, a person's data) are fetched rather than linked, so that a failure
// is shown as an error in the page instead of being saved as a file.

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file from the API and hands it to the browser to save; failures throw ApiRequestError. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, { code: 'unavailable', message: 'The server could not be reached' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const known = body && typeof body === 'object' && 'code' in body && 'message' in body;
    throw new ApiRequestError(
      response.status,
      known
        ? (body as ConstructorParameters<typeof ApiRequestError>[1])
        : { code: response.status === 404 ? 'not_found' : 'internal', message: `HTTP ${response.status}` },
    );
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
