import { isLeftoverOfThisData } from '../../scripts/lib/leftover-dynamodb';
import { portRefusal } from '../../scripts/lib/port-check';

const DATA = '/srv/lrf/.data';
const commandLine = (port: number, dbPath: string) => ['java', '-jar', 'DynamoDBLocal.jar', '-dbPath', dbPath, '-port', String(port), '-sharedDb'].join('\0');
const files = (entries: Record<string, string>) => (path: string) => {
  if (!(path in entries)) throw new Error(`ENOENT ${path}`);
  return entries[path];
};

describe('a DynamoDB Local left behind by an earlier start on the same data', () => {
  it('is recognised by its pid file, its data folder and its port, and does not stop the start', () => {
    // Arrange
    const read = files({ [`${DATA}/dynamodb.pid`]: '4242', '/proc/4242/cmdline': commandLine(8765, `${DATA}/dynamodb`) });

    // Act
    const leftover = isLeftoverOfThisData(DATA, 8765, read);

    // Assert
    expect(leftover).toBe(true);
    expect(portRefusal({ name: 'DynamoDB Local', port: 8765, variable: 'DYNAMODB_PORT', leftoverOfThisData: leftover }, { kind: 'dynamodb-local' })).toBeNull();
  });

  it.each([
    ['no pid file', {}],
    ['a pid that is gone', { [`${DATA}/dynamodb.pid`]: '4242' }],
    ['another data folder', { [`${DATA}/dynamodb.pid`]: '4242', '/proc/4242/cmdline': commandLine(8765, '/elsewhere/dynamodb') }],
    ['another port', { [`${DATA}/dynamodb.pid`]: '4242', '/proc/4242/cmdline': commandLine(8000, `${DATA}/dynamodb`) }],
  ])('is not assumed with %s, so the port is refused', (_name, entries) => {
    // Act
    const leftover = isLeftoverOfThisData(DATA, 8765, files(entries));

    // Assert
    expect(leftover).toBe(false);
    expect(portRefusal({ name: 'DynamoDB Local', port: 8765, variable: 'DYNAMODB_PORT', leftoverOfThisData: leftover }, { kind: 'dynamodb-local' })).toContain(
      'DYNAMODB_PORT',
    );
  });
});
