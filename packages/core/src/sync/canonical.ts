/**
 * Canonical JSON: the same text for the same data whatever the order its object keys were written in,
 * so that two copies of one event can be compared (and a clash between two different events with one
 * id settled the same way on every laptop).
 */

/**
 * `value` as JSON with object keys sorted (by UTF-16 code units) at every depth. `undefined` object
 * properties are left out as `JSON.stringify` does. Throws a TypeError on what JSON cannot hold
 * exactly (a non-finite number, a function, a cycle, a bigint): such a value is a programmer's error.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JSON cannot hold the number ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`JSON cannot hold a ${typeof value}`);
  }
  const object = value as object;
  if (open.has(object)) throw new TypeError('JSON cannot hold a cycle');
  open.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item) => (item === undefined ? 'null' : write(item, open))).join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], open)}`).join(',')}}`;
  }
  open.delete(object);
  return text;
}
