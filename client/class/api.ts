// Reading and posting JSON for the class pages; the shapes are in shared/class-view.ts.

export type Answer<T> = { ok: true; body: T } | { ok: false; status: number; error: string };

export async function getJson<T>(url: string, key?: string): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      headers: { accept: "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      cache: "no-store",
    });
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok ? { ok: true, body } : { ok: false, status: res.status, error: body.error ?? `status ${res.status}` };
  } catch {
    return { ok: false, status: 0, error: "Can't reach the game server. Check the network." };
  }
}

export async function postJson<T>(url: string, key: string, body: unknown): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok
      ? { ok: true, body: answer }
      : { ok: false, status: res.status, error: answer.error ?? `status ${res.status}` };
  } catch {
    return { ok: false, status: 0, error: "Can't reach the game server. Check the network." };
  }
}
