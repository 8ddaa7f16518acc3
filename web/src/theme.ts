import { type CSSVariablesResolver, createTheme, InputWrapper, Menu } from '@mantine/core';

// Shade 8 keeps white text on the primary colour above the WCAG AA contrast ratio (axe checks it).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm', tt: 'none' } },
    // The required mark is drawn by app.css instead, so a label's text is exactly its name
    // ("Nom", not "Nom *") for people and for tests alike.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Mantine's focus placeholder is a role="presentation" child of role="menu", which ARIA forbids
    // (axe: aria-required-children); the menus open on a click or Enter and focus their items anyway.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

// Mantine's default dimmed grey and error red are below 4.5:1 on white; darker shades pass. The light
// variants (badges, active navigation, alerts) get paler backgrounds so their shade-9 text passes
// the AA ratio on hover too.
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  };
  for (const name of Object.keys(t.colors)) {
    light[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    light[`--mantine-color-${name}-light-hover`] =
      `color-mix(in srgb, var(--mantine-color-${name}-0), var(--mantine-color-${name}-1))`;
  }
  return { variables: {}, light, dark: {} };
};
