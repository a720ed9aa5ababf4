/**
 * Why `npm start` will not go on, as the one line a person reads: the start script prints its
 * message alone (no stack), since nothing in the code is wrong, only the machine's state.
 */
export class StartRefused extends Error {
  constructor(line: string) {
    super(line);
    this.name = 'StartRefused';
  }
}
