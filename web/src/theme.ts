import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shade 8 keeps white text on the primary colour above the WCAG AA contrast ratio (axe checks it).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

// Mantine's default dimmed grey and error red are below 4.5:1 on white; darker shades pass.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
