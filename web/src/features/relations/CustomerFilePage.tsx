import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureCheckDto } from '../../../../src/relations/privacy/contract.ts';
import { consentPurposes } from '../../../../src/relations/privacy/contract.ts';
import type { FileSectionDto } from '../../../../src/relations/records/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { RECORDS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { CustomerCreditSummary } from './CustomerCreditBox.tsx';
import { day, money } from './format.ts';
import {
  consentsQuery,
  customerFileQuery,
  eraseParty,
  erasureCheck,
  exportPersonalData,
  recordConsent,
  recordsKeys,
} from './records-api.ts';
import { saveFile } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/customers/$partyId');

/** Where an item of a known section opens; a section added later shows its rows without a link. */
function ItemLink({
  orgId,
  section,
  id,
  children,
}: {
  orgId: string;
  section: string;
  id: string;
  children: string;
}) {
  if (section === 'invoices')
    return (
      <AnchorLink to="/orgs/$orgId/relations/invoices/$invoiceId" params={{ orgId, invoiceId: id }}>
        {children}
      </AnchorLink>
    );
  if (section === 'requests')
    return (
      <AnchorLink to="/orgs/$orgId/relations/requests/$requestId" params={{ orgId, requestId: id }}>
        {children}
      </AnchorLink>
    );
  if (section === 'complaints')
    return (
      <AnchorLink to="/orgs/$orgId/relations/complaints/$complaintId" params={{ orgId, complaintId: id }}>
        {children}
      </AnchorLink>
    );
  return <>{children}</>;
}

function Section({ orgId, section }: { orgId: string; section: FileSectionDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={`file-section-${section.key}`}>
      <Title order={2} size="h4" mb="sm">
        {section.title} ({section.count})
      </Title>
      {section.items.length === 0 ? (
        <Text size="sm">{t('records.file.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.file.columns.date')}</Table.Th>
                <Table.Th>{t('records.file.columns.reference')}</Table.Th>
                <Table.Th>{t('records.file.columns.label')}</Table.Th>
                <Table.Th>{t('records.file.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('records.file.columns.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{day(item.date)}</Table.Td>
                  <Table.Td>{item.reference ?? ''}</Table.Td>
                  <Table.Td>
                    <ItemLink orgId={orgId} section={section.key} id={item.id}>
                      {item.label}
                    </ItemLink>
                  </Table.Td>
                  <Table.Td>{item.status}</Table.Td>
                  <Table.Td ta="right">{item.amount === null ? '' : money(item.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function Consents({ orgId, partyId, writable }: { orgId: string; partyId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useQuery(consentsQuery(orgId, partyId));
  const [purpose, setPurpose] = useState<string>(consentPurposes[0]);
  const [granted, setGranted] = useState('true');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      recordConsent(orgId, partyId, {
        purpose,
        granted: granted === 'true',
        givenOn: null,
        source: source.trim(),
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(recordsKeys.consents(orgId, partyId), data);
      setSource('');
      setError(null);
      notify('success', t('records.file.consentSaved'));
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const current = new Map((consents.data?.current ?? []).map((c) => [c.purpose, c]));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('records.file.consents')}
      </Title>
      <Table>
        <Table.Tbody>
          {consentPurposes.map((p) => {
            const c = current.get(p);
            return (
              <Table.Tr key={p}>
                <Table.Td>{t(`records.file.purposes.${p}`)}</Table.Td>
                <Table.Td>
                  {c ? (
                    <Badge color={c.granted ? 'teal' : 'red'} variant="light">
                      {t(c.granted ? 'records.file.granted' : 'records.file.refused')}
                    </Badge>
                  ) : (
                    <Text size="sm">{t('records.file.never')}</Text>
                  )}
                </Table.Td>
                <Table.Td>{c ? `${day(c.givenOn)} — ${c.source}` : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {writable ? (
        <Stack gap="xs" mt="sm">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('records.file.purpose')}
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              data={consentPurposes.map((p) => ({ value: p, label: t(`records.file.purposes.${p}`) }))}
            />
            <NativeSelect
              label={t('records.file.columns.status')}
              value={granted}
              onChange={(e) => setGranted(e.currentTarget.value)}
              data={[
                { value: 'true', label: t('records.file.grant') },
                { value: 'false', label: t('records.file.refuse') },
              ]}
            />
            <TextInput
              label={t('records.file.source')}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
            />
            <Button onClick={() => save.mutate()} disabled={!source.trim()} loading={save.isPending}>
              {t('records.file.record')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

function Privacy({ orgId, partyId }: { orgId: string; partyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<ErasureCheckDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'json' | 'text') => {
    try {
      const file = await exportPersonalData(orgId, partyId, format);
      saveFile(file.blob, file.fileName ?? `donnees.${format === 'text' ? 'txt' : 'json'}`);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };
  const open = useMutation({
    mutationFn: () => erasureCheck(orgId, partyId),
    onSuccess: setCheck,
    onError: (e) => setError(errorMessage(e, t)),
  });
  const erase = useMutation({
    mutationFn: () => eraseParty(orgId, partyId),
    onSuccess: async () => {
      setCheck(null);
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'parties'] });
      notify('success', t('records.file.erased'));
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('records.file.privacy')}
      </Title>
      {error ? (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => void download('json')}>
          {t('records.file.exportJson')}
        </Button>
        <Button variant="default" onClick={() => void download('text')}>
          {t('records.file.exportText')}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => open.mutate()}
          loading={open.isPending}
          data-testid="erasure-open"
        >
          {t('records.file.checkErasure')}
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={check !== null}
        onClose={() => setCheck(null)}
        title={t('records.file.erasureTitle')}
        size="lg"
      >
        {check ? (
          <Stack gap="sm">
            {check.obstacles.length > 0 ? (
              <Alert color="orange" title={t('records.file.obstacles')} data-testid="erasure-obstacles">
                <List size="sm">
                  {check.obstacles.map((o) => (
                    <List.Item key={o}>{o}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Text fw={600}>{t('records.file.kept')}</Text>
            <List size="sm">
              {check.kept.map((k) => (
                <List.Item key={k}>{k}</List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCheck(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                disabled={!check.allowed}
                onClick={() => erase.mutate()}
                loading={erase.isPending}
              >
                {t('records.file.confirmErase')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}

export function CustomerFilePage() {
  const { t } = useTranslation();
  const { orgId, partyId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const file = useQuery(customerFileQuery(orgId, partyId));
  if (file.isError) return <LoadError error={file.error} />;
  if (file.isPending) return <Loader />;
  const party = file.data.party;
  return (
    <>
      <PageHeader title={t('records.file.title', { name: party.name })} served={RECORDS_SERVE} />
      <Stack gap="md">
        <Text size="sm">
          {[party.email, party.phone, party.siren ? `SIREN ${party.siren}` : null]
            .filter(Boolean)
            .join(' · ')}{' '}
          <AnchorLink to="/orgs/$orgId/parties/$partyId" params={{ orgId, partyId }}>
            {t('relations.nav.parties')}
          </AnchorLink>
        </Text>
        {can('sales.read') ? <CustomerCreditSummary orgId={orgId} customerId={partyId} /> : null}
        {file.data.sections.map((section) => (
          <Section key={section.key} orgId={orgId} section={section} />
        ))}
        <Consents orgId={orgId} partyId={partyId} writable={can('parties.write')} />
        {can('privacy.manage') && party.kind === 'person' ? (
          <Privacy orgId={orgId} partyId={partyId} />
        ) : null}
      </Stack>
    </>
  );
}
