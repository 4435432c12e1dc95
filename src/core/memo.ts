// A bounded memo for answers that depend on a key name only: files repeat their keys and several
// rules ask about every pair, on every keystroke. Long keys are computed, not kept, and the table
// is emptied when full, so a file of unique keys cannot grow it without bound.
export function keyMemo<V>(compute: (key: string) => V, maxKeyLength = 200, maxEntries = 4096): (key: string) => V {
  const table = new Map<string, V>();
  return (key) => {
    let value = table.get(key);
    if (value === undefined && !table.has(key)) {
      value = compute(key);
      if (key.length <= maxKeyLength) {
        if (table.size >= maxEntries) table.clear();
        table.set(key, value);
      }
    }
    return value as V;
  };
}
