import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * One sentence for the user about a failed request. Kinds the web knows get their translated
 * sentence; otherwise the server's detail, which is French, is shown in French and replaced by a
 * general sentence in other languages.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  switch (error.kind) {
    case 'network':
      return t('errors.network');
    case 'csrf':
      return t('errors.csrf');
    case 'rate-limited':
      return t('errors.rateLimited');
    case 'internal':
      return t('errors.internal');
    default:
      if (currentLanguage() === 'fr') return error.problem.detail ?? error.problem.title;
      if (error.kind === 'invalid') return t('errors.invalid');
      if (error.kind === 'forbidden') return t('errors.forbidden');
      if (error.kind === 'not-found') return t('errors.notFound');
      return t('errors.unexpected');
  }
}
