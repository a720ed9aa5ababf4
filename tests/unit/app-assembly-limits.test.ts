import { EXTRA_FIELDS } from '../../app/services/assembly-limits';
import { POLL_FIELDS } from '../../functions/contract/polls';
import { PROMISE_FIELDS } from '../../functions/contract/promises';

// The app keeps its own copy of these limits (the contract modules carry zod, which the phone leaves out).
describe('the app’s limits of promises and polls', () => {
  it('are the contract’s', () => {
    // Arrange
    const contract = [PROMISE_FIELDS.text, POLL_FIELDS.question, POLL_FIELDS.option, POLL_FIELDS.optionsMin, POLL_FIELDS.optionsMax];
    const lengths = (field: { min: number; max: number }) => [field.min, field.max];

    // Act
    const app = [EXTRA_FIELDS.promiseText, EXTRA_FIELDS.pollQuestion, EXTRA_FIELDS.pollOption, EXTRA_FIELDS.pollOptionsMin, EXTRA_FIELDS.pollOptionsMax];

    // Assert
    expect(app.map((f) => (typeof f === 'number' ? f : lengths(f)))).toEqual(contract.map((f) => (typeof f === 'number' ? f : lengths(f))));
  });
});
