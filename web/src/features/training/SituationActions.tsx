import { Button, Group, Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import {
  deleteSituation,
  duplicateSituation,
  type SituationDto,
  situationKeys,
  trainingKeys,
} from './training-api.ts';

/** The teacher's « Dupliquer » and « Supprimer » (a draft without results; the server says why not). */
export function SituationActions({ orgId, situation }: { orgId: string; situation: SituationDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const duplicate = useMutation({
    mutationFn: () => duplicateSituation(orgId, situation.id),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: situationKeys.class(orgId, situation.classId) });
      notify('success', t('training.situations.duplicated', { name: copy.title }));
      await navigate({
        to: '/orgs/$orgId/training/situations/$situationId',
        params: { orgId, situationId: copy.id },
      });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const remove = useMutation({
    mutationFn: () => deleteSituation(orgId, situation.id),
    onSuccess: async () => {
      setConfirming(false);
      notify('success', t('training.situations.deleted', { name: situation.title }));
      // Away first, so the deleted situation's page does not ask for it again.
      await navigate({
        to: '/orgs/$orgId/training/classes/$classId',
        params: { orgId, classId: situation.classId },
      });
      queryClient.removeQueries({ queryKey: situationKeys.one(orgId, situation.id) });
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
    },
  });
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          loading={duplicate.isPending}
          onClick={() => duplicate.mutate()}
          data-testid="duplicate-situation"
        >
          {t('training.situations.duplicate')}
        </Button>
        <Button
          variant="filled"
          color="red.9"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
          data-testid="delete-situation"
        >
          {t('training.situations.delete')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('training.situations.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text mb="lg">{t('training.situations.deleteConfirm', { name: situation.title })}</Text>
        <ErrorAlert error={remove.error} mb="lg" testId="delete-situation-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
            data-testid="delete-situation-confirm"
          >
            {t('training.situations.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
