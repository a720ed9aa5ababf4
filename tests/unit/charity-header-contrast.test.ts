import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The workbench stylesheet's `$charity-head-…` colours, as written there. */
function headerColours(): Record<string, string> {
  const scss = readFileSync(join(__dirname, '../../app/charity/workbench/index.scss'), 'utf8');
  return Object.fromEntries([...scss.matchAll(/^\$charity-head-([a-z]+):\s*(#[0-9a-fA-F]{6});/gm)].map((m) => [m[1], m[2]]));
}

describe('the charity workbench header', () => {
  it('keeps every text and link on it at a contrast of at least 4.5:1', () => {
    // Arrange
    const { bg, text, link } = headerColours();

    // Act
    const ratios = { text: contrast(text, bg), link: contrast(link, bg) };

    // Assert
    expect(ratios.text).toBeGreaterThanOrEqual(4.5);
    expect(ratios.link).toBeGreaterThanOrEqual(4.5);
  });

  it('measures the known pairs as WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    // The old header: the theme red link on the theme green.
    expect(contrast('#e64340', '#2e9d5b')).toBeLessThan(4.5);
  });

  it('draws its header only in those colours (no gradient or opacity to lighten them)', () => {
    const scss = readFileSync(join(__dirname, '../../app/charity/workbench/index.scss'), 'utf8');
    const head = /\.charity-head \{[^}]*\}/.exec(scss)![0];
    expect(head).toContain('background: $charity-head-bg;');
    expect(scss).not.toMatch(/opacity:/);
  });
});
