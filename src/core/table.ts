// Lookup tables keyed by words read from the analysed files (keys, program names, scopes, verbs).
// An object literal also answers for the names of Object.prototype: `TABLE['constructor']` is a
// function, so a Compose service with `constructor: host` was reported as sharing "function
// Object() { [native code] }". A table made here has no prototype: only its own entries answer.
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
