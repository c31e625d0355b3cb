/**
 * The models kept in this browser (IndexedDB), for the library panel: list, save, open, rename,
 * delete. Failures become a message for the panel, never an exception in a component.
 */
import type { ModelStore, SavedModelSummary } from '../../models/store/model-store';
import { loadModelStore } from '../lazy/formats';
import type { ModelBundle } from '../../models/types';
import { appState as t } from '../../i18n/messages/app-state';

export class LibraryState {
  models = $state.raw<SavedModelSummary[]>([]);
  /** Why the library cannot be used (no IndexedDB, e.g. in a private window), or the last failure. */
  error = $state<string | null>(null);
  available = $state(false);
  #store: ModelStore | null = null;

  async init(factory?: IDBFactory): Promise<void> {
    const idb = factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    if (!idb) {
      this.error = t.noStorage;
      return;
    }
    await this.#run(async () => {
      const { ModelStore } = await loadModelStore();
      this.#store = await ModelStore.open(idb);
      this.available = true;
      this.models = await this.#store.list();
    });
  }

  save(name: string, bundle: ModelBundle): Promise<void> {
    return this.#run(async (store) => {
      await store.save(name, bundle);
      this.models = await store.list();
    });
  }

  /** The saved model, or null (with the reason in `error`) when it cannot be read. */
  async load(id: string): Promise<ModelBundle | null> {
    let bundle: ModelBundle | null = null;
    await this.#run(async (store) => {
      bundle = await store.load(id);
    });
    return bundle;
  }

  rename(id: string, name: string): Promise<void> {
    return this.#run(async (store) => {
      await store.rename(id, name);
      this.models = await store.list();
    });
  }

  delete(id: string): Promise<void> {
    return this.#run(async (store) => {
      await store.delete(id);
      this.models = await store.list();
    });
  }

  async #run(job: (store: ModelStore) => Promise<void>): Promise<void> {
    try {
      this.error = null;
      await job(this.#store as ModelStore);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
