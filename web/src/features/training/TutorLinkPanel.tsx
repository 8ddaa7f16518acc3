import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmail } from '../../../../src/kernel/identifiers/index.ts';
import { TUTOR_LINK_DEFAULT_DAYS, TUTOR_LINK_MAX_DAYS } from '../../../../src/training/pfmp/contract.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import {
  type AgreementDto,
  type CreatedTutorLinkDto,
  createTutorLink,
  pfmpKeys,
  revokeTutorLink,
  type TutorLinkDto,
  tutorLinkQuery,
} from './pfmp-api.ts';

/**
 * The tutor's assessment link of one agreement (decision 0029): its state, a new one (its address shown
 * only now: the server keeps a hash of it), and revoking it. The new link may also be e-mailed to the
 * tutor through the organisation's outbox (decision 0031).
 */
export function TutorLinkPanel({ orgId, agreement }: { orgId: string; agreement: AgreementDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const link = useQuery(tutorLinkQuery(orgId, agreement.id));
  const [days, setDays] = useState<number | string>(TUTOR_LINK_DEFAULT_DAYS);
  const [address, setAddress] = useState<string | null>(null);
  const [sendByEmail, setSendByEmail] = useState(false);
  const [sendTo, setSendTo] = useState(agreement.tutor?.email ?? '');
  const [sent, setSent] = useState<CreatedTutorLinkDto['email']>(null);
  const sendToError =
    sendByEmail && !isEmail(sendTo.trim()) ? t('training.pfmp.tutorLink.sendToInvalid') : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: pfmpKeys.all(orgId) });
  const create = useMutation({
    mutationFn: () => createTutorLink(orgId, agreement.id, Number(days), sendByEmail ? sendTo.trim() : null),
    onSuccess: async (answer) => {
      setAddress(`${window.location.origin}${answer.path}`);
      setSent(answer.email);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeTutorLink(orgId, agreement.id),
    onSuccess: async () => {
      setAddress(null);
      setSent(null);
      await refresh();
      notify('success', t('training.pfmp.tutorLink.revoked'));
    },
  });
  const current = link.data?.link ?? null;
  const headingId = `tutor-link-${agreement.id}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="tutor-link">
      <Title order={3} size="h4" id={headingId}>
        {t('training.pfmp.tutorLink.title')}
      </Title>
      <Text size="sm" data-testid="tutor-link-status">
        {current ? linkState(current, t) : t('training.pfmp.tutorLink.none')}
      </Text>
      {address ? (
        <Alert
          color="teal"
          title={t('training.pfmp.tutorLink.createdTitle')}
          data-testid="tutor-link-created"
        >
          <Stack gap="xs">
            {sent ? (
              <Text size="sm" role="status" data-testid="tutor-link-email">
                {sent.status === 'queued'
                  ? t('training.pfmp.tutorLink.emailQueued', { to: sent.to })
                  : t('training.pfmp.tutorLink.emailNotConfigured')}
              </Text>
            ) : null}
            <Text size="sm">{t('training.pfmp.tutorLink.onlyOnce')}</Text>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                readOnly
                label={t('training.pfmp.tutorLink.address')}
                value={address}
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1 }}
                data-testid="tutor-link-url"
              />
              <CopyButton value={address}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('training.pfmp.tutorLink.copied') : t('training.pfmp.tutorLink.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {agreement.status !== 'cancelled' ? (
        <Stack gap="xs">
          <Checkbox
            label={t('training.pfmp.tutorLink.sendByEmail')}
            checked={sendByEmail}
            onChange={(e) => setSendByEmail(e.currentTarget.checked)}
            data-testid="tutor-link-send"
          />
          {sendByEmail ? (
            <TextInput
              type="email"
              label={t('training.pfmp.tutorLink.sendTo')}
              value={sendTo}
              onChange={(e) => setSendTo(e.currentTarget.value)}
              error={sendTo.trim() === '' ? null : sendToError}
              maw={360}
              data-testid="tutor-link-send-to"
            />
          ) : null}
          <Group align="flex-end">
            <NumberInput
              label={t('training.pfmp.tutorLink.days', { max: TUTOR_LINK_MAX_DAYS })}
              min={1}
              max={TUTOR_LINK_MAX_DAYS}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              w={220}
            />
            <Button
              onClick={() => create.mutate()}
              loading={create.isPending}
              disabled={sendToError !== null}
              data-testid="create-tutor-link"
            >
              {current?.status === 'active'
                ? t('training.pfmp.tutorLink.replace')
                : t('training.pfmp.tutorLink.create')}
            </Button>
            {current?.status === 'active' ? (
              <Button
                variant="default"
                onClick={() => revoke.mutate()}
                loading={revoke.isPending}
                data-testid="revoke-tutor-link"
              >
                {t('training.pfmp.tutorLink.revoke')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
      <ErrorAlert error={create.error ?? revoke.error ?? link.error} />
    </Stack>
  );
}

function linkState(link: TutorLinkDto, t: TFunction): string {
  switch (link.status) {
    case 'active':
      return t('training.pfmp.tutorLink.active', { date: formatDate(link.expiresAt) });
    case 'used':
      return t('training.pfmp.tutorLink.used', {
        date: formatDate(link.usedAt ?? link.createdAt),
        name: link.signerName ?? '',
        function: link.signerFunction ?? '',
      });
    case 'revoked':
      return t('training.pfmp.tutorLink.revokedOn', { date: formatDate(link.revokedAt ?? link.createdAt) });
    case 'expired':
      return t('training.pfmp.tutorLink.expired', { date: formatDate(link.expiresAt) });
  }
}
