import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { createQueryClient } from '../../api/query-client.ts';
import i18n from '../../i18n/index.ts';
import { Providers } from '../../providers.tsx';
import { PartyForm } from './PartyForm.tsx';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

function renderForm(onSubmit = vi.fn(async () => undefined)) {
  render(
    <Providers queryClient={createQueryClient()}>
      <PartyForm onSubmit={onSubmit} cancel={null} />
    </Providers>,
  );
  return onSubmit;
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

describe('PartyForm', () => {
  it('shows the contract’s French messages and sends nothing when the form is incomplete', async () => {
    const onSubmit = renderForm();
    save();
    expect(await screen.findByText('Le nom est obligatoire.')).toBeTruthy();
    expect(screen.getByText('Choisissez au moins un rôle (client, fournisseur…).')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Le formulaire contient des erreurs');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Nom/).getAttribute('aria-invalid')).toBe('true');
  });

  it('checks identifiers and the fields of a repeated address', async () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Garage Dupont' } });
    fireEvent.click(screen.getByLabelText('Fournisseur'));
    fireEvent.change(screen.getByLabelText(/^SIREN/), { target: { value: '123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une adresse' }));
    const address = screen.getByRole('group', { name: 'Adresse 1' });
    fireEvent.change(within(address).getByLabelText(/^Code postal/), { target: { value: '690' } });
    save();
    await waitFor(() => expect(screen.getByLabelText(/^SIREN/).getAttribute('aria-invalid')).toBe('true'));
    expect(within(address).getByText('L’adresse est obligatoire.')).toBeTruthy();
    expect(within(address).getByText('La ville est obligatoire.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the parsed input once it is valid', async () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: '  Papeterie Durand ' } });
    fireEvent.click(screen.getByLabelText('Client'));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
    fireEvent.change(screen.getByLabelText(/^Interlocuteur/), { target: { value: 'Jeanne Durand' } });
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'organisation',
        name: 'Papeterie Durand',
        roles: ['customer'],
        siren: null,
        email: null,
        contacts: [{ name: 'Jeanne Durand', jobTitle: null, email: null, phone: null }],
        addresses: [],
      }),
    );
  });

  it('puts the server’s field errors next to the inputs', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        type: 'https://agora.dev/problems/conflict',
        title: 'Conflit',
        status: 409,
        detail: 'Un tiers porte déjà ce SIRET.',
        errors: [
          { field: 'name', message: 'Ce nom est déjà pris.' },
          { field: 'somewhere.else', message: 'Message sans champ.' },
        ],
      });
    });
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Boulangerie Martin' } });
    fireEvent.click(screen.getByLabelText('Client'));
    save();
    expect(await screen.findByText('Ce nom est déjà pris.')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Un tiers porte déjà ce SIRET.');
    expect(alert.textContent).toContain('Message sans champ.');
  });
});
