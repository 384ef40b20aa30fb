// Fields the schema does not know. zod drops them silently, so a teacher who
// writes "sumary" would lose their summary without a word; instead we name the
// field and suggest the closest known one.
import type { z } from "zod";

type Path = (string | number)[];
type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Looks through optional/default/nullable wrappers to the schema that shapes the value. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    const next = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!next) return s;
    s = next;
  }
  return s;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

function advice(key: string, known: string[]): string {
  const close = known
    .map((k) => ({ k, d: k.toLowerCase() === key.toLowerCase() ? 0 : distance(key, k) }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)[0];
  return close ? `unknown field: did you mean "${close.k}"?` : `unknown field: expected one of ${known.join(", ")}`;
}

export function unknownFieldErrors(
  schema: z.ZodType,
  doc: unknown,
  allowAtRoot: string[] = [],
): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  const walk = (s: z.ZodType, value: unknown, path: Path) => {
    const def = defOf(core(s));
    if (def.type === "object" && def.shape && typeof value === "object" && value !== null && !Array.isArray(value)) {
      const known = Object.keys(def.shape);
      for (const [key, child] of Object.entries(value)) {
        const childSchema = def.shape[key];
        if (childSchema) walk(childSchema, child, [...path, key]);
        else if (!(path.length === 0 && allowAtRoot.includes(key)))
          out.push({ path: [...path, key], message: advice(key, known) });
      }
    } else if (def.type === "array" && def.element && Array.isArray(value)) {
      value.forEach((item, i) => walk(def.element!, item, [...path, i]));
    }
  };
  walk(schema, doc, []);
  return out;
}
