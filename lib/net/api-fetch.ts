type PatchedFetch = typeof fetch & { _nextOriginalFetch?: typeof fetch };

/**
 * `fetch` for calls to other services' APIs (the model, a channel's API): the runtime's own, not the wrapper Next.js
 * puts around the global one to cache and trace what pages fetch. These calls are never cached, and the wrapper cost
 * the reply pipeline about a millisecond of the one JavaScript thread per answer (bench:assistant's CPU profile).
 * Read at each call, so whatever `fetch` is installed then (a test's, the runtime's) is the one used.
 */
export const apiFetch: typeof fetch = (input, init) => {
  const global = globalThis.fetch as PatchedFetch;
  return (global._nextOriginalFetch ?? global)(input, init);
};
