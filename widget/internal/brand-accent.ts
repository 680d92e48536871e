// A tenant's branding colour made legible on the card of each theme (WCAG contrast). Apart from the theme:
// only the entry form's views once the link has answered (and with it the tenant's branding) use it.

type Rgb = [number, number, number];

/** Relative luminance (WCAG 2) of an sRGB colour with 0–255 channels. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const mix = (from: Rgb, to: Rgb, amount: number) => from.map((c, i) => c + (to[i] - c) * amount) as Rgb;

// The default card of each theme (see `theme` in theme.ts): a tenant's colour must reach 3:1 on it.
const CARD: Record<'light' | 'dark', Rgb> = { light: [255, 255, 255], dark: [0x1f, 0x21, 0x26] };
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [0x0b, 0x12, 0x20];

/** The colour moved toward the text's end of the scale, in 5 % steps, until it is 3:1 on the card. */
function legibleOn(color: Rgb, card: Rgb): Rgb {
  const toward = luminance(card) > 0.5 ? INK : WHITE;
  let step = 0;
  let adjusted = color;
  while (contrastRatio(adjusted, card) < 3 && step < 20) adjusted = mix(color, toward, ++step / 20);
  return adjusted;
}

/**
 * A tenant's branding colour (`#rrggbb`) as the private `--_brand-accent` and `--_brand-accent-text`
 * of the theme: per theme, nudged until it reaches 3:1 on the card, with white or ink text on it,
 * whichever reads better. Undefined for anything but `#rrggbb`.
 */
export function brandAccent(color: string | null | undefined) {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return undefined;
  const rgb = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as Rgb;
  const [light, dark] = [legibleOn(rgb, CARD.light), legibleOn(rgb, CARD.dark)];
  const textOn = (accent: Rgb) =>
    hex(contrastRatio(WHITE, accent) >= contrastRatio(INK, accent) ? WHITE : INK);
  return {
    '--_brand-accent': `light-dark(${hex(light)}, ${hex(dark)})`,
    '--_brand-accent-text': `light-dark(${textOn(light)}, ${textOn(dark)})`,
  };
}
