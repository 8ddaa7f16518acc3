import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';

/** A short confirmation or failure, announced to screen readers, with a named close button. */
export function notify(kind: 'success' | 'error', message: string): void {
  notifications.show({
    color: kind === 'success' ? 'green' : 'red',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
