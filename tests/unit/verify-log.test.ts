import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { toBase64, utf8 } from '../../functions/domain/log-encoding';
import { formatVerifierKey, noteKey, cosign, SIGNATURE_COSIGNATURE, signCheckpoint } from '../../functions/domain/log-note';
import { ed25519FromSeed } from '../../functions/adapters/crypto/log-crypto';
import type { PublicFigures } from '../../scripts/lib/verify-log/log-source';
import { verifyLog, type VerifyDeps } from '../../scripts/lib/verify-log/verify';
import { pendingGifts, testSigner } from '../support/log-fixtures';
import { entriesOf, servedLog } from '../support/log-served';

const { sha256, verify } = nodeLogCrypto;

/** What the API shows when it agrees with the first `count` gifts of pendingGifts. */
function flowersOf(count: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (let n = 0; n < count; n++) totals.set(`dream-${n % 5}`, (totals.get(`dream-${n % 5}`) ?? 0) + 1 + (n % 9));
  return totals;
}

function figures(dreams: Map<string, number>, stores = new Map<string, number>()): PublicFigures {
  return { dreamFlowers: async (id) => dreams.get(id) ?? null, storeMeals: async () => stores };
}

async function run(overrides: Partial<VerifyDeps> & Pick<VerifyDeps, 'source'>) {
  return verifyLog({ sha256, verify, figures: figures(flowersOf(600)), witnessKeys: [], seen: null, settle: async () => {}, ...overrides });
}

