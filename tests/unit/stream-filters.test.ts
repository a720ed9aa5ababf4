import { matchesFilters } from '../../scripts/lib/stream-filters';

/** A record as Lambda filters it: the wire form of the new image's attributes. */
const record = (newImage: Record<string, unknown>) => ({ eventName: 'MODIFY', dynamodb: { NewImage: newImage } });
const typed = (type: string) => ({ type: { S: type } });

describe('Lambda’s event filtering, the subset serverless.yml uses', () => {
  it('lets every record through when there are no patterns', () => {
    expect(matchesFilters(record(typed('ANY')), [])).toBe(true);
  });

  it('matches an equality list on a nested field, any one value of it', () => {
    // Arrange
    const patterns = [{ dynamodb: { NewImage: { type: { S: ['DREAM', 'LETTER'] } } } }];

    // Act
    const matched = ['DREAM', 'LETTER', 'UPLOAD'].map((type) => matchesFilters(record(typed(type)), patterns));

    // Assert
    expect(matched).toEqual([true, true, false]);
  });

  it('needs every field of one pattern, and any one of the patterns', () => {
    // Arrange
    const insertedDonor = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['DREAM_DONOR'] } } } };
    const modifiedUpload = { eventName: ['MODIFY'], dynamodb: { NewImage: { type: { S: ['UPLOAD'] } } } };

    // Act
    const donorModified = matchesFilters(record(typed('DREAM_DONOR')), [insertedDonor]);
    const uploadModified = matchesFilters(record(typed('UPLOAD')), [insertedDonor, modifiedUpload]);

    // Assert
    expect(donorModified).toBe(false);
    expect(uploadModified).toBe(true);
  });

  it('knows prefix, exists and anything-but', () => {
    const donor = record(typed('DREAM_DONOR'));
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { type: { S: [{ prefix: 'DREAM' }] } } } }])).toBe(true);
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { type: { S: [{ prefix: 'LETTER' }] } } } }])).toBe(false);
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { gone: [{ exists: false }] } } }])).toBe(true);
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { type: [{ exists: true }] } } }])).toBe(true);
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { type: { S: [{ 'anything-but': ['DREAM_DONOR'] }] } } } }])).toBe(false);
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { type: { S: [{ 'anything-but': 'LETTER' }] } } } }])).toBe(true);
    // anything-but never matches a field that is not there.
    expect(matchesFilters(donor, [{ dynamodb: { NewImage: { gone: { S: [{ 'anything-but': ['X'] }] } } } }])).toBe(false);
  });

  it('refuses a rule it does not know, and a rule that is neither a list nor an object', () => {
    const donor = record(typed('DREAM_DONOR'));
    expect(() => matchesFilters(donor, [{ dynamodb: { NewImage: { type: { S: [{ numeric: ['>', 1] }] } } } }])).toThrow('unsupported rule numeric');
    expect(() => matchesFilters(donor, [{ eventName: 'MODIFY' }])).toThrow('eventName must be an array or an object');
  });
});
