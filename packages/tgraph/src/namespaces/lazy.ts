// An api module loaded on first use. The namespaces reach their api modules only through
// `import()`, so a bundler gives each its own chunk: a browser app loads `createClient` and the
// transport first, and a namespace's code when it first calls it. Once loaded, calls go straight
// to the module (no extra await per call); a failed load is tried again on the next call.

export interface LazyModule<M> {
  /** Runs `f` with the module: at once when it is loaded, else after loading it. */
  use<R>(f: (module: M) => R): R;
}

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  const get = () => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    use<R>(f: (module: M) => R): R {
      // Every namespace function returns a promise, so the deferred form has the same type.
      return loaded !== undefined ? f(loaded) : (get().then(f) as R);
    },
  };
}
