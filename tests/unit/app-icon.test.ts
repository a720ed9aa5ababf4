import { asciiToBase64, iconDataUri } from '../../app/components/icon/data-uri';
import { ICON_SHAPES, type IconName } from '../../app/components/icon/shapes';

describe('the app’s icon set', () => {
  it('encodes SVG text as base64 exactly as Node does (every padding length)', () => {
    // Arrange
    const texts = ['<svg/>', '<svg />', '<svg  />', '<svg xmlns="http://www.w3.org/2000/svg"/>'];

    // Act
    const ours = texts.map(asciiToBase64);

    // Assert
    expect(ours).toEqual(texts.map((t) => Buffer.from(t, 'ascii').toString('base64')));
  });

  it('gives every icon a Chinese name and an SVG data URI in the colour asked for', () => {
    // Arrange
    const names = Object.keys(ICON_SHAPES) as IconName[];

    // Act
    const svgs = names.map((name) => Buffer.from(iconDataUri(name, '#123456').replace('data:image/svg+xml;base64,', ''), 'base64').toString('ascii'));

    // Assert
    for (const name of names) expect(ICON_SHAPES[name].label).toMatch(/[\u4e00-\u9fff]/);
    for (const svg of svgs) expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 24 24" [^>]*#123456[^>]*>.+<\/svg>$/);
  });
});
