import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import i18n from '../i18n/index.ts';
import { Providers } from '../providers.tsx';
import { LoginPage } from './LoginPage.tsx';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function problem(status: number, kind: string, detail: string): Response {
  return new Response(
    JSON.stringify({ type: `https://agora.dev/problems/${kind}`, title: kind, status, detail }),
    {
      status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    },
  );
}

async function renderLogin() {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <LoginPage /> }),
    history: createMemoryHistory({ initialEntries: ['/login'] }),
  });
  render(
    <Providers queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </Providers>,
  );
  await screen.findByRole('button', { name: 'Se connecter' });
}

async function submit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Adresse e-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
  return screen.findByRole('alert');
}

describe('LoginPage', () => {
  it('has labelled inputs and asks for both before calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await renderLogin();
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('L’adresse e-mail est obligatoire.')).toBeTruthy();
    expect(screen.getByText('Le mot de passe est obligatoire.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says the credentials are wrong on a 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'unauthenticated', 'Adresse e-mail ou mot de passe incorrect.')),
    );
    await renderLogin();
    const alert = await submit('demo@agora.test', 'mauvais');
    expect(alert.textContent).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('says to wait when the login is rate-limited', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(429, 'rate-limited', 'Trop de tentatives : réessayez dans une minute.')),
    );
    await renderLogin();
    const alert = await submit('demo@agora.test', 'mauvais');
    expect(alert.textContent).toBe('Trop de tentatives : patientez une minute avant de réessayer.');
  });
});
