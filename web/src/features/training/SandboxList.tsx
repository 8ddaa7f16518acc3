import { Badge, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { resetSandbox, type SandboxDto, trainingKeys } from './training-api.ts';

/** Sandboxes with their simulated "today", a link into each, and reset back to the starting point. */
export function SandboxList({
  orgId,
  sandboxes,
  mine,
}: {
  orgId: string;
  sandboxes: SandboxDto[];
  mine?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: (sandbox: SandboxDto) => resetSandbox(orgId, sandbox.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
      notify('success', t('training.sandboxes.resetDone'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (sandboxes.length === 0) return <Text c="dimmed">{t('training.sandboxes.none')}</Text>;
  return (
    <Table striped data-testid="sandboxes-table">
      <Table.Thead>
        <Table.Tr>
          {mine ? null : <Table.Th>{t('training.sandboxes.student')}</Table.Th>}
          <Table.Th>{t('training.sandboxes.scenario')}</Table.Th>
          <Table.Th>{t('training.sandboxes.today')}</Table.Th>
          <Table.Th>{t('training.sandboxes.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sandboxes.map((s) => (
          <Table.Tr key={s.id} data-testid="sandbox-row">
            {mine ? null : <Table.Td>{s.studentName}</Table.Td>}
            <Table.Td>
              {mine ? (
                <AnchorLink to="/orgs/$orgId" params={{ orgId: s.sandboxOrgId }} data-testid="sandbox-link">
                  {s.scenarioTitle}
                </AnchorLink>
              ) : (
                s.scenarioTitle
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="grape">
                {s.simulatedToday ?? '—'}
              </Badge>
            </Table.Td>
            <Table.Td>
              <ConfirmButton
                question={t('training.sandboxes.resetConfirm')}
                onConfirm={() => reset.mutate(s)}
                loading={reset.isPending && reset.variables?.id === s.id}
              >
                {t('training.sandboxes.reset')}
              </ConfirmButton>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
