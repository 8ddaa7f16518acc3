import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names itself in the tab and for screen readers (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
