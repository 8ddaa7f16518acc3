import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemDto } from '../../../../src/relations/catalogue/contract.ts';
import { UNIT_CODES, UNITS } from '../../../../src/relations/shared/units.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { frenchDecimal, readDecimal, VAT_RATE_OPTIONS } from './invoice-form-model.ts';
import {
  type CatalogueItemBody,
  catalogueItemQuery,
  newIdempotencyKey,
  relationsKeys,
  saveCatalogueItem,
  setCatalogueItemArchived,
} from './relations-api.ts';

const newRoute = getRouteApi('/orgs/$orgId/relations/catalogue/new');
const editRoute = getRouteApi('/orgs/$orgId/relations/catalogue/$itemId');

type ItemValues = {
  code: string;
  label: string;
  description: string;
  kind: 'goods' | 'service';
  unit: string;
  unitPrice: string;
  vatRate: string;
  vatExemptionReason: string;
  revenueAccount: string;
};

const toValues = (item?: CatalogueItemDto): ItemValues => ({
  code: item?.code ?? '',
  label: item?.label ?? '',
  description: item?.description ?? '',
  kind: item?.kind ?? 'service',
  unit: item?.unit ?? 'C62',
  unitPrice: item ? frenchDecimal(item.unitPrice, 2) : '',
  vatRate: item ? frenchDecimal(item.vatRate) : '20',
  vatExemptionReason: item?.vatExemptionReason ?? '',
  revenueAccount: item?.revenueAccount ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

const toBody = (v: ItemValues): CatalogueItemBody => ({
  code: v.code.trim(),
  label: v.label.trim(),
  description: orNull(v.description),
  kind: v.kind,
  unit: v.unit,
  unitPrice: v.unitPrice.replace(/[\s\u00A0\u202F]/g, ''),
  vatRate: v.vatRate,
  vatExemptionReason: orNull(v.vatExemptionReason),
  revenueAccount: orNull(v.revenueAccount),
});

function CatalogueItemForm({
  item,
  orgId,
  readOnly,
  onSaved,
}: {
  item?: CatalogueItemDto;
  orgId: string;
  readOnly?: boolean;
  onSaved: (item: CatalogueItemDto) => Promise<void>;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [alert, setAlert] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<ItemValues>({
    mode: 'controlled',
    initialValues: toValues(item),
    validate: {
      code: (v) => (v.trim() ? null : t('relations.catalogue.errors.code')),
      label: (v) => (v.trim() ? null : t('relations.catalogue.errors.label')),
      unitPrice: (v) => (readDecimal(v, 4) === null ? t('relations.errors.price') : null),
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      setAlert([]);
      setSubmitting(true);
      try {
        await onSaved(await saveCatalogueItem(orgId, item?.id ?? null, toBody(values), idempotencyKey));
      } catch (error) {
        setAlert([errorMessage(error, t), ...applyServerErrors(form, error)]);
        requestAnimationFrame(() =>
          formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
      } finally {
        setSubmitting(false);
      }
    },
    () => setAlert([t('form.fixErrors')]),
  );
  return (
    <form ref={formRef} noValidate onSubmit={submit} data-testid="catalogue-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={900}>
          {alert.length > 0 ? (
            <Alert color="red" role="alert" data-testid="form-alert">
              {alert.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('relations.catalogue.fields.code')}
                required
                maxLength={40}
                data-testid="item-code"
                {...form.getInputProps('code')}
              />
              <TextInput
                label={t('relations.catalogue.fields.label')}
                required
                maxLength={200}
                data-testid="item-label"
                {...form.getInputProps('label')}
              />
              <NativeSelect
                label={t('relations.catalogue.fields.kind')}
                data={[
                  { value: 'service', label: t('relations.itemKinds.service') },
                  { value: 'goods', label: t('relations.itemKinds.goods') },
                ]}
                data-testid="item-kind"
                {...form.getInputProps('kind')}
              />
              <NativeSelect
                label={t('relations.catalogue.fields.unit')}
                data={UNIT_CODES.map((code) => ({ value: code, label: `${UNITS[code].label} (${code})` }))}
                data-testid="item-unit"
                {...form.getInputProps('unit')}
              />
              <TextInput
                label={t('relations.catalogue.fields.unitPrice')}
                description={t('relations.hints.price')}
                required
                inputMode="decimal"
                data-testid="item-unit-price"
                {...form.getInputProps('unitPrice')}
              />
              <NativeSelect
                label={t('relations.catalogue.fields.vatRate')}
                data={VAT_RATE_OPTIONS.map((r) => ({ value: r, label: `${r} %` }))}
                data-testid="item-vat-rate"
                {...form.getInputProps('vatRate')}
              />
              <TextInput
                label={t('relations.catalogue.fields.revenueAccount')}
                description={t('relations.hints.revenueAccount')}
                inputMode="numeric"
                data-testid="item-revenue-account"
                {...form.getInputProps('revenueAccount')}
              />
              <TextInput
                label={t('relations.catalogue.fields.vatExemptionReason')}
                {...form.getInputProps('vatExemptionReason')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('relations.catalogue.fields.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
          </Paper>
        </Stack>
      </fieldset>
      <Group justify="flex-end" mt="lg" gap="sm" maw={900}>
        <ButtonLink variant="default" to="/orgs/$orgId/relations/catalogue" params={{ orgId }}>
          {t('common.cancel')}
        </ButtonLink>
        {readOnly ? null : (
          <Button type="submit" loading={submitting} data-testid="item-submit">
            {t('common.save')}
          </Button>
        )}
      </Group>
    </form>
  );
}

export function NewCatalogueItemPage() {
  const { t } = useTranslation();
  const { orgId } = newRoute.useParams();
  const navigate = newRoute.useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('relations.catalogue.newTitle')} served={INVOICING_SERVE} />
      <CatalogueItemForm
        orgId={orgId}
        onSaved={async (item) => {
          await queryClient.invalidateQueries({ queryKey: relationsKeys.catalogue(orgId) });
          notify('success', t('relations.catalogue.saved', { name: item.label }));
          await navigate({ to: '/orgs/$orgId/relations/catalogue', params: { orgId } });
        }}
      />
    </>
  );
}

export function EditCatalogueItemPage() {
  const { t } = useTranslation();
  const { orgId, itemId } = editRoute.useParams();
  const navigate = editRoute.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('sales.write');
  const query = useQuery(catalogueItemQuery(orgId, itemId));
  const archive = useMutation({
    mutationFn: (archived: boolean) => setCatalogueItemArchived(orgId, itemId, archived),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: relationsKeys.catalogue(orgId) });
      notify(
        'success',
        t(item.archivedAt ? 'relations.catalogue.archived' : 'relations.catalogue.restored', {
          name: item.label,
        }),
      );
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('relations.catalogue.title')} served={INVOICING_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  const item = query.data;
  const archived = item.archivedAt !== null;
  return (
    <>
      <PageHeader
        title={`${item.code} · ${item.label}`}
        served={INVOICING_SERVE}
        actions={
          writable ? (
            <Button
              variant="default"
              loading={archive.isPending}
              onClick={() => archive.mutate(!archived)}
              data-testid={archived ? 'item-restore' : 'item-archive'}
            >
              {archived ? t('parties.restore') : t('parties.archive')}
            </Button>
          ) : null
        }
      />
      {archived ? (
        <Alert color="gray" mb="md" data-testid="item-archived">
          {t('relations.catalogue.archivedNotice')}
        </Alert>
      ) : null}
      <CatalogueItemForm
        key={`${item.id}-${item.updatedAt}`}
        item={item}
        orgId={orgId}
        readOnly={!writable}
        onSaved={async (saved) => {
          await queryClient.invalidateQueries({ queryKey: relationsKeys.catalogue(orgId) });
          notify('success', t('relations.catalogue.saved', { name: saved.label }));
          await navigate({ to: '/orgs/$orgId/relations/catalogue', params: { orgId } });
        }}
      />
    </>
  );
}
