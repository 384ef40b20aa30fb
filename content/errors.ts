// One error in a scenario file, as a teacher reads it: where, and why.
export type ScenarioError = {
  /** Dotted path into the document, like `delegations.0.name`; `(file)` for a file that cannot be read or parsed, `(root)` for the whole document. */
  path: string;
  message: string;
};

export const pathString = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? "(root)" : path.map((p) => String(p)).join(".");

/** `FILE: path.to.field: reason`, the line the check command prints. */
export const formatError = (file: string, e: ScenarioError): string => `${file}: ${e.path}: ${e.message}`;
