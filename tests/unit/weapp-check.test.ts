/** scripts/check-weapp.ts: every failed finding of WeChat's code-quality check is printed and fails it. */
import { failedFindings } from '../../scripts/check-weapp';

describe('failedFindings', () => {
  it('keeps only the failed checks, each with its name, words and link', () => {
    // Arrange
    const results = [
      { name: 'PACKAGE_SIZE_LIMIT', success: true, text: 'Main package size should be less than 1.5 M' },
      { name: 'LAZYCODE_LOADING_OPEN', success: false, text: 'LazyCodeLoading is not turned on', docURL: 'https://example.test/lazy' },
      { name: 'JS_COMPRESS_OPEN', success: false, text: 'JS compression is not turned on' },
    ];

    // Act
    const failed = failedFindings(results);

    // Assert
    expect(failed).toEqual([
      'LAZYCODE_LOADING_OPEN: LazyCodeLoading is not turned on (https://example.test/lazy)',
      'JS_COMPRESS_OPEN: JS compression is not turned on',
    ]);
  });

  it('finds nothing when every check passed', () => {
    // Arrange
    const results = [{ name: 'PACKAGE_SIZE_LIMIT', success: true }];

    // Act
    const failed = failedFindings(results);

    // Assert
    expect(failed).toEqual([]);
  });
});
