import { draftProblems, draftTotals, sentStatement, type StatementDraft } from '../../app/components/statement-editor/draft';
import { reconcileStatement } from '../../functions/domain/letter';

const draft = (lines: { kind: 'income' | 'spend'; amount: string; description?: string }[]): StatementDraft => ({
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  lines: lines.map((line, index) => ({ key: index + 1, description: line.description ?? '书架', amount: line.amount, kind: line.kind })),
});

describe('the letter composer’s statement figures (the contract’s statement rule)', () => {
  it('opens the first letter with the dream’s matched money, a later one with the last closing balance', () => {
    // Arrange
    const lines = draft([
      { kind: 'spend', amount: '8' },
      { kind: 'income', amount: '5' },
    ]);

    // Act
    const first = draftTotals(lines, null, 1_000);
    const later = draftTotals(lines, 0, 1_000);

    // Assert
    expect(first).toEqual({ openingFen: 1_000, incomeFen: 500, spendFen: 800, closingFen: 700 });
    expect(later).toEqual({ openingFen: 0, incomeFen: 500, spendFen: 800, closingFen: -300 });
  });

  it('counts an amount not yet readable as yuan as nothing, and says so before sending', () => {
    // Arrange
    const typing = draft([
      { kind: 'spend', amount: '8.' },
      { kind: 'spend', amount: '2.50' },
    ]);

    // Act
    const totals = draftTotals(typing, null, 1_000);

    // Assert
    expect(totals.closingFen).toBe(750);
    expect(draftProblems(typing, totals)).toEqual(['每一笔收支都要写明用途和金额（元）']);
  });

  it('sends figures the server reconciles as they are', () => {
    // Arrange
    const lines = draft([
      { kind: 'spend', amount: '8', description: '书架两组' },
      { kind: 'income', amount: '5', description: '企业追加' },
    ]);
    const previous = { letterId: 'L1', periodEnd: '2026-09-30', closingFen: 1_000, sinceStartIncomeFen: 0, sinceStartSpendFen: 0 };
    const totals = draftTotals(lines, previous.closingFen, 99_999);

    // Act
    const sent = sentStatement(lines, totals);
    const figures = reconcileStatement(sent, previous, 99_999);

    // Assert
    expect(draftProblems(lines, totals)).toEqual([]);
    expect(figures).toMatchObject({ openingFen: sent.openingFen, closingFen: sent.closingFen, incomeFen: 500, spendFen: 800 });
  });
});
