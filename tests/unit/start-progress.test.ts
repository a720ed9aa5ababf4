import { progressReporter } from '../../scripts/lib/start-progress';

describe('npm start reports each step', () => {
  it('prints a line when a step begins and one with its duration when it ends', async () => {
    // Arrange
    const lines: string[] = [];
    const clock = [1_000, 3_200];
    const step = progressReporter(
      (line) => lines.push(line),
      () => clock.shift()!,
    );

    // Act
    const result = await step('Starting DynamoDB Local', 'DynamoDB Local ready', async () => 'ok');

    // Assert
    expect(result).toBe('ok');
    expect(lines).toEqual(['▶ Starting DynamoDB Local…', '✓ DynamoDB Local ready (2.2 s)']);
  });
});
