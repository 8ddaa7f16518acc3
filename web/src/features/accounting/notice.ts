/**
 * Mantine writes a light alert's text in its colour's darkest shade, which for orange and yellow stays
 * under the AA contrast ratio on their pale background: warnings keep the colour and write in black.
 */
export const WARNING = {
  color: 'orange',
  styles: {
    message: { color: 'var(--mantine-color-black)' },
    title: { color: 'var(--mantine-color-black)' },
  },
} as const;