describe('npm run verify-log: checking a served log', () => {
  it('finds nothing in an honest log and sums it up', async () => {
    // Arrange: 600 gifts (three bundles, two level-1 hashes)
    const log = await servedLog(entriesOf(pendingGifts(600)));
    // Act
    const report = await run({ source: log.source });
    // Assert
    expect(report.findings).toEqual([]);
    expect(report.summary).toContain('600 entries verified');
    expect(report.checkpoint).toMatchObject({ size: 600, root: toBase64(log.root) });
  });

  it('finds a tampered bundle: its entries no longer hash to the level-0 tile', async () => {
    // Arrange: one entry of the second bundle rewritten with the same length (more flowers)
    const log = await servedLog(entriesOf(pendingGifts(600)));
    const bundle = log.tiles.files.get('tile/entries/001')!;
    const text = Buffer.from(bundle).toString('latin1').replace('"flowers":1', '"flowers":9');
    log.tiles.files.set('tile/entries/001', new Uint8Array(Buffer.from(text, 'latin1')));
    // Act
    const report = await run({ source: log.source });
    // Assert
    expect(report.findings).toContainEqual(expect.stringMatching(/^tile\/0\/001: hash \d+ is not what its bundle give/));
    expect(report.checkpoint).toBeNull();
  });

  it('finds a tampered hash tile: it no longer matches its bundle nor the tile above', async () => {
    // Arrange
    const log = await servedLog(entriesOf(pendingGifts(600)));
    const tile = new Uint8Array(log.tiles.files.get('tile/0/000')!);
    tile[5] ^= 1;
    log.tiles.files.set('tile/0/000', tile);
    // Act
    const report = await run({ source: log.source });
    // Assert
    expect(report.findings).toEqual(
      expect.arrayContaining(['tile/0/000: hash 0 is not what its bundle give', 'tile/1/000.p/2: hash 0 is not what the tiles below give']),
    );
  });

  it('finds a forged root: a signed checkpoint the tiles do not give', async () => {
    // Arrange: the log's own key signs a root of another tree
    const signer = testSigner();
    const log = await servedLog(entriesOf(pendingGifts(600)));
    log.note = signCheckpoint(signer.key, signer.sign, { origin: signer.key.name, size: 600, root: sha256(utf8('forged')) });
    // Act
    const report = await run({ source: log.source });
    // Assert
    expect(report.findings).toEqual([expect.stringMatching(/^root: the tiles give .*, the checkpoint signs /)]);
  });

  it('finds a checkpoint not signed by the log key it serves', async () => {
    // Arrange: served key is the test key; the note is signed by another
    const other = testSigner('test.example/log', 9);
    const log = await servedLog(entriesOf(pendingGifts(10)));
    const forged = await servedLog(entriesOf(pendingGifts(10)), other);
    log.note = forged.note;
    // Act
    const report = await run({ source: log.source, figures: figures(flowersOf(10)) });
    // Assert
    expect(report.findings).toEqual(['checkpoint: unsigned']);
  });

  it('finds a rewritten history: the new tree does not extend the one seen before', async () => {
    // Arrange: a first run remembers 300 gifts; the log then serves 600 with its first ones changed
    const before = await servedLog(entriesOf(pendingGifts(300)));
    const seen = (await run({ source: before.source, figures: figures(flowersOf(300)) })).checkpoint!;
    const rewritten = await servedLog(entriesOf(pendingGifts(600, 'other')));
    // Act
    const report = await run({ source: rewritten.source, seen });
    // Assert
    expect(report.findings).toEqual(['consistency: the tree of 600 does not extend the one of 300 seen before (history rewritten)']);
  });

  it('accepts a grown log consistent with the one seen before, and finds one that shrank', async () => {
    // Arrange
    const small = await servedLog(entriesOf(pendingGifts(300)));
    const seen = (await run({ source: small.source, figures: figures(flowersOf(300)) })).checkpoint!;
    const grown = await servedLog(entriesOf(pendingGifts(600)));
    // Act
    const grownReport = await run({ source: grown.source, seen });
    const shrunkReport = await run({ source: small.source, figures: figures(flowersOf(300)), seen: grownReport.checkpoint });
    // Assert
    expect(grownReport.findings).toEqual([]);
    expect(shrunkReport.findings).toEqual(['consistency: the log shrank from 600 to 300 entries']);
  });

  it('finds an entry that carries a personal field beside its commitment', async () => {
    // Arrange
    const [gift] = pendingGifts(1);
    const leaky = { ...gift, entry: (donor: string | null) => ({ ...gift.entry(donor), phone: '13800000000' }) as never };
    const log = await servedLog(entriesOf([leaky]));
    // Act
    const report = await run({ source: log.source, figures: figures(flowersOf(1)) });
    // Assert
    expect(report.findings).toEqual(['entry #0: dream_gift carries field(s) phone beyond the commitment']);
  });

  it('finds a log with more flowers than the API shows', async () => {
    // Arrange: the API shows one flower less for dream-0
    const log = await servedLog(entriesOf(pendingGifts(600)));
    const shown = flowersOf(600);
    shown.set('dream-0', shown.get('dream-0')! - 1);
    // Act
    const report = await run({ source: log.source, figures: figures(shown) });
    // Assert
    expect(report.findings).toEqual([`dream dream-0: the log has ${flowersOf(600).get('dream-0')} flowers, more than the API's ${shown.get('dream-0')}`]);
  });

  it('says a log behind the API is behind, and finds nothing when the checkpoint after the delay covers it', async () => {
    // Arrange: the API already counts 610 gifts; after the delay the log serves them
    const early = await servedLog(entriesOf(pendingGifts(600)));
    const late = await servedLog(entriesOf(pendingGifts(610)));
    let current = early.source;
    const source = { key: () => current.key(), checkpoint: () => current.checkpoint(), tile: (path: string) => current.tile(path) };
    // Act
    const report = await run({ source, figures: figures(flowersOf(610)), settle: async () => void (current = late.source) });
    // Assert
    expect(report.findings).toEqual([]);
    expect(report.infos).toContainEqual(expect.stringMatching(/^dream dream-\d: the log is behind the API by \d+ flowers/));
    expect(report.checkpoint?.size).toBe(610);
  });

  it('finds a log still behind the API after the delay', async () => {
    // Arrange: the API counts 610 gifts, the log never gets past 600
    const log = await servedLog(entriesOf(pendingGifts(600)));
    // Act
    const report = await run({ source: log.source, figures: figures(flowersOf(610)) });
    // Assert
    expect(report.findings).toContainEqual(
      expect.stringMatching(/^dream dream-\d: the log still has \d+ flowers after the delay; the API showed \d+ before it$/),
    );
  });

  it('checks a witness cosignature when given its key, and finds it missing', async () => {
    // Arrange
    const witness = ed25519FromSeed(new Uint8Array(32).fill(3));
    const witnessKey = noteKey(sha256, 'witness.example', SIGNATURE_COSIGNATURE, witness.publicKey);
    const cosigned = await servedLog(entriesOf(pendingGifts(20)), testSigner(), (text) => cosign(witnessKey, witness.sign, text, 1_764_000_000));
    const bare = await servedLog(entriesOf(pendingGifts(20)));
    const deps = { figures: figures(flowersOf(20)), witnessKeys: [formatVerifierKey(witnessKey)] };
    // Act
    const withIt = await run({ source: cosigned.source, ...deps });
    const without = await run({ source: bare.source, ...deps });
    // Assert
    expect(withIt.findings).toEqual([]);
    expect(withIt.summary).toContain('cosigned by witness.example');
    expect(without.findings).toEqual(['checkpoint: no cosignature from witness witness.example']);
  });
});
