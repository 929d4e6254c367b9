import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client';

// One transaction around a whole request, without changing a service (decision 018). Services
// reach the database through `ctx.db` and open their own transactions with
// `ctx.db.transaction(…)`. Inside `inRequestTransaction`, `ctx.db` is that request's transaction,
// so every query of the request joins it and a service's own transaction becomes a savepoint in it.
// Outside, `ctx.db` is the database as before.

const current = new AsyncLocalStorage<Db>();

/** The database handle for the AppContext: the request's transaction while one is open, else `root`. */
export function requestScopedDb(root: Db): Db {
  return new Proxy(root, {
    get(target, property) {
      const db = current.getStore() ?? target;
      const value: unknown = Reflect.get(db, property, db);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(db) : value;
    },
  });
}

/** Runs `work` in one transaction of `root`; every `ctx.db` call made by `work` joins it. */
export function inRequestTransaction<T>(root: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // `transaction` of the handle itself: a nested call (none today) would become a savepoint.
  return (current.getStore() ?? root).transaction((tx) => current.run(tx, () => work(tx)));
}

/** True while the calling code runs inside a request's transaction (its statements share one
 * connection, and a transaction it opens is a savepoint). */
export function isInRequestTransaction(): boolean {
  return current.getStore() !== undefined;
}
