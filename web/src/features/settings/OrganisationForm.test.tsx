import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import i18n from '../../i18n/index.ts';
import { Providers } from '../../providers.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

describe('OrganisationForm', () => {
  it('refuses an impossible fiscal year start and a company without SIREN, in French', async () => {
    const onSubmit = vi.fn(async () => undefined);
    render(
      <Providers queryClient={createQueryClient()}>
        <OrganisationForm onSubmit={onSubmit} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('Nom de l’organisation'), { target: { value: 'SARL Test' } });
    fireEvent.change(screen.getByLabelText(/^Début de l’exercice/), { target: { value: '13-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText('Début d’exercice au format MM-JJ, date réelle hors 29 février (ex. 01-01).'),
    ).toBeTruthy();
    expect(screen.getByText('Le SIREN est obligatoire pour une entreprise.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Le formulaire contient des erreurs');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a valid association', async () => {
    const onSubmit = vi.fn(async () => undefined);
    render(
      <Providers queryClient={createQueryClient()}>
        <OrganisationForm onSubmit={onSubmit} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('Nom de l’organisation'), {
      target: { value: 'Les Amis du Val' },
    });
    fireEvent.change(screen.getByLabelText('Type d’organisation'), { target: { value: 'association' } });
    fireEvent.change(screen.getByLabelText(/^Début de l’exercice/), { target: { value: '09-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Les Amis du Val',
        kind: 'association',
        fiscalYearStart: '09-01',
        siren: null,
      }),
    );
  });
});
