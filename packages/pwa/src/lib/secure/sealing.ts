/**
 * Encryption at rest for the app's IndexedDB database (issue 9): a Dexie DBCore middleware that sits
 * directly above IndexedDB, below Dexie's own caching and observation, and seals every row of every
 * table but those named plain.
 *
 * A sealed row keeps in plain text only the fields its keys and indexes are made of (programme ids,
 * school NPSNs, dates, team names, a student's row id), so the key ranges the app reads by keep
 * working; the whole row, those fields included, is encrypted with AES-GCM under the vault's data key
 * into `$sealed`, with the table and the row's stored primary key as additional data (a sealed value
 * copied into another row does not open). A key field that is personal (an NIK) is stored as a blind
 * index instead: `~` and the HMAC of the value under the vault's index key, so equality lookups and
 * upserts by NIK work and the NIK is not on disk. Ranges over such a field are refused.
 *
 * Web Crypto is asynchronous and an IndexedDB transaction commits as soon as it has nothing to do, so
 * while rows are encrypted or decrypted the middleware keeps the transaction busy with cheap reads
 * ({@link keepAlive}); encryption runs in Web Crypto's own threads, in parallel over a batch.
 *
 * Rows stored before the laptop had a passphrase have no `$sealed` and are read as they are; setting
 * the passphrase rewrites all of them sealed, in one transaction (see `keyring-store.ts`). Upgrade
 * transactions pass through untouched: a schema upgrade that has to change sealed rows must do it in
 * app code after unlocking.
 */
import { blindIndex, encryptJson, isEncryptedValue } from '@sahaja/core/secure';
import type Dexie from 'dexie';
import type {
  DBCore,
  DBCoreIndex,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { LockedError, vaultKeys } from './vault';

/** Rows opened together (see `unsealAll`). */
const UNSEAL_BATCH = 100;

const TEXT = new TextEncoder();
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Per transaction, the turn of the next write: settled once the write before it was handed down. */
const writeTurns = new WeakMap<DBCoreTransaction, Promise<void>>();

/** Rows whose sealing {@link sealAhead} started: the row as the app gave it → its stored form. */
const sealedAhead = new WeakMap<object, Promise<unknown>>();

/** Per database name and sealed table, how a row of it is sealed (registered by the middleware). */
const sealers = new Map<string, (row: unknown) => Promise<unknown>>();
const sealerKey = (database: string, table: string) => `${database}\u0000${table}`;

/** The property of a sealed row that holds its encrypted content. */
export const SEALED_PROPERTY = '$sealed';

/** Marks a key value that is a blind index (an NIK never starts with it). */
export const BLIND_PREFIX = '~';

/** What the middleware seals. */
export interface SealingOptions {
  /** Tables stored as they are (no personal data: the programme list, the keyring). */
  readonly plainTables: readonly string[];
  /** Per table, the key fields whose values are stored as blind indexes. */
  readonly blindFields: Readonly<Record<string, readonly string[]>>;
}

/** Thrown when a sealed row does not open: changed on disk, moved, or sealed with another key. */
export class DamagedRowError extends Error {
  override readonly name = 'DamagedRowError';
  constructor(table: string) {
    super(
      `Data tabel ${table} rusak atau diubah di luar aplikasi, sehingga tidak dapat dibaca. (A row of ${table} is damaged or was changed outside the app.)`,
    );
  }
}

// Dexie's DBCoreRangeType (a const enum, which this build cannot import as a value).
const RANGE_EQUAL = 1;
const RANGE_RANGE = 2;

/** The middleware to `db.use()`. Level -2: below Dexie's cache (-1, 0), right above IndexedDB. */
export function sealingMiddleware(options: SealingOptions): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SahajaSealing',
    level: -2,
    create: (down) => {
      const tables = new Map<string, DBCoreTable>();
      const sealed = (name: string) => {
        const table = sealedTable(down.table(name), options.blindFields[name] ?? []);
        sealers.set(sealerKey(down.schema.name, name), table.sealNow);
        return table;
      };
      return {
        ...down,
        table: (name) => {
          let table = tables.get(name);
          if (table === undefined) {
            table = down.table(name);
            if (!options.plainTables.includes(name)) table = sealed(name);
            tables.set(name, table);
          }
          return table;
        },
      };
    },
  };
}

