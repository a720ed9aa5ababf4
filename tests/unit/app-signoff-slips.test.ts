import { slipsPdf } from '../../app/services/signoff-pdf';
import { handOverSlips, maskName, slipsFor, takeSlips } from '../../app/services/signoff-slips';

describe('the printed slips of a distribution', () => {
  it('masks a name as the contract does: the first code point, then * for each of the rest', () => {
    // Act
    const masked = ['张', '张三', '张三丰', '欧阳娜娜', 'Anna', '𠀋大'].map(maskName);

    // Assert
    expect(masked).toEqual(['张', '张*', '张**', '欧***', 'A***', '𠀋*']);
  });

  it('hands the codes to the slips page once', () => {
    // Arrange
    const slips = slipsFor([{ name: '张三丰', quantity: 2, village: '石门村' }], [{ recipientId: 'r1', code: 'K7QM-2XPD-RT9' }], '羽绒服', '件');
    handOverSlips({ distributionId: 'D1', dreamId: 'd1', title: '冬衣发放', slips });

    // Act
    const other = takeSlips('D2');
    const first = takeSlips('D1');
    const again = takeSlips('D1');

    // Assert
    expect(other).toBeNull();
    expect(first?.slips).toEqual([
      { recipientId: 'r1', code: 'K7QM-2XPD-RT9', maskedName: '张**', village: '石门村', item: '羽绒服', quantity: 2, unit: '件' },
    ]);
    expect(again).toBeNull();
  });

  it('writes a PDF whose cross-reference table points at every object, six slips a page, Chinese in the predefined CJK font', () => {
    // Arrange
    const slips = Array.from({ length: 7 }, (_, i) => ({
      recipientId: `r${i}`,
      code: 'K7QM-2XPD-RT9',
      maskedName: '张**',
      village: '',
      item: '羽绒服',
      quantity: 1,
      unit: '件',
    }));

    // Act
    const pdf = slipsPdf('冬衣发放', slips);

    // Assert
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf).toContain('/Count 2');
    expect(pdf).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(pdf).toContain('<5F20002A002A>'); // 张**
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = pdf
      .slice(xrefAt)
      .split('\n')
      .filter((line) => / 00000 n $/.test(line))
      .map((line) => Number(line.slice(0, 10)));
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    for (const match of pdf.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = match.index! + match[0].length;
      expect(pdf.slice(start + Number(match[1]), start + Number(match[1]) + 9)).toBe('endstream');
    }
  });
});
