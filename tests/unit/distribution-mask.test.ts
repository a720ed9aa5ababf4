import { maskName } from '../../functions/domain/name-mask';

describe('masking a recipient’s name for the public', () => {
  it.each([
    ['张', '张'],
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['Alice', 'A****'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('counts code points, so a character outside the BMP is kept whole or starred once', () => {
    // 𠮷 (U+20BB7) and 😀 are surrogate pairs in UTF-16.
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('😀小明')).toBe('😀**');
    expect(maskName('小😀')).toBe('小*');
    expect(Array.from(maskName('李𠮷𠮷'))).toHaveLength(3);
  });
});