/**
 * Starts sealing `rows` of `table` now, before they are written, so that a writer can have the next
 * chunk sealed (in Web Crypto's threads) while IndexedDB stores the one before: when the very same row
 * objects are then written, the middleware takes their sealed form instead of sealing them again. A
 * row must not change between this call and its write. Needs no transaction and the vault open (else
 * the write reports `LockedError`); does nothing for a plain table.
 */
export function sealAhead(db: Dexie, table: string, rows: readonly object[]): void {
  // Opening the table through Dexie's stack makes the middleware's sealer for it.
  db.core.table(table);
  const seal = sealers.get(sealerKey(db.name, table));
  if (seal === undefined) return;
  for (const row of rows) {
    const stored = seal(row);
    // A failure (locked) is reported by the write that takes this row; until then it is not unhandled.
    stored.catch(() => undefined);
    sealedAhead.set(row, stored);
  }
}

function sealedTable(
  down: DBCoreTable,
  blind: readonly string[],
): DBCoreTable & { sealNow: (row: unknown) => Promise<unknown> } {
  const { name, schema } = down;
  const primary = schema.primaryKey;
  const keyPaths = [
    ...new Set(
      [primary, ...schema.indexes].flatMap((index) =>
        index.keyPath === null ? [] : ([] as string[]).concat(index.keyPath),
      ),
    ),
  ];
  const purposeOf = (path: string) => `${name}.${path}`;

  /** `key` of `index` with its blind fields' values replaced by their blind indexes. */
  async function blindKey(index: DBCoreIndex, key: unknown): Promise<unknown> {
    const path = index.keyPath;
    if (blind.length === 0 || path === null) return key;
    if (typeof path === 'string') return blind.includes(path) ? blindValue(path, key) : key;
    if (!Array.isArray(key)) return key;
    return Promise.all(
      key.map((part: unknown, i) => {
        const field = path[i];
        return field !== undefined && blind.includes(field) ? blindValue(field, part) : part;
      }),
    );
  }

  async function blindValue(field: string, value: unknown): Promise<unknown> {
    // Dexie's minKey/maxKey and other non-text bounds stay; an index already made stays.
    if (typeof value !== 'string' || value === '' || value.startsWith(BLIND_PREFIX)) return value;
    if (/^\uffff+$/.test(value)) return value;
    return BLIND_PREFIX + (await blindIndex(vaultKeys().index, purposeOf(field), value));
  }

  async function blindRange(index: DBCoreIndex, range: DBCoreKeyRange): Promise<DBCoreKeyRange> {
    if (blind.length === 0 || index.keyPath === null) return range;
    if (range.type === RANGE_EQUAL) {
      const key = await blindKey(index, range.lower);
      return { ...range, lower: key, upper: key };
    }
    if (range.type !== RANGE_RANGE) return range;
    const paths = ([] as string[]).concat(index.keyPath);
    const lowerParts: unknown[] = Array.isArray(range.lower) ? range.lower : [range.lower];
    const upperParts: unknown[] = Array.isArray(range.upper) ? range.upper : [range.upper];
    paths.forEach((path, i) => {
      if (!blind.includes(path)) return;
      const [lower, upper] = [lowerParts[i], upperParts[i]];
      // Text that is a value, not a bound: '' and '\uffff' (Dexie's maxKey without array keys) are bounds.
      const text = (v: unknown) =>
        typeof v === 'string' && v !== '' && !v.startsWith(BLIND_PREFIX) && !/^\uffff+$/.test(v);
      // A range over a blind index would compare hashes: only one value, or all, can be asked.
      if ((text(lower) || text(upper)) && lower !== upper) {
        throw new RangeError(`${name}.${path} is stored as a blind index: look it up by equality`);
      }
    });
    return {
      ...range,
      lower: await blindKey(index, range.lower),
      upper: await blindKey(index, range.upper),
    };
  }

  /** `row` as it is to be stored: sealed ahead (see {@link sealAhead}), or now. */
  function seal(row: unknown): Promise<unknown> {
    const ahead = typeof row === 'object' && row !== null ? sealedAhead.get(row) : undefined;
    if (ahead === undefined) return sealNow(row);
    sealedAhead.delete(row as object);
    return ahead;
  }

  async function sealNow(row: unknown): Promise<unknown> {
    if (typeof row !== 'object' || row === null) return row;
    const stored: Record<string, unknown> = {};
    for (const path of keyPaths) {
      const value = readPath(row, path);
      if (value === undefined) continue;
      writePath(stored, path, blind.includes(path) ? await blindValue(path, value) : value);
    }
    stored[SEALED_PROPERTY] = await encryptJson(vaultKeys().data, row, aadOf(stored));
    return stored;
  }

  async function unseal(row: unknown): Promise<unknown> {
    if (typeof row !== 'object' || row === null || !(SEALED_PROPERTY in row)) return row;
    const sealed = (row as Record<string, unknown>)[SEALED_PROPERTY];
    if (!isEncryptedValue(sealed)) throw new DamagedRowError(name);
    // Web Crypto directly on the bytes IndexedDB just gave (decryptJson copies them first): a page
    // reading 20,000 rows makes less garbage to collect.
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.iv as Uint8Array<ArrayBuffer>,
          additionalData: TEXT.encode(aadOf(row)),
        },
        vaultKeys().data,
        sealed.data as Uint8Array<ArrayBuffer>,
      );
    } catch (thrown) {
      if (thrown instanceof LockedError) throw thrown;
      throw new DamagedRowError(name);
    }
    return JSON.parse(UTF8.decode(plain)) as unknown;
  }

  /**
   * `rows` opened, a batch at a time: Web Crypto hands many results back in one task, and each is
   * parsed there, so on the page a chunk of 2,000 large rows opened at once was one task over 200 ms.
   */
  async function unsealAll(rows: readonly unknown[]): Promise<unknown[]> {
    const opened: unknown[] = [];
    for (let start = 0; start < rows.length; start += UNSEAL_BATCH) {
      opened.push(...(await Promise.all(rows.slice(start, start + UNSEAL_BATCH).map(unseal))));
    }
    return opened;
  }

  function aadOf(stored: object): string {
    return `${name}\u0000${JSON.stringify(primary.extractKey?.(stored) ?? null)}`;
  }

  const plainKeyOf = (row: unknown) => primary.extractKey?.(row);

  /** `req` as IndexedDB is to get it: values sealed, keys and ranges with blind indexes. */
  async function prepare(req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> {
    switch (req.type) {
      case 'add':
      case 'put':
        return { ...req, values: await Promise.all(req.values.map(seal)) };
      case 'delete':
        return { ...req, keys: await Promise.all(req.keys.map((key) => blindKey(primary, key))) };
      case 'deleteRange':
        return { ...req, range: await blindRange(primary, req.range) };
    }
  }

  return {
    ...down,
    sealNow,
    async mutate(req: DBCoreMutateRequest) {
      if (passesThrough(req.trans)) return down.mutate(req);
      const trans = req.trans;
      // Writes reach IndexedDB in the order they were asked, even when a later one is sealed first.
      const previous = writeTurns.get(trans) ?? Promise.resolve();
      let passTurn = () => {};
      writeTurns.set(trans, new Promise<void>((resolve) => (passTurn = resolve)));
      let request: DBCoreMutateRequest;
      try {
        request = await keepAlive(
          trans,
          name,
          Promise.all([prepare(req), previous]).then(([prepared]) => prepared),
        );
      } catch (thrown) {
        passTurn();
        throw thrown;
      }
      const pending = down.mutate(request);
      passTurn();
      const response = await pending;
      if (blind.length === 0 || (req.type !== 'add' && req.type !== 'put')) return response;
      // The caller gave plain keys and gets them back, not their blind indexes.
      const keys = req.values.map(plainKeyOf);
      const plain: DBCoreMutateResponse = { ...response, lastResult: keys[keys.length - 1] };
      if (response.results) {
        plain.results = response.results.map((key: unknown, i) =>
          key === undefined ? key : keys[i],
        );
      }
      return plain;
    },
    async get(req) {
      if (passesThrough(req.trans)) return down.get(req);
      const key = await keepAlive(req.trans, name, blindKey(primary, req.key));
      const row: unknown = await down.get({ ...req, key });
      return keepAlive(req.trans, name, unseal(row));
    },
    async getMany(req) {
      if (passesThrough(req.trans)) return down.getMany(req);
      const keys = await keepAlive(
        req.trans,
        name,
        Promise.all(req.keys.map((key) => blindKey(primary, key))),
      );
      const rows = await down.getMany({ ...req, keys });
      return keepAlive(req.trans, name, unsealAll(rows));
    },
    async query(req) {
      if (passesThrough(req.trans)) return down.query(req);
      const range = await keepAlive(req.trans, name, blindRange(req.query.index, req.query.range));
      const response = await down.query({ ...req, query: { ...req.query, range } });
      if (!req.values) return response;
      const result = await keepAlive(req.trans, name, unsealAll(response.result));
      return { ...response, result };
    },
    async openCursor(req) {
      if (passesThrough(req.trans)) return down.openCursor(req);
      // A cursor hands its value over synchronously, which Web Crypto cannot: read keys only, or query.
      if (req.values !== false) {
        throw new TypeError(`${name} is sealed: read its rows with a query, not a cursor`);
      }
      const range = await keepAlive(req.trans, name, blindRange(req.query.index, req.query.range));
      return down.openCursor({ ...req, query: { ...req.query, range } });
    },
    async count(req) {
      if (passesThrough(req.trans)) return down.count(req);
      const range = await keepAlive(req.trans, name, blindRange(req.query.index, req.query.range));
      return down.count({ ...req, query: { ...req.query, range } });
    },
  };
}

