import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  contractTypes,
  type EmployeeDto,
  type EmployeeInput,
  employeeCategories,
} from '../../../../src/personnel/employees/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { type EmployeeFormValues, toFormValues, validateEmployee } from './employee-form-model.ts';

function focusFirstInvalid(form: HTMLFormElement | null) {
  // After React has painted the messages.
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * Hiring and correcting an employee (same form), keyboard first: the first field has the focus, Enter
 * sends, the first field in error takes the focus back. The contract's schema checks it before the server
 * does, with the same French messages (the NIR key among them).
 */
export function EmployeeForm({
  employee,
  initial,
  onSubmit,
  cancel,
  submitLabel,
}: {
  employee?: EmployeeDto;
  /** Values to start from when there is no employee yet (hiring an applicant). */
  initial?: Partial<EmployeeFormValues>;
  onSubmit: (input: EmployeeInput) => Promise<unknown>;
  cancel: ReactNode;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const messages = {
    hours: t('personnel.employees.errors.hours'),
    amount: t('personnel.employees.errors.amount'),
    rate: t('personnel.employees.errors.rate'),
    date: t('personnel.employees.errors.date'),
    sex: t('personnel.employees.errors.sex'),
  };
  const form = useForm<EmployeeFormValues>({
    mode: 'controlled',
    initialValues: { ...toFormValues(employee), ...initial },
    validate: (values) => {
      const result = validateEmployee(values, messages);
      return result.ok ? {} : result.errors;
    },
  });

  const handleSubmit = form.onSubmit(
    async (values) => {
      const result = validateEmployee(values, messages);
      if (!result.ok) return;
      setAlert([]);
      setSubmitting(true);
      try {
        await onSubmit(result.input);
      } catch (error) {
        const elsewhere = applyServerErrors(form, error);
        setAlert([errorMessage(error, t), ...elsewhere]);
        focusFirstInvalid(formRef.current);
      } finally {
        setSubmitting(false);
      }
    },
    () => {
      setAlert([t('form.fixErrors')]);
      focusFirstInvalid(formRef.current);
    },
  );

  const field = (name: keyof EmployeeFormValues) => ({
    label: t(`personnel.employees.fields.${name}`),
    'data-testid': `employee-${name}`,
    ...form.getInputProps(name),
  });
  const internship = form.values.contractType === 'internship';
  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} data-testid="employee-form">
      <Stack gap="lg">
        {alert.length > 0 ? (
          <Alert color="red" role="alert" data-testid="form-alert">
            {alert.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('personnel.employees.sections.identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...field('lastName')} required maxLength={100} autoFocus autoComplete="off" />
            <TextInput {...field('firstName')} required maxLength={100} autoComplete="off" />
            <NativeSelect
              {...field('sex')}
              required
              data={[
                { value: '', label: t('personnel.employees.chooseSex') },
                { value: 'F', label: t('personnel.employees.sexes.F') },
                { value: 'M', label: t('personnel.employees.sexes.M') },
              ]}
            />
            <TextInput
              {...field('birthDate')}
              required
              placeholder={t('personnel.employees.datePlaceholder')}
            />
            <TextInput {...field('nationality')} required maxLength={60} />
            <TextInput
              {...field('socialSecurityNumber')}
              description={t('personnel.employees.hints.socialSecurityNumber')}
              maxLength={30}
              autoComplete="off"
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('personnel.employees.sections.job')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...field('jobTitle')} required maxLength={100} />
            <TextInput {...field('qualification')} maxLength={100} />
            <NativeSelect
              {...field('category')}
              data={employeeCategories.map((c) => ({
                value: c,
                label: t(`personnel.employees.categories.${c}`),
              }))}
            />
            <NativeSelect
              {...field('contractType')}
              data={contractTypes.map((c) => ({
                value: c,
                label: t(`personnel.employees.contractTypes.${c}`),
              }))}
            />
            <TextInput
              {...field('hireDate')}
              required
              placeholder={t('personnel.employees.datePlaceholder')}
              readOnly={employee !== undefined}
              description={employee ? t('personnel.employees.hints.hireDate') : undefined}
            />
            <TextInput
              {...field('contractEnd')}
              required={form.values.contractType !== 'cdi'}
              placeholder={t('personnel.employees.datePlaceholder')}
            />
            <TextInput
              {...field('weeklyHours')}
              required
              inputMode="decimal"
              description={t('personnel.employees.hints.weeklyHours')}
            />
            <TextInput {...field('monthlyGross')} required inputMode="decimal" />
            <TextInput
              {...field('taxRate')}
              inputMode="decimal"
              description={t('personnel.employees.hints.taxRate')}
            />
            <TextInput
              {...field('workPermit')}
              maxLength={120}
              description={t('personnel.employees.hints.workPermit')}
            />
          </SimpleGrid>
        </Paper>
        {internship ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('personnel.employees.sections.internship')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...field('tutorName')} required maxLength={120} />
              <TextInput {...field('workplace')} maxLength={200} />
            </SimpleGrid>
          </Paper>
        ) : null}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('personnel.employees.sections.contact')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...field('email')} type="email" maxLength={200} autoComplete="off" />
            <TextInput {...field('phone')} type="tel" maxLength={30} autoComplete="off" />
          </SimpleGrid>
          <Textarea {...field('address')} mt="sm" autosize minRows={2} maxLength={300} />
        </Paper>
        <Group>
          <Button type="submit" loading={submitting} data-testid="employee-save">
            {submitLabel}
          </Button>
          {cancel}
        </Group>
      </Stack>
    </form>
  );
}
