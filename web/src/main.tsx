import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import './zod-setup.ts';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, onUnauthenticated } from './api/query-client.ts';
import { forgetSession } from './auth/session.ts';
import { Providers } from './providers.tsx';
import { createAppRouter } from './router.tsx';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A session that ends while the app is open (expiry, logout elsewhere) leads back to the login page.
let leaving = false;
onUnauthenticated(() => {
  const { pathname, href } = router.state.location;
  if (leaving || pathname === '/login') return;
  leaving = true;
  // Navigate before dropping the cached data, so no mounted page asks the server again meanwhile.
  void router.navigate({ to: '/login', search: { redirect: href } }).finally(() => {
    forgetSession(queryClient);
    leaving = false;
  });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
