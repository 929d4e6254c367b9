/** The rows of a raw `db.execute` result: PGlite answers an array-like result, pg a `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