/** Upgrade transactions run before anyone can unlock: they see and write rows as they are. */
function passesThrough(trans: DBCoreTransaction): boolean {
  return (trans as unknown as Partial<IDBTransaction>).mode === 'versionchange';
}

/**
 * Waits for `work` while keeping transaction `trans` active: IndexedDB commits a transaction with no
 * request pending, so a cheap read of `store` is kept in flight until `work` settles, and the caller
 * resumes inside that read's success event, where the transaction still takes requests.
 */
export function keepAlive<T>(
  trans: DBCoreTransaction,
  store: string,
  work: Promise<T>,
): Promise<T> {
  const idb = trans as unknown as Partial<IDBTransaction>;
  if (typeof idb.objectStore !== 'function') return work;
  let settled: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  void work.then(
    (value) => (settled = { ok: true, value }),
    (error: unknown) => (settled = { ok: false, error }),
  );
  return new Promise<T>((resolve, reject) => {
    const spin = () => {
      if (settled !== null) {
        if (settled.ok) resolve(settled.value);
        else reject(settled.error);
        return;
      }
      let request: IDBRequest;
      try {
        request = (idb as IDBTransaction).objectStore(store).count(KEEP_ALIVE_KEY);
      } catch (error) {
        // The transaction ended (aborted elsewhere): report what the work gives.
        work.then(resolve, reject);
        void error;
        return;
      }
      request.onsuccess = spin;
      request.onerror = () => work.then(resolve, reject);
    };
    spin();
  });
}

/** A key no row has (a number; every stored key is text or an array). */
const KEEP_ALIVE_KEY = -Infinity;

function readPath(row: object, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<
      string,
      unknown
    >;
  }
  node[parts[parts.length - 1] as string] = value;
}
