// A message body is untrusted data. Before anything reads it, it is copied
// into plain data (null, booleans, numbers, strings, arrays, plain objects)
// without running any of its code: getters, toString/valueOf, class
// instances and binary are refused instead of being called or coerced. From
// the wire msgpack only yields data, but the session takes bodies from any
// transport, so it never assumes that.

const MAX_DEPTH = 32;
const MAX_NODES = 5_000;

class NotPlain extends Error {}

export type Plain = { ok: true; value: unknown } | { ok: false };

export function plainData(value: unknown): Plain {
  let nodes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) throw new NotPlain();
    if (v === null || v === undefined || typeof v === "boolean" || typeof v === "string" || typeof v === "number")
      return v;
    if (typeof v !== "object") throw new NotPlain(); // functions, symbols, bigints
    const proto: unknown = Object.getPrototypeOf(v);
    const isArray = Array.isArray(v);
    if (isArray ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) throw new NotPlain();
    const descriptors = Object.getOwnPropertyDescriptors(v);
    if (isArray) {
      const out: unknown[] = [];
      for (let i = 0; i < (v as unknown[]).length; i++) {
        const d = descriptors[i];
        if (d && !("value" in d)) throw new NotPlain();
        out.push(copy(d?.value, depth + 1));
      }
      return out;
    }
    // A null prototype: a key named "__proto__" stays an ordinary key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Reflect.ownKeys(descriptors)) {
      if (typeof key !== "string") throw new NotPlain();
      const d = descriptors[key]!;
      if (!("value" in d)) throw new NotPlain(); // a getter or setter
      out[key] = copy(d.value, depth + 1);
    }
    return out;
  };
  try {
    return { ok: true, value: copy(value, 0) };
  } catch {
    // NotPlain, or a Proxy trap that threw: either way not data we read.
    return { ok: false };
  }
}

/** A message type as words for an error, whatever it is: never calls into it. */
export function describeType(type: unknown): string {
  if (typeof type === "string") return JSON.stringify(type.length > 40 ? `${type.slice(0, 40)}…` : type);
  if (typeof type === "number") return String(type);
  return "that type";
}

/**
 * zod's safeParse, for untrusted data: zod itself can throw on data built to
 * trip it (a `length` or `toString` that is an object it compares or prints
 * while checking), and that must be a refusal like any other bad input.
 */
export function parseUntrusted<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
  value: unknown,
): { success: true; data: T } | { success: false; issues: Issue[] } {
  try {
    const result = schema.safeParse(value);
    return result.success ? result : { success: false, issues: result.error.issues };
  } catch {
    return { success: false, issues: [] };
  }
}

interface Issue {
  path: PropertyKey[];
  message: string;
}
