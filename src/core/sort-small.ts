// A stable in-place sort for the coder's short per-statement lists (rules triggered, hits,
// mentions, frames: usually under a dozen items). Array.prototype.sort with a comparator
// allocates scratch space on every call; on the classify benchmark those calls were a tenth of
// everything the coder allocated. Insertion sort allocates nothing and is the faster one at
// these sizes; longer lists go to the built-in sort. Both are stable, so the order is the same.
const INSERTION_LIMIT = 24;

/** Sorts `items[0, length)` (the whole list by default) in place; returns `items`. */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number, length = items.length): T[] {
  if (length > INSERTION_LIMIT) {
    if (length === items.length) return items.sort(compare);
    const sorted = items.slice(0, length).sort(compare);
    for (let i = 0; i < length; i++) items[i] = sorted[i] as T;
    return items;
  }
  for (let i = 1; i < length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
