import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

type THtmlAnchor = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & THtmlAnchor>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & THtmlAnchor>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));

/** Mantine's Anchor and NavLink as typed router links (params and search checked against the routes). */
export const AnchorLink = createLink(MantineAnchor);
export const NavLinkLink = createLink(MantineNavLink);
