import { Button, Combobox, Menu, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { forgetSession, useMe } from '../auth/session.ts';
import { currentLanguage, LANGUAGES, setLanguage } from '../i18n/index.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [passwordOpened, password] = useDisclosure(false);
  const language = currentLanguage();

  const logout = useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      // Leave the pages that read /me first, or dropping it would make them ask again (a 401).
      await navigate({ to: '/login', search: { redirect: undefined } });
      forgetSession(queryClient);
    },
  });

  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="dark" rightSection={<Combobox.Chevron />} data-testid="user-menu">
            <VisuallyHidden>{t('shell.userMenu')} : </VisuallyHidden>
            {me.user.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.user.email}</Menu.Label>
          <Menu.Divider />
          <Menu.Label>{t('shell.language')}</Menu.Label>
          {LANGUAGES.map((lng) => (
            <Menu.Item
              key={lng}
              lang={lng}
              onClick={() => setLanguage(lng)}
              aria-current={lng === language ? 'true' : undefined}
              fw={lng === language ? 700 : undefined}
              leftSection={<span aria-hidden="true">{lng === language ? '✓' : ' '}</span>}
              data-testid={`language-${lng}`}
            >
              {t(`languages.${lng}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={password.open} data-testid="change-password">
            {t('shell.changePassword')}
          </Menu.Item>
          <Menu.Item onClick={() => logout.mutate()} data-testid="logout">
            {t('shell.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
    </>
  );
}
