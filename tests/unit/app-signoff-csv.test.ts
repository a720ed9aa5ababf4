import { checkRows, parseRecipientsCsv, problemText, serverProblems } from '../../app/services/signoff-csv';

describe('the recipients CSV of a distribution, read on the phone', () => {
  it('reads Chinese headers in any order, a BOM, quoted fields with commas, quotes and line breaks, and skips blank lines', () => {
    // Arrange
    const csv = '\uFEFF村,姓名,数量\r\n石门村,张三丰,2\r\n\r\n"李家湾,二组","王""小""二",1\n"上\n寨",赵六,3\n';

    // Act
    const parsed = parseRecipientsCsv(csv);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.recipients).toEqual([
      { name: '张三丰', quantity: 2, village: '石门村' },
      { name: '王"小"二', quantity: 1, village: '李家湾,二组' },
      { name: '赵六', quantity: 3, village: '上\n寨' },
    ]);
    expect(parsed.lines).toEqual([2, 4, 5]);
  });

  it('names each bad row by the row a person sees in the sheet (the header is row 1)', () => {
    // Arrange
    const csv = '姓名,数量,村\n张三,1,\n李四,0,\n,2,\n王五,1001,\n赵六,1.5,\n孙七,2,' + '村'.repeat(41);

    // Act
    const parsed = parseRecipientsCsv(csv);

    // Assert
    expect(parsed.recipients).toEqual([{ name: '张三', quantity: 1 }]);
    expect(parsed.problems.map(problemText)).toEqual([
      '第 3 行：数量应为 1–1000',
      '第 4 行：姓名应为 1–20 个字',
      '第 5 行：数量应为 1–1000',
      '第 6 行：数量应为 1–1000',
      '第 7 行：村名最多 40 个字',
    ]);
  });

  it('reads a sheet without a header as name, quantity, village', () => {
    // Act
    const parsed = parseRecipientsCsv('张三,2,石门村\n李四，1');

    // Assert
    expect(parsed.recipients).toEqual([
      { name: '张三', quantity: 2, village: '石门村' },
      { name: '李四', quantity: 1 },
    ]);
  });

  it('takes 5,000 rows and refuses 5,001 as a whole', () => {
    // Arrange
    const rows = (n: number) => ['姓名,数量', ...Array.from({ length: n }, (_, i) => `领取人${i},1`)].join('\n');

    // Act
    const fits = parseRecipientsCsv(rows(5_000));
    const tooMany = parseRecipientsCsv(rows(5_001));

    // Assert
    expect(fits.problems).toEqual([]);
    expect(fits.recipients).toHaveLength(5_000);
    expect(tooMany.recipients).toEqual([]);
    expect(tooMany.problems.map(problemText)).toEqual(['一次最多 5000 位领取人，现在有 5001 行，请分成几次发放']);
  });

  it('asks for a name and a quantity column when the header names neither', () => {
    // Act
    const parsed = parseRecipientsCsv('姓名,村\n张三,石门村');

    // Assert
    expect(parsed.problems.map(problemText)).toEqual(['第 1 行：表头需要有「姓名」和「数量」两列']);
  });

  it('tells the server’s row complaints on the row the recipient came from', () => {
    // Arrange: the form's rows 1 and 3 were sent (row 2 was fine too); the server refused recipient 1.
    const sent = checkRows([
      { line: 1, name: '张三', quantity: '1', village: '' },
      { line: 3, name: '李四', quantity: '2', village: '' },
    ]);
    const details = [{ in: 'body', path: ['recipients', 1, 'name'], message: '含有不允许的字符' }];

    // Act
    const problems = serverProblems(details, sent.lines);

    // Assert
    expect(problems.map(problemText)).toEqual(['第 3 行：姓名：含有不允许的字符']);
  });
});
