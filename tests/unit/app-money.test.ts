import { formatMoney, formatYuan } from '../../app/utils/format';

describe('money as a person reads it', () => {
  it('separates thousands', () => {
    // Arrange
    const fen = [100_000, 123_456_789, 99_900];

    // Act
    const shown = fen.map(formatMoney);

    // Assert
    expect(shown).toEqual(['¥1,000.00', '¥1,234,567.89', '¥999.00']);
  });

  it('puts the minus sign before the currency', () => {
    // Arrange
    const fen = [-3_000, -150_000, -5];

    // Act
    const shown = fen.map(formatMoney);

    // Assert
    expect(shown).toEqual(['-¥30.00', '-¥1,500.00', '-¥0.05']);
  });

  it('shows zero without a sign', () => {
    // Arrange / Act
    const shown = [formatMoney(0), formatMoney(-0)];

    // Assert
    expect(shown).toEqual(['¥0.00', '¥0.00']);
  });

  it('keeps the plain amount for amount boxes', () => {
    // Arrange / Act
    const plain = formatYuan(100_000);

    // Assert: what a person types back into a box, so no separator
    expect(plain).toBe('1000.00');
  });
});
