import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

// Mantine's look with TanStack Router's typed `to` and `params` (a plain `component={Link}` loses the types).

type AnchorAttrs = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

function MantineAnchor(props: AnchorProps & AnchorAttrs & { ref?: Ref<HTMLAnchorElement> }) {
  return <Anchor {...props} />;
}
function MantineButton(props: ButtonProps & AnchorAttrs & { ref?: Ref<HTMLAnchorElement> }) {
  return <Button component="a" {...props} />;
}
function MantineNavLink(props: NavLinkProps & AnchorAttrs & { ref?: Ref<HTMLAnchorElement> }) {
  return <NavLink component="a" {...props} />;
}

const AnchorRouterLink = createLink(MantineAnchor);
const ButtonRouterLink = createLink(MantineButton);
const NavRouterLink = createLink(MantineNavLink);

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <AnchorRouterLink {...props} />;
export const ButtonLink: LinkComponent<typeof MantineButton> = (props) => <ButtonRouterLink {...props} />;
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => <NavRouterLink {...props} />;
