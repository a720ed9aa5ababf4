import { BoundedMap, BoundedSet } from '../../functions/shared/bounded-map';

describe('bounded caches', () => {
  it('keeps the newest entries and tells what it dropped', () => {
    const dropped: [string, number][] = [];
    const map = new BoundedMap<string, number>(2, (key, value) => dropped.push([key, value]));
    map.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...map.entries()]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
    expect(dropped).toEqual([['b', 2]]);
  });

  it('never holds more than its bound', () => {
    const set = new BoundedSet<number>(100);
    for (let i = 0; i < 10_000; i++) set.add(i);
    expect(set.size).toBe(100);
    expect(set.has(9_999)).toBe(true);
    expect(set.has(0)).toBe(false);
  });
});
