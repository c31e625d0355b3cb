/**
 * Models kept in the browser (IndexedDB) under a name: the tfjs artifacts (topology, weight specs,
 * weight bytes, exactly as model.save hands them over) plus the app's ModelInfo. Summaries and the
 * heavy records live in separate object stores, so listing never loads weights.
 * The IDBFactory is passed in: the browser's `indexedDB`, or fake-indexeddb in Node tests.
 */
import type { ModelBundle, ModelInfo } from '../types';
import { artifactsToModel, modelToArtifacts, type FlatArtifacts } from '../formats/artifacts';
import { done, openDatabase, request } from './idb';
import { modelsStore } from '../../i18n/messages/models-store';

export const DB_NAME = 'layer-lens-models';
const DB_VERSION = 1;
const SUMMARIES = 'summaries';
const RECORDS = 'records';
const MAX_NAME = 120;

export interface SavedModelSummary {
  id: string;
  name: string;
  /** ISO 8601 time of the last save or rename. */
  savedAt: string;
  /** ModelInfo.title at save time. */
  title: string;
  layerCount: number;
  paramCount: number;
}

interface SavedModelRecord {
  id: string;
  artifacts: FlatArtifacts;
  info: ModelInfo;
}

/** A storage problem, worded for the user. */
export class ModelStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelStoreError';
  }
}

function checkName(name: string): string {
  const n = name.trim();
  if (!n) throw new ModelStoreError(modelsStore.noName);
  if (n.length > MAX_NAME) throw new ModelStoreError(modelsStore.nameTooLong(MAX_NAME));
  return n;
}

function explain(err: unknown): Error {
  if (err instanceof ModelStoreError) return err;
  const name = err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException) ? (err as Error).name : '';
  if (name === 'QuotaExceededError') return new ModelStoreError(modelsStore.quota);
  const msg = err instanceof Error ? err.message : String(err);
  return new ModelStoreError(modelsStore.failed(msg));
}

export class ModelStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory = globalThis.indexedDB, dbName = DB_NAME): Promise<ModelStore> {
    if (!factory) throw new ModelStoreError(modelsStore.noStorage);
    try {
      const db = await openDatabase(factory, dbName, DB_VERSION, (d) => {
        if (!d.objectStoreNames.contains(SUMMARIES)) d.createObjectStore(SUMMARIES, { keyPath: 'id' });
        if (!d.objectStoreNames.contains(RECORDS)) d.createObjectStore(RECORDS, { keyPath: 'id' });
      });
      return new ModelStore(db);
    } catch (err) {
      throw explain(err);
    }
  }

  /** Saved models, most recently saved first. */
  async list(): Promise<SavedModelSummary[]> {
    try {
      const tx = this.db.transaction(SUMMARIES, 'readonly');
      const all = await request(tx.objectStore(SUMMARIES).getAll() as IDBRequest<SavedModelSummary[]>);
      return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    } catch (err) {
      throw explain(err);
    }
  }

  async save(name: string, bundle: ModelBundle, now = new Date()): Promise<SavedModelSummary> {
    const clean = checkName(name);
    const artifacts = await modelToArtifacts(bundle.model);
    const summary: SavedModelSummary = {
      id: globalThis.crypto.randomUUID(),
      name: clean,
      savedAt: now.toISOString(),
      title: bundle.info.title,
      layerCount: bundle.model.layers.length,
      paramCount: bundle.model.countParams(),
    };
    const record: SavedModelRecord = { id: summary.id, artifacts, info: structuredClone(bundle.info) };
    try {
      const tx = this.db.transaction([SUMMARIES, RECORDS], 'readwrite');
      tx.objectStore(RECORDS).put(record);
      tx.objectStore(SUMMARIES).put(summary);
      await done(tx);
    } catch (err) {
      throw explain(err);
    }
    return summary;
  }

  /** Rebuilds a saved model with its info. */
  async load(id: string): Promise<ModelBundle> {
    let record: SavedModelRecord | undefined;
    try {
      const tx = this.db.transaction(RECORDS, 'readonly');
      record = await request(tx.objectStore(RECORDS).get(id) as IDBRequest<SavedModelRecord | undefined>);
    } catch (err) {
      throw explain(err);
    }
    if (!record) throw new ModelStoreError(modelsStore.goneElsewhere);
    const model = await artifactsToModel(record.artifacts);
    return { model, info: record.info };
  }

  async rename(id: string, name: string, now = new Date()): Promise<SavedModelSummary> {
    const clean = checkName(name);
    try {
      const tx = this.db.transaction(SUMMARIES, 'readwrite');
      const store = tx.objectStore(SUMMARIES);
      const current = await request(store.get(id) as IDBRequest<SavedModelSummary | undefined>);
      if (!current) throw new ModelStoreError(modelsStore.gone);
      const next = { ...current, name: clean, savedAt: now.toISOString() };
      store.put(next);
      await done(tx);
      return next;
    } catch (err) {
      throw explain(err);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      const tx = this.db.transaction([SUMMARIES, RECORDS], 'readwrite');
      tx.objectStore(SUMMARIES).delete(id);
      tx.objectStore(RECORDS).delete(id);
      await done(tx);
    } catch (err) {
      throw explain(err);
    }
  }

  close(): void {
    this.db.close();
  }
}
