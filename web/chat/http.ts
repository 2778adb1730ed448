import type { Language, SessionKeys, Summary, UiTexts } from './types';

/** What the pages fetch over HTTP: texts, languages, and a session's summary, with the bearer token. */
export const http = {
  /** The interface texts in `lang`, or without it in the browser's first language the service speaks. */
  async texts(server: string, lang?: string): Promise<UiTexts> {
    const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
    return (await fetch(`${server}/api/v1/texts/ui${query}`)).json() as Promise<UiTexts>;
  },
  async languages(server: string): Promise<Language[]> {
    return (await fetch(`${server}/api/v1/languages`)).json() as Promise<Language[]>;
  },
  /** The summary as a file (`format=html|text|ics`), optionally in another language than the session's. */
  async sessionFile(server: string, keys: SessionKeys, query: string): Promise<Blob> {
    const res = await fetch(`${server}/api/v1/sessions/${keys.id}/summary?${query}`, {
      headers: { Authorization: `Bearer ${keys.token}` },
    });
    if (!res.ok) throw new Error(String(res.status));
    return res.blob();
  },
  /** The answers (each with its question's input) and the decision; in `lang` when given. */
  async summary(server: string, keys: SessionKeys, lang?: string): Promise<Summary | undefined> {
    const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
    const res = await fetch(`${server}/api/v1/sessions/${keys.id}/summary${query}`, {
      headers: { Authorization: `Bearer ${keys.token}` },
    });
    return res.ok ? ((await res.json()) as Summary) : undefined;
  },
  async erase(server: string, keys: SessionKeys): Promise<void> {
    await fetch(`${server}/api/v1/sessions/${keys.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${keys.token}` },
    });
  },
};

/** Offers a blob as a download, or opens it in a new tab (the widget's printable summary; never on the kiosk). */
export function offerBlob(blob: Blob, download?: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  if (download) a.download = download;
  else a.target = '_blank';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
