// A bounded memo for answers that depend on a key name only: files repeat their keys and several
// rules ask about every pair, on every keystroke. Long keys are computed, not kept, and the table
// is emptied when full, so a file of unique keys cannot grow it without bound.
export function keyMemo<V>(compute: (key: string) => V, maxKeyLength = 200, maxEntries = 4096): (key: string) => V {
  const table = new Map<string, V>();
  // Several rules ask about the same key one after another: the last answer is checked first.
  let lastKey: string | undefined;
  let lastValue: V;
  return (key) => {
    if (key === lastKey) return lastValue;
    let value = table.get(key);
    if (value === undefined && !table.has(key)) {
      value = compute(key);
      if (key.length <= maxKeyLength) {
        if (table.size >= maxEntries) table.clear();
        table.set(key, value);
      }
    }
    lastKey = key;
    lastValue = value as V;
    return value as V;
  };
}
