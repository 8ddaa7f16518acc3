import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LoanDto,
  type ResourceCategory,
  type ResourceDto,
  type ResourceState,
  resourceCategories,
  resourceStates,
} from '../../../../../src/production/workplace/resources/contract.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { day } from '../../relations/format.ts';
import {
  borrowersQuery,
  createBooking,
  createResource,
  lendResource,
  resourceKeys,
  returnLoan,
  todayLocal,
  updateResource,
} from './resources-api.ts';

// The dialogs of the shared resources page: add a resource, lend it, take it back, book it.

function useDone(orgId: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return async (message: string) => {
    notify('success', message);
    await queryClient.invalidateQueries({ queryKey: resourceKeys.all(orgId) });
    onClose();
  };
}

/** Adds a resource, or corrects one (its state too: « hors service » stops its loans). */
export function NewResourceModal({
  orgId,
  resource,
  onClose,
}: {
  orgId: string;
  resource?: ResourceDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [f, setF] = useState({
    name: resource?.name ?? '',
    category: resource?.category ?? ('equipment' as ResourceCategory),
    identifier: resource?.identifier ?? '',
    location: resource?.location ?? '',
    state: resource?.state ?? ('good' as ResourceState),
  });
  const [notes, setNotes] = useState(resource?.notes ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: f.name.trim(),
        category: f.category,
        identifier: f.identifier.trim() || null,
        location: f.location.trim() || null,
        state: f.state,
        notes: notes.trim() || null,
      };
      return resource ? updateResource(orgId, resource.id, body) : createResource(orgId, body);
    },
    onSuccess: () => done(t(resource ? 'production.resources.updated' : 'production.resources.created')),
  });
  return (
    <FormModal
      title={
        resource
          ? t('production.resources.editTitle', { name: resource.name })
          : t('production.resources.new')
      }
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="resource-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="resource-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('production.resources.fields.name')}
          required
          maxLength={120}
          autoFocus
          value={f.name}
          onChange={(e) => setF({ ...f, name: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('production.resources.fields.category')}
          value={f.category}
          onChange={(e) => setF({ ...f, category: e.currentTarget.value as ResourceCategory })}
          data={resourceCategories.map((c) => ({
            value: c,
            label: t(`production.resources.categories.${c}`),
          }))}
        />
        <TextInput
          label={t('production.resources.fields.identifier')}
          maxLength={80}
          value={f.identifier}
          onChange={(e) => setF({ ...f, identifier: e.currentTarget.value })}
        />
        <TextInput
          label={t('production.resources.fields.location')}
          maxLength={120}
          value={f.location}
          onChange={(e) => setF({ ...f, location: e.currentTarget.value })}
        />
        {resource ? (
          <NativeSelect
            label={t('production.resources.fields.state')}
            value={f.state}
            onChange={(e) => setF({ ...f, state: e.currentTarget.value as ResourceState })}
            data={resourceStates.map((s) => ({ value: s, label: t(`production.resources.states.${s}`) }))}
          />
        ) : null}
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('production.resources.fields.notes')}
        maxLength={1000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/** An employee from the list, or a name typed in. */
function BorrowerFields({
  orgId,
  employeeId,
  name,
  onChange,
}: {
  orgId: string;
  employeeId: string;
  name: string;
  onChange: (patch: { employeeId?: string; name?: string }) => void;
}) {
  const { t } = useTranslation();
  const borrowers = useQuery(borrowersQuery(orgId));
  return (
    <>
      <NativeSelect
        label={t('production.resources.fields.employee')}
        value={employeeId}
        onChange={(e) => onChange({ employeeId: e.currentTarget.value })}
        data={[
          { value: '', label: t('production.resources.otherPerson') },
          ...(borrowers.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
        ]}
        data-testid="loan-employee"
      />
      <TextInput
        label={t('production.resources.fields.borrowerName')}
        maxLength={120}
        disabled={Boolean(employeeId)}
        required={!employeeId}
        value={name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        data-testid="loan-borrower-name"
      />
    </>
  );
}

export function LendModal({
  orgId,
  resource,
  onClose,
}: {
  orgId: string;
  resource: ResourceDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [who, setWho] = useState({ employeeId: '', name: '' });
  const [outOn, setOutOn] = useState(todayLocal());
  const [dueOn, setDueOn] = useState(todayLocal());
  const [remarks, setRemarks] = useState('');
  const lend = useMutation({
    mutationFn: () =>
      lendResource(orgId, {
        resourceId: resource.id,
        employeeId: who.employeeId || null,
        borrowerName: who.employeeId ? null : who.name.trim() || null,
        outOn,
        dueOn,
        remarks: remarks.trim() || null,
      }),
    onSuccess: (loan) =>
      done(t('production.resources.lent', { name: resource.name, borrower: loan.borrowerName })),
  });
  return (
    <FormModal
      title={t('production.resources.lendTitle', { name: resource.name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        lend.mutate();
      }}
      formTestId="loan-form"
      alert={lend.error ? errorMessage(lend.error, t) : null}
      pending={lend.isPending}
      submitLabel={t('production.resources.lend')}
      submitTestId="loan-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <BorrowerFields
          orgId={orgId}
          employeeId={who.employeeId}
          name={who.name}
          onChange={(p) => setWho({ employeeId: p.employeeId ?? who.employeeId, name: p.name ?? who.name })}
        />
        <TextInput
          type="date"
          label={t('production.resources.fields.outOn')}
          required
          value={outOn}
          onChange={(e) => setOutOn(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('production.resources.fields.dueOn')}
          required
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          data-testid="loan-due"
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('production.resources.fields.remarks')}
        maxLength={500}
        value={remarks}
        onChange={(e) => setRemarks(e.currentTarget.value)}
      />
    </FormModal>
  );
}

export function ReturnModal({ orgId, loan, onClose }: { orgId: string; loan: LoanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [returnedOn, setReturnedOn] = useState(todayLocal());
  const [state, setState] = useState<ResourceState>(loan.stateOut);
  const [remarks, setRemarks] = useState('');
  const back = useMutation({
    mutationFn: () => returnLoan(orgId, loan.id, { returnedOn, state, remarks: remarks.trim() || null }),
    onSuccess: () => done(t('production.resources.returned', { name: loan.resourceName })),
  });
  return (
    <FormModal
      title={t('production.resources.returnTitle', { name: loan.resourceName })}
      help={t('production.resources.returnHelp', {
        borrower: loan.borrowerName,
        out: day(loan.outOn),
        due: day(loan.dueOn),
      })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        back.mutate();
      }}
      formTestId="return-form"
      alert={back.error ? errorMessage(back.error, t) : null}
      pending={back.isPending}
      submitLabel={t('production.resources.takeBack')}
      submitTestId="return-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('production.resources.fields.returnedOn')}
          required
          value={returnedOn}
          onChange={(e) => setReturnedOn(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('production.resources.fields.stateReturned')}
          value={state}
          onChange={(e) => setState(e.currentTarget.value as ResourceState)}
          data={resourceStates.map((s) => ({ value: s, label: t(`production.resources.states.${s}`) }))}
          data-testid="return-state"
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('production.resources.fields.remarks')}
        maxLength={500}
        value={remarks}
        onChange={(e) => setRemarks(e.currentTarget.value)}
        data-testid="return-remarks"
      />
    </FormModal>
  );
}

export function BookModal({
  orgId,
  resource,
  onClose,
}: {
  orgId: string;
  resource: ResourceDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [who, setWho] = useState({ employeeId: '', name: '' });
  const [from, setFrom] = useState(todayLocal());
  const [to, setTo] = useState(todayLocal());
  const [purpose, setPurpose] = useState('');
  const book = useMutation({
    mutationFn: () =>
      createBooking(orgId, {
        resourceId: resource.id,
        employeeId: who.employeeId || null,
        borrowerName: who.employeeId ? null : who.name.trim() || null,
        from,
        to,
        purpose: purpose.trim() || null,
      }),
    onSuccess: () => done(t('production.resources.booked', { name: resource.name })),
  });
  return (
    <FormModal
      title={t('production.resources.bookTitle', { name: resource.name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        book.mutate();
      }}
      formTestId="booking-form"
      alert={book.error ? errorMessage(book.error, t) : null}
      pending={book.isPending}
      submitLabel={t('production.resources.book')}
      submitTestId="booking-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <BorrowerFields
          orgId={orgId}
          employeeId={who.employeeId}
          name={who.name}
          onChange={(p) => setWho({ employeeId: p.employeeId ?? who.employeeId, name: p.name ?? who.name })}
        />
        <TextInput
          type="date"
          label={t('production.resources.fields.from')}
          required
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('production.resources.fields.to')}
          required
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </SimpleGrid>
      <TextInput
        mt="sm"
        label={t('production.resources.fields.purpose')}
        maxLength={200}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
      />
    </FormModal>
  );
}
