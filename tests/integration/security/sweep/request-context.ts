// The request a server action or page sees through next/headers, set by the sweep per probe (test-only stand-in).

export const requestContext = { cookies: new Map<string, string>(), headers: new Headers() };

function cookieStore() {
  const jar = requestContext.cookies;
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

export const nextHeadersMock = {
  cookies: async () => cookieStore(),
  headers: async () => requestContext.headers,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => {},
  cacheLife: () => {},
  cacheTag: () => {},
};
