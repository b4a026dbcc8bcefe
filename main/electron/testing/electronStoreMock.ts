/** Test support: an in-memory stand-in for electron-store (which needs a real Electron app). */
export default class MemoryStore<T extends Record<string, unknown>> {
  static data = new Map<string, unknown>();
  constructor(readonly options: { name?: string } = {}) {}
  get<K extends keyof T & string>(key: K): T[K] | undefined {
    return MemoryStore.data.get(key) as T[K] | undefined;
  }
  set<K extends keyof T & string>(key: K, value: T[K]): void {
    MemoryStore.data.set(key, value);
  }
}
